package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.DeadLetter;
import org.apache.kafka.common.TopicPartition;

/**
 * The SDK's own consumer meters. {@link #noop()} costs nothing: the poll loop checks
 * {@link #enabled()} before it takes any timing.
 *
 * <p>Called from the poll thread only, except {@link #close()}.
 */
public interface ConsumerMetrics extends AutoCloseable {

    /**
     * Whether meters are recorded; when {@code false} callers skip timing entirely.
     *
     * @return {@code true} if a registry backs these meters
     */
    boolean enabled();

    /**
     * Counts processed (completed) records.
     *
     * @param records how many
     */
    void processed(int records);

    /**
     * Records the time one handler round took.
     *
     * @param nanos the duration
     */
    void handlerTime(long nanos);

    /**
     * Records a successful commit's latency.
     *
     * @param nanos the duration
     */
    void commitLatency(long nanos);

    /** Counts a failed commit. */
    void commitFailed();

    /**
     * Counts a dead-lettered record.
     *
     * @param reason why
     */
    void deadLettered(DeadLetter.Reason reason);

    /** Counts a skipped record. */
    void skipped();

    /** Counts a handler retry scheduled after a failure. */
    void retryScheduled();

    /**
     * Counts a rebalance callback.
     *
     * @param kind {@code assigned}, {@code revoked} or {@code lost}
     */
    void rebalance(String kind);

    /** Counts a poll round that used more than its share of {@code max.poll.interval.ms}. */
    void pollBudgetWarning();

    /**
     * Sets the committed-offset lag of a partition.
     *
     * @param partition the partition
     * @param lag end offset minus committed offset
     */
    void committedLag(TopicPartition partition, long lag);

    /**
     * Drops a partition's lag (revoked or lost).
     *
     * @param partition the partition
     */
    void removeLag(TopicPartition partition);

    /** Removes this consumer's meters from the registry (never closes the registry). */
    @Override
    void close();

    /**
     * Meters that record nothing.
     *
     * @return the shared no-op instance
     */
    static ConsumerMetrics noop() {
        return NoopConsumerMetrics.INSTANCE;
    }
}
