package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.EnumSupport;
import java.util.List;
import java.util.stream.Stream;

/**
 * How a share consumer acknowledges its records ({@code share.acknowledgement.mode}).
 *
 * @since 0.2
 */
public enum AcknowledgementMode {
    /**
     * Every delivered record is acknowledged one by one (ACCEPT, RELEASE, REJECT, RENEW) before the
     * next poll; the SDK's share consumer needs it.
     */
    EXPLICIT("explicit"),
    /** The next poll accepts every record the previous one delivered, failed or not. */
    IMPLICIT("implicit");

    private final String kafkaValue;
    private final List<String> spellings;

    AcknowledgementMode(String kafkaValue) {
        this.kafkaValue = kafkaValue;
        this.spellings = Stream.of(kafkaValue).toList();
    }

    /**
     * The value kafka-clients expects for this setting.
     *
     * @return e.g. {@code "explicit"}
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
    public static AcknowledgementMode parse(String text) {
        return EnumSupport.parse(AcknowledgementMode.class, text, "acknowledgement-mode value", e -> e.spellings);
    }
}
