package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.EnumSupport;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a consumer starts when it has no committed offset or the committed one was deleted
 * ({@code auto.offset.reset}).
 */
public enum OffsetReset {
    /** Start from the oldest retained record. */
    EARLIEST("earliest"),
    /** Start after the newest record: only records produced from now on. */
    LATEST("latest"),
    /** Fail with an exception instead of guessing. */
    NONE("none");

    private final String kafkaValue;
    private final List<String> spellings;

    OffsetReset(String kafkaValue, String... aliases) {
        this.kafkaValue = kafkaValue;
        this.spellings =
                Stream.concat(Stream.of(kafkaValue), Stream.of(aliases)).toList();
    }

    /**
     * The value kafka-clients expects for this setting.
     *
     * @return e.g. {@code "earliest"}
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
    public static OffsetReset parse(String text) {
        return EnumSupport.parse(OffsetReset.class, text, "auto-offset-reset value", e -> e.spellings);
    }
}
