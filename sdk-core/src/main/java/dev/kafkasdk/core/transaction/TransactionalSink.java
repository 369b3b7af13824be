package dev.kafkasdk.core.transaction;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The transactional output of a consume-transform-produce loop.
 *
 * <p>This interface lets the consumer module drive a Kafka transaction without depending on the
 * producer module: {@code sdk-producer}'s transactional producer implements it, and the consumer's
 * exactly-once workflow calls it. One transaction spans the records sent with {@link #send} and the
 * consumed offsets passed to {@link #sendOffsetsToTransaction}; both become visible to
 * {@code read_committed} readers atomically on {@link #commitTransaction()}, or not at all.
 *
 * <p>Threading: a sink is used by one thread at a time (the consumer's poll thread). Ownership: the
 * code that receives a sink never closes it; whoever created it does.
 *
 * @param <K> the key type of the output records
 * @param <V> the value type of the output records
 * @since 0.1
 */
public interface TransactionalSink<K, V> {

    /**
     * Starts a new transaction.
     *
     * @throws dev.kafkasdk.core.KafkaSdkException if the producer is fenced, closed or in a fatal state
     */
    void beginTransaction();

    /**
     * Sends one record as part of the open transaction. The record is readable by
     * {@code read_committed} consumers only after {@link #commitTransaction()}.
     *
     * @param record the record to send
     * @return completes with the record's metadata once the broker has it, or fails; never throws
     */
    CompletableFuture<RecordMetadata> send(ProducerRecord<K, V> record);

    /**
     * Adds the consumer's next offsets to the open transaction so they commit atomically with the
     * records sent in it.
     *
     * @param offsets the next offset to read per partition (last processed offset + 1)
     * @param groupMetadata the consumer's {@code groupMetadata()}, which fences zombie consumers
     * @throws dev.kafkasdk.core.KafkaSdkException if the offsets cannot be added
     */
    void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata);

    /**
     * Flushes every record of the open transaction and commits it together with its offsets.
     *
     * @throws dev.kafkasdk.core.KafkaSdkException if the commit fails; the caller then aborts
     */
    void commitTransaction();

    /**
     * Aborts the open transaction: none of its records or offsets become visible.
     *
     * @throws dev.kafkasdk.core.KafkaSdkException if the producer is in a fatal state
     */
    void abortTransaction();
}
