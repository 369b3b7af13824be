package dev.kafkasdk.consumer.internal;

import java.util.Map;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits offsets to Kafka through the commit guard, timing them when metrics are on.
 *
 * <p>A commit that fails because of a rebalance or a retriable error is logged and counted; the
 * offsets stay pending and go with the next commit. Any other failure propagates and stops the
 * consumer. Poll thread only.
 */
final class Committer {

    private static final Logger LOG = LoggerFactory.getLogger(Committer.class);

    private final Consumer<byte[], byte[]> consumer;
    private final OffsetTracker tracker;
    private final ConsumerMetrics metrics;
    private boolean asyncInFlight;

    Committer(Consumer<byte[], byte[]> consumer, OffsetTracker tracker, ConsumerMetrics metrics) {
        this.consumer = consumer;
        this.tracker = tracker;
        this.metrics = metrics;
    }

    /**
     * Commits synchronously whatever in {@code offsets} moves a partition forward.
     *
     * @param offsets the offsets to commit
     * @return {@code true} if nothing was left uncommitted
     */
    boolean commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        return commit(offsets, false);
    }

    /**
     * Commits synchronously for the last time for these partitions (revocation or close): no later
     * commit of this member covers a failure, and the log says so.
     *
     * @param offsets the offsets to commit
     * @return whether the commit succeeded (or nothing needed committing)
     */
    boolean commitLast(Map<TopicPartition, OffsetAndMetadata> offsets) {
        return commit(offsets, true);
    }

    private boolean commit(Map<TopicPartition, OffsetAndMetadata> offsets, boolean last) {
        Map<TopicPartition, OffsetAndMetadata> guarded = tracker.guard(offsets);
        if (guarded.isEmpty()) {
            return true;
        }
        long start = metrics.enabled() ? System.nanoTime() : 0L;
        try {
            consumer.commitSync(guarded);
        } catch (CommitFailedException | RebalanceInProgressException | RetriableException e) {
            metrics.commitFailed();
            LOG.warn(
                    last
                            ? "Last offset commit of {} (revocation or close) failed ({}); records after the last "
                                    + "committed offsets are read again"
                            : "Offset commit of {} failed ({}); the offsets stay pending for the next commit",
                    guarded,
                    e.toString());
            return false;
        }
        tracker.committed(guarded);
        if (metrics.enabled()) {
            metrics.commitLatency(System.nanoTime() - start);
        }
        return true;
    }

    /**
     * Commits asynchronously with at most one commit in flight; when one is still in flight, commits
     * synchronously instead, which bounds the unacknowledged work to two rounds.
     *
     * @param offsets the offsets to commit
     */
    void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (asyncInFlight) {
            commitSync(offsets);
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> guarded = tracker.guard(offsets);
        if (guarded.isEmpty()) {
            return;
        }
        long start = metrics.enabled() ? System.nanoTime() : 0L;
        asyncInFlight = true;
        consumer.commitAsync(guarded, (committed, error) -> {
            asyncInFlight = false;
            if (error == null) {
                tracker.committed(committed);
                if (metrics.enabled()) {
                    metrics.commitLatency(System.nanoTime() - start);
                }
            } else {
                metrics.commitFailed();
                LOG.warn(
                        "Asynchronous offset commit of {} failed ({}); a later commit covers it",
                        guarded,
                        error.toString());
            }
        });
    }
}
