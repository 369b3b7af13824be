package dev.kafkasdk.admin;

import java.util.Objects;

/**
 * One problem found by a {@link LintRule}.
 *
 * @param ruleId the rule's stable id, for example {@code KSDK-L001}
 * @param severity how serious it is
 * @param subject what it is about, for example {@code topic 'orders'} or {@code producer 'default'}
 * @param message what is wrong and why it matters
 * @param fix what to change
 * @since 0.1
 */
public record LintFinding(String ruleId, Severity severity, String subject, String message, String fix) {

    /**
     * Rejects null components.
     *
     * @param ruleId the rule's stable id, for example {@code KSDK-L001}
     * @param severity how serious it is
     * @param subject what it is about, for example {@code topic 'orders'} or {@code producer 'default'}
     * @param message what is wrong and why it matters
     * @param fix what to change
     */
    public LintFinding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /**
     * One table row, for example
     * {@code WARN     KSDK-L001  topic 'orders': replication factor 1 loses data ... Fix: set replication-factor: 3}.
     *
     * @return the row
     */
    @Override
    public String toString() {
        return String.format("%-8s %-10s %s: %s Fix: %s", severity, ruleId, subject, message, fix);
    }
}
