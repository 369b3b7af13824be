package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.EnumSupport;
import java.util.List;
import java.util.stream.Stream;

/**
 * The codec a topic stores batches with (topic config {@code compression.type}).
 */
public enum TopicCompression {
    /** Keep whatever codec the producer used. */
    PRODUCER("producer"),
    /** Store batches uncompressed. */
    UNCOMPRESSED("uncompressed"),
    /** Recompress with gzip. */
    GZIP("gzip"),
    /** Recompress with snappy. */
    SNAPPY("snappy"),
    /** Recompress with lz4. */
    LZ4("lz4"),
    /** Recompress with zstd. */
    ZSTD("zstd");

    private final String kafkaValue;
    private final List<String> spellings;

    TopicCompression(String kafkaValue, String... aliases) {
        this.kafkaValue = kafkaValue;
        this.spellings =
                Stream.concat(Stream.of(kafkaValue), Stream.of(aliases)).toList();
    }

    /**
     * The value kafka-clients expects for this setting.
     *
     * @return e.g. {@code "producer"}
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
    public static TopicCompression parse(String text) {
        return EnumSupport.parse(TopicCompression.class, text, "topic compression type", e -> e.spellings);
    }
}
