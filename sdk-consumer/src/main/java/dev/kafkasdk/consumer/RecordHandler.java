package dev.kafkasdk.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Processes one record at a time.
 *
 * <p>Threading: the handler runs on the consumer's poll thread, one record after the other, in
 * offset order within a partition. It never runs concurrently with itself for the same consumer.
 * The SDK records the record as completed only after {@link #handle} returns normally; what
 * "completed" leads to (a commit, a transaction, nothing) depends on the {@link CommitMode}.
 *
 * <p>With {@link CommitMode.External} the handler stores {@code record.offset() + 1} for
 * {@code record.topic()}/{@code record.partition()} in the same transaction as its work.
 *
 * <p>Concurrent modes (consumer settings {@code ordering} other than {@code partition}, or
 * {@code concurrency} above 1): the handler runs on worker threads, several records at once, and
 * must be thread-safe; records of one key ({@code key}) or one partition ({@code partition}) still
 * run one at a time in offset order. With {@code external(store)} the consumer stores watermarks
 * through {@link OffsetStore#storeWatermarks}; the handler stores no offsets. See
 * {@code docs/concurrent-consumer.md}.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.1
 */
@FunctionalInterface
public interface RecordHandler<K, V> {

    /**
     * Processes one record.
     *
     * @param record the record; never {@code null}. Its key and value are {@code null} only if they
     *     were {@code null} in Kafka
     * @throws Exception any failure; the consumer's {@link FailurePolicy} decides what happens next
     *     (retry after a backoff, dead letter, skip or stop)
     */
    void handle(ConsumerRecord<K, V> record) throws Exception;
}
