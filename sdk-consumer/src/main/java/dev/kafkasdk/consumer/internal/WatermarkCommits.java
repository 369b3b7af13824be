package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.OffsetStore;
import dev.kafkasdk.core.KafkaSdkException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits of the concurrent modes: each partition's watermark (its lowest offset not completed) with
 * the completed-beyond-watermark offsets in the metadata. Periodically (asynchronously, or
 * synchronously for {@code syncPerBatch}), synchronously after draining on revocation and close. For
 * {@code external(store)} the store receives the watermarks instead (and Kafka too when mirrored).
 *
 * <p>The guard: a partition's commit never goes below what this consumer committed, and an equal
 * offset is committed again only when its metadata changed. Poll thread only.
 */
public final class WatermarkCommits implements CommitStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(WatermarkCommits.class);
    private static final long ASYNC_ANSWER_POLL_NANOS = 1_000_000;

    /** Where the watermarks go. */
    public enum Target {
        /** {@code commitAsync} periodically, {@code commitSync} on revocation and close. */
        KAFKA_ASYNC,
        /** {@code commitSync} periodically, on revocation and on close. */
        KAFKA_SYNC,
        /** The application's {@link OffsetStore#storeWatermarks}. */
        STORE,
        /** Nowhere. */
        NONE
    }

    private final ConcurrentWork<?, ?> work;
    private final Consumer<byte[], byte[]> consumer;
    private final OffsetTracker tracker;
    private final ConsumerMetrics metrics;
    private final Target target;
    private final boolean mirror;
    private final OffsetStore store;
    private final long intervalNanos;
    private final Duration revokeBudget;
    private final LongSupplier closeDeadline;
    private final Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    private long nextCommitNanos;
    private boolean asyncInFlight;

    WatermarkCommits(
            ConcurrentWork<?, ?> work,
            Consumer<byte[], byte[]> consumer,
            OffsetTracker tracker,
            ConsumerMetrics metrics,
            Target target,
            boolean mirror,
            OffsetStore store,
            Duration interval,
            Duration revokeBudget,
            LongSupplier closeDeadline) {
        this.work = work;
        this.consumer = consumer;
        this.tracker = tracker;
        this.metrics = metrics;
        this.target = target;
        this.mirror = mirror;
        this.store = store;
        this.intervalNanos = interval.toNanos();
        this.revokeBudget = revokeBudget;
        this.closeDeadline = closeDeadline;
        this.nextCommitNanos = System.nanoTime() + intervalNanos;
    }

    /** Commits when the interval has passed; called on every loop iteration. */
    @Override
    public void endRound() {
        long now = System.nanoTime();
        if (now - nextCommitNanos < 0 || (asyncInFlight && target == Target.KAFKA_ASYNC)) {
            // an asynchronous commit still in flight: commit on the first round after its answer
            return;
        }
        nextCommitNanos = now + intervalNanos;
        Map<TopicPartition, OffsetAndMetadata> due = guard(work.commits());
        if (due.isEmpty()) {
            return;
        }
        switch (target) {
            case KAFKA_ASYNC -> commitAsync(due);
            case KAFKA_SYNC -> commitSync(due, false);
            case STORE -> store(due);
            case NONE -> {}
        }
    }

    /**
     * How long until the next periodic commit is due; the poll thread polls no longer than that.
     *
     * @param nowNanos the current time
     * @return nanoseconds, 0 when due; at least a millisecond while an asynchronous commit is in flight
     *     (its answer arrives in a poll)
     */
    long nanosUntilDue(long nowNanos) {
        long left = Math.max(0, nextCommitNanos - nowNanos);
        return asyncInFlight ? Math.max(left, ASYNC_ANSWER_POLL_NANOS) : left;
    }

    @Override
    public void onRevoked(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> last =
                work.drain(partitions, System.nanoTime() + revokeBudget.toNanos());
        try {
            finalCommit(guard(last));
        } finally {
            partitions.forEach(committed::remove);
        }
    }

    @Override
    public void onClose() {
        try {
            finalCommit(guard(work.drainAll(closeDeadline.getAsLong())));
        } finally {
            work.shutdown();
        }
    }

    /** Reads the committed metadata of new partitions so that records completed by the last owner are skipped. */
    @Override
    public void onAssigned(Collection<TopicPartition> partitions) {
        if (target == Target.NONE || target == Target.STORE || partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> found;
        try {
            found = consumer.committed(Set.copyOf(partitions));
        } catch (RuntimeException e) {
            LOG.warn(
                    "Cannot read the committed metadata of {} ({}); completed records beyond the watermark will be "
                            + "handled again",
                    partitions,
                    e.toString());
            return;
        }
        found.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset);
                work.assigned(partition, offset);
            }
        });
    }

    private void finalCommit(Map<TopicPartition, OffsetAndMetadata> due) {
        if (due.isEmpty()) {
            return;
        }
        if (target == Target.STORE) {
            store(due);
        } else if (target != Target.NONE) {
            commitSync(due, true);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> guard(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            OffsetAndMetadata last = committed.get(partition);
            if (last == null
                    || offset.offset() > last.offset()
                    || (offset.offset() == last.offset() && !offset.metadata().equals(last.metadata()))) {
                result.put(partition, offset);
            }
        });
        return result;
    }

    private void commitSync(Map<TopicPartition, OffsetAndMetadata> due, boolean last) {
        long start = System.nanoTime();
        try {
            consumer.commitSync(due);
        } catch (CommitFailedException | RebalanceInProgressException | RetriableException e) {
            metrics.commitFailed();
            LOG.warn(
                    last
                            ? "Last watermark commit of {} (revocation or close) failed ({}); records after the "
                                    + "last committed watermarks are read again"
                            : "Watermark commit of {} failed ({}); a later commit covers it",
                    due.keySet(),
                    e.toString());
            return;
        }
        recorded(due);
        metrics.commitLatency(System.nanoTime() - start);
    }

    private void commitAsync(Map<TopicPartition, OffsetAndMetadata> due) {
        if (asyncInFlight) {
            return;
        }
        asyncInFlight = true;
        long start = System.nanoTime();
        consumer.commitAsync(due, (offsets, error) -> {
            asyncInFlight = false;
            if (error == null) {
                recorded(due);
                metrics.commitLatency(System.nanoTime() - start);
            } else {
                metrics.commitFailed();
                LOG.warn("Asynchronous watermark commit failed ({}); a later commit covers it", error.toString());
            }
        });
    }

    private void store(Map<TopicPartition, OffsetAndMetadata> due) {
        Map<TopicPartition, Long> watermarks = new HashMap<>();
        due.forEach((partition, offset) -> watermarks.put(partition, offset.offset()));
        try {
            store.storeWatermarks(watermarks);
        } catch (Exception e) {
            throw new StopConsumerException(
                    KafkaSdkException.builder("The OffsetStore failed to store the watermarks " + watermarks)
                            .cause(e)
                            .fatal());
        }
        recorded(due);
        if (mirror) {
            commitAsync(due);
        }
    }

    private void recorded(Map<TopicPartition, OffsetAndMetadata> due) {
        due.forEach((partition, offset) -> {
            OffsetAndMetadata last = committed.get(partition);
            if (last == null || offset.offset() >= last.offset()) {
                committed.put(partition, offset);
            }
            tracker.committed(partition, offset.offset());
        });
    }
}
