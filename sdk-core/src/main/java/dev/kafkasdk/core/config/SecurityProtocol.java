package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.EnumSupport;
import java.util.List;
import java.util.stream.Stream;

/**
 * How clients talk to brokers ({@code security.protocol}).
 */
public enum SecurityProtocol {
    /** No encryption, no authentication. */
    PLAINTEXT("PLAINTEXT"),
    /** TLS encryption, optional TLS client authentication. */
    SSL("SSL"),
    /** SASL authentication without encryption. */
    SASL_PLAINTEXT("SASL_PLAINTEXT"),
    /** SASL authentication over TLS. */
    SASL_SSL("SASL_SSL");

    private final String kafkaValue;
    private final List<String> spellings;

    SecurityProtocol(String kafkaValue, String... aliases) {
        this.kafkaValue = kafkaValue;
        this.spellings =
                Stream.concat(Stream.of(kafkaValue), Stream.of(aliases)).toList();
    }

    /**
     * The value kafka-clients expects for this setting.
     *
     * @return e.g. {@code "SASL_SSL"}
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
    public static SecurityProtocol parse(String text) {
        return EnumSupport.parse(SecurityProtocol.class, text, "security protocol", e -> e.spellings);
    }
}
