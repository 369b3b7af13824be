package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.EnumSupport;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which transactional records a consumer sees ({@code isolation.level}).
 */
public enum IsolationLevel {
    /** Every record, including those of aborted or still-open transactions. */
    READ_UNCOMMITTED("read_uncommitted"),
    /** Only records of committed transactions (and non-transactional ones). */
    READ_COMMITTED("read_committed");

    private final String kafkaValue;
    private final List<String> spellings;

    IsolationLevel(String kafkaValue, String... aliases) {
        this.kafkaValue = kafkaValue;
        this.spellings =
                Stream.concat(Stream.of(kafkaValue), Stream.of(aliases)).toList();
    }

    /**
     * The value kafka-clients expects for this setting.
     *
     * @return e.g. {@code "read_committed"}
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
    public static IsolationLevel parse(String text) {
        return EnumSupport.parse(IsolationLevel.class, text, "isolation level", e -> e.spellings);
    }
}
