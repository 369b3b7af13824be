package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.EnumSupport;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a topic does with old segments (topic config {@code cleanup.policy}).
 */
public enum CleanupPolicy {
    /** Delete segments older than the retention time or beyond the retention size. */
    DELETE("delete"),
    /** Keep the latest record per key. */
    COMPACT("compact"),
    /** Compact, and also delete by retention. */
    DELETE_COMPACT("delete,compact", "compact,delete");

    private final String kafkaValue;
    private final List<String> spellings;

    CleanupPolicy(String kafkaValue, String... aliases) {
        this.kafkaValue = kafkaValue;
        this.spellings =
                Stream.concat(Stream.of(kafkaValue), Stream.of(aliases)).toList();
    }

    /**
     * The value kafka-clients expects for this setting.
     *
     * @return e.g. {@code "delete,compact"}
     */
    public String kafkaValue() {
        return kafkaValue;
    }

    /**
     * Parses a value leniently: case-insensitive, {@code -} and {@code _} interchangeable;
     * both the constant name and the kafka-clients value are accepted.
     *
     * @param text the text, e.g. from a config file
     * @return the constant
     * @throws IllegalArgumentException naming the text and listing the valid values
     */
    public static CleanupPolicy parse(String text) {
        return EnumSupport.parse(CleanupPolicy.class, text, "cleanup policy", e -> e.spellings);
    }
}
