package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.EnumSupport;
import java.util.List;
import java.util.stream.Stream;

/**
 * The codec a producer compresses batches with ({@code compression.type}).
 */
public enum Compression {
    /** No compression. */
    NONE("none"),
    /** gzip: best ratio, most CPU. */
    GZIP("gzip"),
    /** snappy: fast, moderate ratio. */
    SNAPPY("snappy"),
    /** lz4: fast with a good ratio; the SDK presets use it. */
    LZ4("lz4"),
    /** zstd: good ratio at moderate CPU. */
    ZSTD("zstd");

    private final String kafkaValue;
    private final List<String> spellings;

    Compression(String kafkaValue, String... aliases) {
        this.kafkaValue = kafkaValue;
        this.spellings =
                Stream.concat(Stream.of(kafkaValue), Stream.of(aliases)).toList();
    }

    /**
     * The value kafka-clients expects for this setting.
     *
     * @return e.g. {@code "lz4"}
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
    public static Compression parse(String text) {
        return EnumSupport.parse(Compression.class, text, "compression", e -> e.spellings);
    }
}
