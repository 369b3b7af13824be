package dev.kafkasdk.producer;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * The open transaction handed to the work of
 * {@link TransactionalProducer#runInTransaction(TransactionAction)}. Valid only while that work
 * runs; afterwards its sends fail.
 *
 * <p>There is no need to wait for the futures of its sends: the commit flushes every record and
 * fails if any of them failed, and then the whole transaction is aborted.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.1
 */
public interface Transaction<K, V> {

    /**
     * Sends a record inside the transaction. Readers with {@code isolation.level=read_committed}
     * see it only after the commit.
     *
     * @param record the record
     * @return the send's outcome; completes on the completion executor
     */
    CompletableFuture<SendResult> send(OutgoingRecord<K, V> record);

    /**
     * Sends a record with a key and value inside the transaction.
     *
     * @param topic the destination topic
     * @param key the key, may be null
     * @param value the value, may be null
     * @return the send's outcome
     */
    default CompletableFuture<SendResult> send(String topic, @Nullable K key, @Nullable V value) {
        return send(OutgoingRecord.of(topic, key, value));
    }

    /**
     * Adds consumed offsets to the transaction, so that they are committed for the consumer group
     * exactly when the records sent in it become visible (consume-transform-produce).
     *
     * @param offsets per partition, the next offset to consume (last processed offset + 1)
     * @param groupMetadata the consumer's {@code groupMetadata()}
     * @throws dev.kafkasdk.core.KafkaSdkException if the offsets cannot be added
     */
    void sendOffsets(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata);
}
