package dev.kafkasdk.producer.internal;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.producer.OutgoingRecord;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes an {@link OutgoingRecord} into the bytes kafka-clients sends, on the caller's thread,
 * and rejects a record that cannot fit in a produce request before Kafka sees it. Serializing
 * here (rather than inside kafka-clients) lets the SDK measure the record and report serializer
 * failures with the record's context, without serializing twice.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class RecordEncoder<K, V> {

    private static final Header[] NO_HEADERS = new Header[0];

    private final Serializer<K> keySerializer;
    private final Serializer<V> valueSerializer;
    private final FailureTranslator failures;
    private final int maxSize;
    private final boolean serializersUseHeaders;

    RecordEncoder(
            Serializer<K> keySerializer,
            Serializer<V> valueSerializer,
            FailureTranslator failures,
            ProducerLimits limits) {
        this.keySerializer = keySerializer;
        this.valueSerializer = valueSerializer;
        this.failures = failures;
        this.maxSize = (int) Math.min(limits.maxRequestSize(), limits.bufferMemory());
        this.serializersUseHeaders = usesHeaders(keySerializer) || usesHeaders(valueSerializer);
    }

    /**
     * Whether a serializer implements the variant that sees the record's headers. Kafka's own
     * serializers and the SDK's do not, so a record without headers needs no header set at all.
     */
    static boolean usesHeaders(Serializer<?> serializer) {
        try {
            return serializer
                            .getClass()
                            .getMethod("serialize", String.class, Headers.class, Object.class)
                            .getDeclaringClass()
                    != Serializer.class;
        } catch (NoSuchMethodException | SecurityException e) {
            return true;
        }
    }

    /**
     * Encodes one record.
     *
     * @param record the record
     * @return the Kafka record with serialized key and value
     * @throws KafkaSdkException if a serializer fails or the record is too large
     */
    ProducerRecord<byte[], byte[]> encode(OutgoingRecord<K, V> record) {
        String topic = record.topic();
        List<OutgoingRecord.Header> recordHeaders = record.headers();
        // a serializer that reads headers may also add some, so it always gets a header set
        RecordHeaders headers =
                recordHeaders.isEmpty() && !serializersUseHeaders ? null : toKafkaHeaders(recordHeaders);
        byte[] key;
        byte[] value;
        try {
            key = headers == null
                    ? keySerializer.serialize(topic, record.key())
                    : keySerializer.serialize(topic, headers, record.key());
        } catch (RuntimeException e) {
            throw failures.serialization("key", e, topic, record.key());
        }
        try {
            value = headers == null
                    ? valueSerializer.serialize(topic, record.value())
                    : valueSerializer.serialize(topic, headers, record.value());
        } catch (RuntimeException e) {
            throw failures.serialization("value", e, topic, record.key());
        }
        Header[] headerArray = headers == null ? NO_HEADERS : headers.toArray();
        int size = RecordSizeEstimator.upperBound(key, value, headerArray);
        if (size > maxSize) {
            throw failures.tooLarge(size, topic, record.key());
        }
        Integer partition = record.partition().isPresent() ? record.partition().getAsInt() : null;
        Long timestamp = record.timestamp().map(Instant::toEpochMilli).orElse(null);
        // ProducerRecord copies the headers it is given; with none, it makes its own empty set
        return new ProducerRecord<>(topic, partition, timestamp, key, value, headerArray.length == 0 ? null : headers);
    }

    private static RecordHeaders toKafkaHeaders(List<OutgoingRecord.Header> headers) {
        RecordHeaders result = new RecordHeaders();
        for (OutgoingRecord.Header header : headers) {
            result.add(header.name(), header.value());
        }
        return result;
    }
}
