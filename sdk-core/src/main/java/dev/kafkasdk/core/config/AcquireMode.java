package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.EnumSupport;
import java.util.List;
import java.util.stream.Stream;

/**
 * How many records a share consumer acquires per fetch ({@code share.acquire.mode}).
 *
 * @since 0.2
 */
public enum AcquireMode {
    /** The broker may hand over whole batches, more than {@code max.poll.records} (kafka-clients' default). */
    BATCH_OPTIMIZED("batch_optimized"),
    /** At most {@code max.poll.records} records are acquired: fewer locks held by a slow member. */
    RECORD_LIMIT("record_limit");

    private final String kafkaValue;
    private final List<String> spellings;

    AcquireMode(String kafkaValue) {
        this.kafkaValue = kafkaValue;
        this.spellings = Stream.of(kafkaValue).toList();
    }

    /**
     * The value kafka-clients expects for this setting.
     *
     * @return e.g. {@code "batch_optimized"}
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
    public static AcquireMode parse(String text) {
        return EnumSupport.parse(AcquireMode.class, text, "acquire-mode value", e -> e.spellings);
    }
}
