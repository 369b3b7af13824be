package dev.kafkasdk.producer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * One record to send: topic, optional key, value, headers, and optionally an explicit partition
 * and timestamp. Immutable and safe to share between threads; header values are copied in and
 * out.
 *
 * <p>Without an explicit partition the record goes where kafka-clients' built-in partitioner puts
 * it: records with the same non-null key always land on the same partition (murmur2 hash of the
 * serialized key), records without a key are spread over partitions.
 *
 * <pre>{@code
 * OutgoingRecord<String, Order> record = OutgoingRecord.<String, Order>builder("orders")
 *     .key(order.id())
 *     .value(order)
 *     .header("source", "checkout")
 *     .build();
 * }</pre>
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.1
 */
public final class OutgoingRecord<K, V> {

    private final String topic;
    private final @Nullable K key;
    private final @Nullable V value;
    private final List<Header> headers;
    private final @Nullable Integer partition;
    private final @Nullable Instant timestamp;

    private OutgoingRecord(Builder<K, V> builder) {
        this.topic = builder.topic;
        this.key = builder.key;
        this.value = builder.value;
        this.headers = builder.headers.isEmpty() ? List.of() : List.copyOf(builder.headers);
        this.partition = builder.partition;
        this.timestamp = builder.timestamp;
    }

    /** The common key-and-value record, without a builder: sending it allocates no more. */
    private OutgoingRecord(String topic, @Nullable K key, @Nullable V value) {
        this.topic = requireTopic(topic);
        this.key = key;
        this.value = value;
        this.headers = List.of();
        this.partition = null;
        this.timestamp = null;
    }

