package dev.kafkasdk.consumer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The records given to a {@link BatchHandler}: offset order within each partition.
 *
 * <p>A batch is created by the poll thread for one handler call and is not safe to keep after the
 * call returns. It is immutable.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.1
 */
public interface ConsumerBatch<K, V> extends Iterable<ConsumerRecord<K, V>> {

    /**
     * All records of the batch.
     *
     * @return an unmodifiable list in partition-then-offset order
     */
    List<ConsumerRecord<K, V>> records();

    /**
     * The records of one partition.
     *
     * @param partition the partition
     * @return an unmodifiable list in offset order; empty if the batch holds none of it
     */
    List<ConsumerRecord<K, V>> records(TopicPartition partition);

    /**
     * The partitions that have records in this batch.
     *
     * @return an unmodifiable set
     */
    Set<TopicPartition> partitions();

    /**
     * The number of records.
     *
     * @return at least 1
     */
    int count();

    /**
     * The offsets to store once this batch's work is durable: for every partition in the batch, the
     * offset of its last record plus one (Kafka's "next offset to read"). With
     * {@link CommitMode.External}, save these in the same database transaction as the work.
     *
     * @return an unmodifiable map from partition to next offset
     */
    Map<TopicPartition, Long> nextOffsets();
}
