package dev.kafkasdk.consumer;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The records given to a {@link ShareBatchHandler}, with a per-record outcome the handler may set.
 * Share groups carry no ordering: the records come in the order the broker delivered them.
 *
 * <p>Created by the consumer for one handler call; not safe to keep after the call returns. The
 * handler may set outcomes from the thread that runs it or from threads it starts and joins before
 * returning: {@link #outcome} is thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.2
 */
public interface ShareBatch<K, V> extends Iterable<ConsumerRecord<K, V>> {

    /**
     * All records of the batch.
     *
     * @return an unmodifiable list
     */
    List<ConsumerRecord<K, V>> records();

    /**
     * The number of records.
     *
     * @return at least 1
     */
    int count();

    /**
     * Sets the outcome of one record; a later call for the same record replaces an earlier one.
     *
     * @param record a record of this batch
     * @param outcome what to acknowledge it with
     * @throws IllegalArgumentException if the record is not in this batch
     */
    void outcome(ConsumerRecord<K, V> record, ShareOutcome outcome);

    /**
     * The outcome set for a record so far.
     *
     * @param record a record of this batch
     * @return the outcome, or empty when none is set yet
     * @throws IllegalArgumentException if the record is not in this batch
     */
    Optional<ShareOutcome> outcome(ConsumerRecord<K, V> record);

    /**
     * How many times this record has been delivered, this delivery included (the broker's count).
     *
     * @param record a record of this batch
     * @return at least 1
     */
    default int deliveryCount(ConsumerRecord<K, V> record) {
        return record.deliveryCount().map(Short::intValue).orElse(1);
    }
}
