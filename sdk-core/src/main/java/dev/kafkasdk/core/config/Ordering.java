package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.EnumSupport;
import java.util.List;

/**
 * The order in which a managed consumer hands records to its handler when it processes them
 * concurrently (consumer setting {@code ordering}). See {@code docs/concurrent-consumer.md}.
 */
public enum Ordering {
    /** One record at a time per partition, in offset order; partitions run concurrently. */
    PARTITION("partition"),
    /**
     * Records with equal keys (within a partition) one at a time, in offset order; different keys
     * concurrently. Records with a {@code null} key have no order among themselves.
     */
    KEY("key"),
    /** Any order: every record may run concurrently with every other. */
    UNORDERED("unordered");

    private final String value;

    Ordering(String value) {
        this.value = value;
    }

    /**
     * The value as written in a config file.
     *
     * @return e.g. {@code "key"}
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
    public static Ordering parse(String text) {
        return EnumSupport.parse(Ordering.class, text, "ordering value", e -> List.of(e.value));
    }
}
