package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.EnumSupport;
import java.util.List;
import java.util.stream.Stream;

/**
 * How many replicas must have a record before the producer counts it as sent ({@code acks}).
 * Trade-off: fewer acknowledgements, lower latency and higher throughput, more possible loss.
 */
public enum Acks {
    /** {@code acks=0}: waits for nothing; highest throughput, loss is likely on any failure. */
    NONE("0", "none"),
    /** {@code acks=1}: the leader wrote it; lost if the leader dies before followers copy it. */
    LEADER("1", "leader"),
    /** {@code acks=all}: every in-sync replica has it; no loss while one ISR member survives. */
    ALL("all", "-1");

    private final String kafkaValue;
    private final List<String> spellings;

    Acks(String kafkaValue, String... aliases) {
        this.kafkaValue = kafkaValue;
        this.spellings =
                Stream.concat(Stream.of(kafkaValue), Stream.of(aliases)).toList();
    }

    /**
     * The value kafka-clients expects for this setting.
     *
     * @return e.g. {@code "all"}
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
    public static Acks parse(String text) {
        return EnumSupport.parse(Acks.class, text, "acks value", e -> e.spellings);
    }
}
