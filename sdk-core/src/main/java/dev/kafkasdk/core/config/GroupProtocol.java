package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.EnumSupport;
import java.util.List;
import java.util.stream.Stream;

/**
 * The consumer group protocol ({@code group.protocol}).
 */
public enum GroupProtocol {
    /** The classic protocol: client-side assignment, session and heartbeat set by the client. */
    CLASSIC("classic"),
    /**
     * The KIP-848 protocol: the broker assigns partitions; session timeout and heartbeat
     * interval are set for the group on the broker, not by the client.
     */
    CONSUMER("consumer");

    private final String kafkaValue;
    private final List<String> spellings;

    GroupProtocol(String kafkaValue, String... aliases) {
        this.kafkaValue = kafkaValue;
        this.spellings =
                Stream.concat(Stream.of(kafkaValue), Stream.of(aliases)).toList();
    }

    /**
     * The value kafka-clients expects for this setting.
     *
     * @return e.g. {@code "consumer"}
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
    public static GroupProtocol parse(String text) {
        return EnumSupport.parse(GroupProtocol.class, text, "group protocol", e -> e.spellings);
    }
}
