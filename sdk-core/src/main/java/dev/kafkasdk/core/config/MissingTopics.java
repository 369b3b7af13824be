package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.EnumSupport;
import java.util.List;

/**
 * What a managed consumer does when a topic it subscribed to (or was assigned partitions of) does
 * not exist once its {@code start-timeout} has passed (consumer setting {@code missing-topics}). A
 * topic the consumer's principal may not describe looks missing too. See {@code docs/consumer.md}.
 *
 * @since 0.1
 */
public enum MissingTopics {
    /** The consumer ends {@code FAILED} with a cause naming the missing topics (the default). */
    FAIL("fail"),
    /** The consumer stays {@code STARTING} (not ready) until every topic exists; one WARN line says so. */
    WAIT("wait"),
    /** One WARN line names the missing topics; the consumer runs with the topics that exist. */
    WARN("warn");

    private final String value;

    MissingTopics(String value) {
        this.value = value;
    }

    /**
     * The value as written in a config file.
     *
     * @return e.g. {@code "fail"}
     */
    public String value() {
        return value;
    }

    /**
     * Parses a value leniently: case-insensitive, {@code -} and {@code _} interchangeable.
     *
     * @param text the text, e.g. from a config file
     * @return the constant
     * @throws IllegalArgumentException naming the text and listing the valid values
     */
    public static MissingTopics parse(String text) {
        return EnumSupport.parse(MissingTopics.class, text, "missing-topics value", e -> List.of(e.value));
    }
}
