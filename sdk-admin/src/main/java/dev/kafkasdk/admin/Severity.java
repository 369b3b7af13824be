package dev.kafkasdk.admin;

/**
 * How serious a {@link LintFinding} is. Declared from most to least serious.
 *
 * @since 0.1
 */
public enum Severity {
    /** The configuration fails or loses data as written; the CLI exits non-zero. */
    ERROR,
    /** Works, but against Kafka's operating advice; worth fixing. */
    WARN,
    /** Worth knowing; no action needed in most deployments. */
    INFO
}
