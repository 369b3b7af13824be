package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.EnumSupport;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SASL mechanism clients authenticate with ({@code sasl.mechanism}).
 */
public enum SaslMechanism {
    /** Username and password sent as is: use only over TLS. */
    PLAIN("PLAIN"),
    /** Salted challenge-response with SHA-256. */
    SCRAM_SHA_256("SCRAM-SHA-256"),
    /** Salted challenge-response with SHA-512. */
    SCRAM_SHA_512("SCRAM-SHA-512"),
    /** OAuth 2 bearer tokens, fetched with the client-credentials grant. */
    OAUTHBEARER("OAUTHBEARER");

    private final String kafkaValue;
    private final List<String> spellings;

    SaslMechanism(String kafkaValue, String... aliases) {
        this.kafkaValue = kafkaValue;
        this.spellings =
                Stream.concat(Stream.of(kafkaValue), Stream.of(aliases)).toList();
    }

    /**
     * The value kafka-clients expects for this setting.
     *
     * @return e.g. {@code "SCRAM-SHA-512"}
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
    public static SaslMechanism parse(String text) {
        return EnumSupport.parse(SaslMechanism.class, text, "SASL mechanism", e -> e.spellings);
    }
}