    private static String requireTopic(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be null or blank");
        }
        return topic;
    }

    /**
     * A record with a key and a value, no headers, key-based partitioning and the send time as its
     * timestamp.
     *
     * @param topic the destination topic, not blank
     * @param key the key, may be {@code null}
     * @param value the value, may be {@code null} (a tombstone on compacted topics)
     * @param <K> the key type
     * @param <V> the value type
     * @return the record
     * @throws IllegalArgumentException if the topic is null or blank
     */
    public static <K, V> OutgoingRecord<K, V> of(String topic, @Nullable K key, @Nullable V value) {
        return new OutgoingRecord<>(topic, key, value);
    }

    /**
     * A record without a key: Kafka spreads such records over the topic's partitions.
     *
     * @param topic the destination topic, not blank
     * @param value the value, may be {@code null}
     * @param <K> the key type
     * @param <V> the value type
     * @return the record
     * @throws IllegalArgumentException if the topic is null or blank
     */
    public static <K, V> OutgoingRecord<K, V> of(String topic, @Nullable V value) {
        return new OutgoingRecord<>(topic, null, value);
    }

    /**
     * Starts a builder for a record to the given topic.
     *
     * @param topic the destination topic, not blank
     * @param <K> the key type
     * @param <V> the value type
     * @return a new builder
     * @throws IllegalArgumentException if the topic is null or blank
     */
    public static <K, V> Builder<K, V> builder(String topic) {
        return new Builder<>(topic);
    }

    /**
     * Starts a builder holding every field of this record, to derive a changed copy.
     *
     * @return a builder initialised from this record
     */
    public Builder<K, V> toBuilder() {
        Builder<K, V> builder = new Builder<K, V>(topic).key(key).value(value);
        builder.headers.addAll(headers);
        builder.partition = partition;
        builder.timestamp = timestamp;
        return builder;
    }

    /**
     * The destination topic.
     *
     * @return the topic name
     */
    public String topic() {
        return topic;
    }

    /**
     * The key.
     *
     * @return the key, or {@code null} when the record has none
     */
    public @Nullable K key() {
        return key;
    }

    /**
     * The value.
     *
     * @return the value, or {@code null} for a tombstone
     */
    public @Nullable V value() {
        return value;
    }

    /**
     * The headers in the order they were added; a name may repeat.
     *
     * @return an unmodifiable list
     */
    public List<Header> headers() {
        return headers;
    }

    /**
     * The explicit partition, if one was set.
     *
     * @return the partition, or empty for key-based partitioning
     */
    public OptionalInt partition() {
        return partition == null ? OptionalInt.empty() : OptionalInt.of(partition);
    }

    /**
     * The explicit timestamp, if one was set.
     *
     * @return the timestamp, or empty to let the producer use the send time
     */
    public Optional<Instant> timestamp() {
        return Optional.ofNullable(timestamp);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof OutgoingRecord<?, ?> that)) {
            return false;
        }
        return topic.equals(that.topic)
                && Objects.equals(key, that.key)
                && Objects.equals(value, that.value)
                && headers.equals(that.headers)
                && Objects.equals(partition, that.partition)
                && Objects.equals(timestamp, that.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, key, value, headers, partition, timestamp);
    }

    /** Shows topic, key, partition, timestamp and header names; never the value. */
    @Override
    public String toString() {
        return "OutgoingRecord{topic=" + topic + ", key=" + key
                + (partition == null ? "" : ", partition=" + partition)
                + (timestamp == null ? "" : ", timestamp=" + timestamp)
                + ", headers=" + headers.stream().map(Header::name).toList() + "}";
    }

    /**
     * One record header: a name and an optional byte value. Immutable; the value is copied.
     */
    public static final class Header {
        private final String name;
        private final byte @Nullable [] value;

        private Header(String name, byte @Nullable [] value) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("header name must not be null or empty");
            }
            this.name = name;
            this.value = value == null ? null : value.clone();
        }

        /**
         * A header with a raw value.
         *
         * @param name the header name, not empty
         * @param value the value, may be {@code null}; copied
         * @return the header
         * @throws IllegalArgumentException if the name is null or empty
         */
        public static Header of(String name, byte @Nullable [] value) {
            return new Header(name, value);
        }

        /**
         * A header whose value is the UTF-8 encoding of a string.
         *
         * @param name the header name, not empty
         * @param value the value, may be {@code null}
         * @return the header
         * @throws IllegalArgumentException if the name is null or empty
         */
        public static Header of(String name, @Nullable String value) {
            return new Header(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * The header name.
         *
         * @return the name
         */
        public String name() {
            return name;
        }

        /**
         * A copy of the header value.
         *
         * @return the value bytes, or {@code null}
         */
        public byte @Nullable [] value() {
            return value == null ? null : value.clone();
        }

        /**
         * The value decoded as UTF-8.
         *
         * @return the string, or {@code null} when the value is {@code null}
         */
        public @Nullable String valueAsString() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Header that && name.equals(that.name) && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Header{" + name + ", " + (value == null ? "null" : value.length + " bytes") + "}";
        }
    }

    /**
     * Builds an {@link OutgoingRecord}. Not thread-safe; each {@link #build()} returns a new
     * immutable record.
     *
     * @param <K> the key type
     * @param <V> the value type
     */
    public static final class Builder<K, V> {
        private final String topic;
        private final List<Header> headers = new ArrayList<>(2);
        private @Nullable K key;
        private @Nullable V value;
        private @Nullable Integer partition;
        private @Nullable Instant timestamp;

        private Builder(String topic) {
            this.topic = requireTopic(topic);
        }

        /**
         * Sets the key, which decides the partition unless {@link #partition(int)} is set.
         *
         * @param key the key, may be {@code null}
         * @return this builder
         */
        public Builder<K, V> key(@Nullable K key) {
            this.key = key;
            return this;
        }

        /**
         * Sets the value.
         *
         * @param value the value, may be {@code null}
         * @return this builder
         */
        public Builder<K, V> value(@Nullable V value) {
            this.value = value;
            return this;
        }

        /**
         * Adds a header with a raw value.
         *
         * @param name the header name, not empty
         * @param value the value, may be {@code null}; copied
         * @return this builder
         * @throws IllegalArgumentException if the name is null or empty
         */
        public Builder<K, V> header(String name, byte @Nullable [] value) {
            headers.add(Header.of(name, value));
            return this;
        }

        /**
         * Adds a header whose value is the UTF-8 encoding of a string.
         *
         * @param name the header name, not empty
         * @param value the value, may be {@code null}
         * @return this builder
         * @throws IllegalArgumentException if the name is null or empty
         */
        public Builder<K, V> header(String name, @Nullable String value) {
            headers.add(Header.of(name, value));
            return this;
        }

        /**
         * Sends to this partition instead of the key-based one.
         *
         * @param partition the partition number, zero or more
         * @return this builder
         * @throws IllegalArgumentException if the partition is negative
         */
        public Builder<K, V> partition(int partition) {
            if (partition < 0) {
                throw new IllegalArgumentException("partition must be >= 0 but was " + partition);
            }
            this.partition = partition;
            return this;
        }

        /**
         * Sets the record's timestamp (its create time); without it the producer uses the send time.
         *
         * @param timestamp the timestamp, not before the epoch; {@code null} clears it
         * @return this builder
         * @throws IllegalArgumentException if the timestamp is before 1970-01-01T00:00:00Z
         */
        public Builder<K, V> timestamp(@Nullable Instant timestamp) {
            if (timestamp != null && timestamp.isBefore(Instant.EPOCH)) {
                throw new IllegalArgumentException("timestamp must not be before the epoch but was " + timestamp);
            }
            this.timestamp = timestamp;
            return this;
        }

        /**
         * Creates the immutable record.
         *
         * @return the record
         */
        public OutgoingRecord<K, V> build() {
            return new OutgoingRecord<>(this);
        }
    }
}
