package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.EnumSupport;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a share consumer does with a record whose handler failed on its last allowed delivery
 * ({@code on-exhausted} of a share consumer).
 *
 * @since 0.2
 */
public enum ShareExhaustedAction {
    /**
     * Acknowledge it with REJECT: the broker archives it, and with {@code share.version=2} and a
     * dead-letter topic configured for the group, writes it to the broker's dead-letter queue.
     */
    REJECT("reject"),
    /**
     * Publish its raw bytes to the SDK's dead-letter topic ({@code <topic>.DLT}, the same headers as
     * the consumer's dead letters), then acknowledge it with ACCEPT once the broker has stored it.
     */
    DEAD_LETTER("dead-letter");

    private final String value;
    private final List<String> spellings;

    ShareExhaustedAction(String value) {
        this.value = value;
        this.spellings = Stream.of(value).toList();
    }

    /**
     * The value as written in a configuration file.
     *
     * @return e.g. {@code "dead-letter"}
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
    public static ShareExhaustedAction parse(String text) {
        return EnumSupport.parse(ShareExhaustedAction.class, text, "on-exhausted value", e -> e.spellings);
    }
}
