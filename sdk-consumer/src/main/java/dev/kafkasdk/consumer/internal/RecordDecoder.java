package dev.kafkasdk.consumer.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns the raw records the Kafka client returns (it always reads with {@link ByteArrayDeserializer})
 * into typed records with the user's deserializers. Because the raw bytes stay at hand, a record
 * that cannot be deserialized can be dead-lettered byte for byte, and it never stops the client's
 * fetch loop.
 *
 * <p>Thread-confined to the poll thread (deserializers are called as Kafka would call them).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class RecordDecoder<K, V> {

    /** A key or value that could not be deserialized. */
    public static final class DecodeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DecodeException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;
    private final boolean passThrough;

    /**
     * Creates a decoder.
     *
     * @param keyDeserializer the key deserializer (not closed by the decoder)
     * @param valueDeserializer the value deserializer (not closed by the decoder)
     */
    public RecordDecoder(Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
        this.keyDeserializer = keyDeserializer;
        this.valueDeserializer = valueDeserializer;
        this.passThrough =
                keyDeserializer instanceof ByteArrayDeserializer && valueDeserializer instanceof ByteArrayDeserializer;
    }

    /**
     * Whether {@link #decode} returns every record as it is (both deserializers are byte-array ones).
     *
     * @return true when decoding is the identity
     */
    public boolean isPassThrough() {
        return passThrough;
    }

    /**
     * Deserializes one record. When both deserializers are byte-array ones the raw record is returned
     * as it is, with no copy.
     *
     * @param raw the record as read
     * @return the typed record
     * @throws DecodeException if the key or the value cannot be deserialized
     */
    @SuppressWarnings("unchecked")
    public ConsumerRecord<K, V> decode(ConsumerRecord<byte[], byte[]> raw) {
        if (passThrough) {
            return (ConsumerRecord<K, V>) (ConsumerRecord<?, ?>) raw;
        }
        K key;
        try {
            key = keyDeserializer.deserialize(raw.topic(), raw.headers(), raw.key());
        } catch (RuntimeException e) {
            throw new DecodeException(describe("key", raw, e), e);
        }
        V value;
        try {
            value = valueDeserializer.deserialize(raw.topic(), raw.headers(), raw.value());
        } catch (RuntimeException e) {
            throw new DecodeException(describe("value", raw, e), e);
        }
        return new ConsumerRecord<>(
                raw.topic(),
                raw.partition(),
                raw.offset(),
                raw.timestamp(),
                raw.timestampType(),
                raw.serializedKeySize(),
                raw.serializedValueSize(),
                key,
                value,
                raw.headers(),
                raw.leaderEpoch(),
                raw.deliveryCount());
    }

    private static String describe(String part, ConsumerRecord<byte[], byte[]> raw, RuntimeException e) {
        return "cannot deserialize the " + part + " of " + raw.topic() + "-" + raw.partition() + "@" + raw.offset()
                + ": " + e.getMessage();
    }
}
