package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.FailureAction;
import dev.kafkasdk.consumer.RecordHandler;
import dev.kafkasdk.core.config.Ordering;
import dev.kafkasdk.core.internal.Plurals;
import io.github.resilience4j.retry.Retry;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The concurrent modes' engine: the poll thread hands it records ({@link #take}), worker threads run
 * the handler, and the poll thread reads back per-partition watermarks for commits and the
 * partitions to pause. Records of one lane (a key in {@link Ordering#KEY}, the partition in
 * {@link Ordering#PARTITION}) run one at a time in offset order; at most {@code concurrency} run at
 * once. A worker that finishes a record takes the next ready one itself, so no more than
 * {@code concurrency} threads are ever busy.
 *
 * <p>Threading: every method is safe from any thread; state is guarded by this object's monitor,
 * held only for bookkeeping, never while a handler runs.
 */
final class ConcurrentWork<K, V> {

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentWork.class);
    private static final Object PARTITION_LANE = new Object();

    private final Ordering ordering;
    private final int concurrency;
    private final int maxPerPartition;
    private final Executor executor;
    private final boolean ownsExecutor;
    private final RecordRunner<K, V> runner;
    private final ConcurrencyMeters meters;
    private final Map<TopicPartition, PartitionWork> partitions = new HashMap<>();
    private final ArrayDeque<PartitionWork.Item> ready = new ArrayDeque<>();
    private volatile long maxSpan;
    private ScheduledExecutorService timer;
    private int running;
    private int waiting;
    private boolean closing;
    private long abandoned;
    private volatile Throwable fatal;

    ConcurrentWork(
            Ordering ordering,
            int concurrency,
            int maxPerPartition,
            Executor executor,
            boolean ownsExecutor,
            RecordHandler<K, V> handler,
            RecordDecoder<K, V> decoder,
            FailureResolver resolver,
            FailureAction poisonAction,
            FailureAction exhaustedAction,
            Retry retry,
            ConcurrencyMeters meters) {
        this.ordering = ordering;
        this.concurrency = concurrency;
        this.maxPerPartition = maxPerPartition;
        this.executor = executor;
        this.ownsExecutor = ownsExecutor;
        this.runner = new RecordRunner<>(
                ordering,
                handler,
                decoder,
                resolver,
                poisonAction,
                exhaustedAction,
                retry,
                meters,
                this::fail,
                this::closing);
        this.meters = meters;
        this.maxSpan = OffsetMetadataCodec.maxSpan(4096);
        meters.bind(this);
    }

    private synchronized boolean closing() {
        return closing;
    }

    /**
     * Sets the broker's {@code offset.metadata.max.bytes}; records further than the span it allows
     * beyond a partition's watermark are held back until the watermark advances.
     *
     * @param maxMetadataChars the limit
     */
    void metadataLimit(int maxMetadataChars) {
        maxSpan = OffsetMetadataCodec.maxSpan(maxMetadataChars);
    }

    /**
     * Takes one poll's records (poll thread).
     *
     * @param polled the records
     */
    void take(ConsumerRecords<byte[], byte[]> polled) {
        List<PartitionWork.Item> start = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            for (TopicPartition partition : polled.partitions()) {
                PartitionWork work = partitions.get(partition);
                if (work == null) {
                    work = new PartitionWork(partition);
                    partitions.put(partition, work);
                    meters.partitionAdded(partition, this);
                }
                for (ConsumerRecord<byte[], byte[]> raw : polled.records(partition)) {
                    take(work, raw, now);
                }
            }
            pick(start, concurrency);
        }
        dispatch(start);
    }

    private void take(PartitionWork work, ConsumerRecord<byte[], byte[]> raw, long now) {
        long offset = raw.offset();
        if (offset < work.next) {
            return;
        }
        work.next = offset + 1;
        if (work.completedBefore(offset)) {
            work.highestCompleted = Math.max(work.highestCompleted, offset);
            meters.skippedAsCompleted();
            return;
        }
        work.incomplete.add(offset);
        PartitionWork.Item item = new PartitionWork.Item(work, raw, laneOf(raw));
        item.readyNanos = now;
        if (!work.held.isEmpty() || offset - work.watermark() > maxSpan) {
            work.held.add(item);
        } else {
            admit(item);
        }
    }

    private Object laneOf(ConsumerRecord<byte[], byte[]> raw) {
        return switch (ordering) {
            case PARTITION -> PARTITION_LANE;
            case KEY -> raw.key() == null ? null : ByteBuffer.wrap(raw.key());
            case UNORDERED -> null;
        };
    }

    private void admit(PartitionWork.Item item) {
        if (item.lane == null) {
            ready.add(item);
            return;
        }
        ArrayDeque<PartitionWork.Item> lane = item.owner.lanes.get(item.lane);
        if (lane != null) {
            lane.add(item);
        } else {
            item.owner.lanes.put(item.lane, new ArrayDeque<>(2));
            ready.add(item);
        }
    }

    /** Moves ready items to running, up to {@code max} of them and the concurrency. Holds the lock. */
    private void pick(List<PartitionWork.Item> out, int max) {
        if (closing || fatal != null) {
            return;
        }
        while (out.size() < max && running < concurrency && !ready.isEmpty()) {
            PartitionWork.Item item = ready.poll();
            running++;
            item.owner.running++;
            out.add(item);
        }
    }

    private void dispatch(List<PartitionWork.Item> items) {
        for (PartitionWork.Item item : items) {
            try {
                executor.execute(() -> runFrom(item));
            } catch (RejectedExecutionException e) {
                fail(new IllegalStateException(
                        "The worker executor rejected a record; it was shut down or is full", e));
                finish(item, RecordRunner.Outcome.STOPPED);
            }
        }
    }

    /** A worker's loop: runs an item, then whatever ready item it picks next. */
    private void runFrom(PartitionWork.Item first) {
        PartitionWork.Item item = first;
        while (item != null) {
            RecordRunner.Outcome outcome;
            try {
                outcome = runner.run(item);
            } catch (Throwable e) {
                fail(e);
                outcome = RecordRunner.Outcome.STOPPED;
            }
            item = finish(item, outcome);
        }
    }

    private void fail(Throwable failure) {
        synchronized (this) {
            if (fatal == null) {
                fatal = failure;
            }
            notifyAll();
        }
    }

    /** Books an item's outcome; returns the next item for this worker, or {@code null}. */
    private PartitionWork.Item finish(PartitionWork.Item item, RecordRunner.Outcome outcome) {
        List<PartitionWork.Item> more = new ArrayList<>(2);
        PartitionWork.Item mine;
        synchronized (this) {
            running--;
            PartitionWork work = item.owner;
            work.running--;
            boolean live = partitions.get(work.partition) == work && !work.revoked;
            if (outcome == RecordRunner.Outcome.COMPLETED) {
                completed(work, item, live);
            } else if (outcome == RecordRunner.Outcome.RETRY && live) {
                scheduleRetry(item);
            }
            if (waiting > 0) {
                notifyAll();
            }
            pick(more, concurrency);
            mine = more.isEmpty() ? null : more.remove(0);
        }
        dispatch(more);
        return mine;
    }

    private void completed(PartitionWork work, PartitionWork.Item item, boolean live) {
        long offset = item.raw.offset();
        work.incomplete.remove(offset);
        work.highestCompleted = Math.max(work.highestCompleted, offset);
        if (!live) {
            return;
        }
        if (item.lane != null) {
            ArrayDeque<PartitionWork.Item> lane = work.lanes.get(item.lane);
            PartitionWork.Item next = lane == null ? null : lane.poll();
            if (next != null) {
                ready.add(next);
            } else {
                work.lanes.remove(item.lane);
            }
        }
        long limit = work.watermark() + maxSpan;
        while (!work.held.isEmpty() && work.held.peek().raw.offset() <= limit) {
            admit(work.held.poll());
        }
    }

    private void scheduleRetry(PartitionWork.Item item) {
        if (timer == null) {
            ScheduledThreadPoolExecutor created = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "kafkasdk-retry-timer");
                thread.setDaemon(true);
                return thread;
            });
            created.setRemoveOnCancelPolicy(true);
            timer = created;
        }
        timer.schedule(() -> retryDue(item), item.retryDelayMillis, TimeUnit.MILLISECONDS);
    }

    private void retryDue(PartitionWork.Item item) {
        List<PartitionWork.Item> start = new ArrayList<>(1);
        synchronized (this) {
            PartitionWork work = item.owner;
            if (partitions.get(work.partition) != work || work.revoked || closing) {
                return;
            }
            item.readyNanos = System.nanoTime();
            ready.addFirst(item);
            pick(start, concurrency);
        }
        dispatch(start);
    }

    /**
     * The failure that must stop the consumer (policy STOP, a dead letter that could not be stored, an
     * Error in a handler), if any.
     *
     * @return the failure or {@code null}
     */
    Throwable fatal() {
        return fatal;
    }

    /**
     * Partitions whose taken-but-not-completed records reached the limit, or whose next records lie
     * beyond what the commit metadata can describe: the poll thread pauses them.
     *
     * @return a new set
     */
    synchronized Set<TopicPartition> full() {
        Set<TopicPartition> full = new HashSet<>();
        partitions.forEach((partition, work) -> {
            if (work.incomplete.size() >= maxPerPartition || !work.held.isEmpty()) {
                full.add(partition);
            }
        });
        return full;
    }

    /**
     * The commit of every partition that took records: watermark and completed-beyond metadata.
     *
     * @return a new map
     */
    synchronized Map<TopicPartition, OffsetAndMetadata> commits() {
        return commits(partitions.keySet());
    }

    private Map<TopicPartition, OffsetAndMetadata> commits(Collection<TopicPartition> subset) {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        for (TopicPartition partition : subset) {
            PartitionWork work = partitions.get(partition);
            OffsetAndMetadata commit = work == null ? null : work.commit();
            if (commit != null) {
                result.put(partition, commit);
            }
        }
        return result;
    }

    /**
     * Loads the completed offsets a previous owner recorded in the committed metadata.
     *
     * @param partition a newly assigned partition
     * @param committed its committed offset and metadata
     */
    synchronized void assigned(TopicPartition partition, OffsetAndMetadata committed) {
        PartitionWork work = new PartitionWork(partition);
        work.completedByPreviousOwner(committed.offset(), OffsetMetadataCodec.decode(committed.metadata()));
        partitions.put(partition, work);
        meters.partitionAdded(partition, this);
    }

    /**
     * Stops handing out records of partitions that are being revoked, waits for their running records
     * until the deadline, and removes them. Running records past the deadline are abandoned (their
     * records will be delivered again to the next owner).
     *
     * @param revoked the partitions
     * @param deadlineNanos when to stop waiting ({@link System#nanoTime()})
     * @return the final commits of the partitions
     */
    Map<TopicPartition, OffsetAndMetadata> drain(Collection<TopicPartition> revoked, long deadlineNanos) {
        synchronized (this) {
            List<PartitionWork> works = new ArrayList<>();
            for (TopicPartition partition : revoked) {
                PartitionWork work = partitions.get(partition);
                if (work != null) {
                    work.revoked = true;
                    work.held.clear();
                    work.lanes.clear();
                    works.add(work);
                }
            }
            ready.removeIf(item -> item.owner.revoked);
            awaitIdle(works, deadlineNanos);
            Map<TopicPartition, OffsetAndMetadata> result = commits(revoked);
            for (TopicPartition partition : revoked) {
                partitions.remove(partition);
                meters.partitionRemoved(partition);
            }
            return result;
        }
    }

    /**
     * Stops every partition (close): nothing new starts; running records get until the deadline.
     *
     * @param deadlineNanos when to stop waiting
     * @return the final commits
     */
    Map<TopicPartition, OffsetAndMetadata> drainAll(long deadlineNanos) {
        synchronized (this) {
            closing = true;
            ready.clear();
            List<PartitionWork> works = new ArrayList<>(partitions.values());
            works.forEach(w -> w.revoked = true);
            awaitIdle(works, deadlineNanos);
            return commits(partitions.keySet());
        }
    }

    private void awaitIdle(List<PartitionWork> works, long deadlineNanos) {
        waiting++;
        try {
            while (works.stream().anyMatch(w -> w.running > 0)) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            waiting--;
        }
        long left = works.stream().mapToLong(w -> w.running).sum();
        if (left > 0) {
            abandoned += left;
            meters.abandoned(left);
            LOG.warn(
                    "Abandoned {} of {}; not committed, delivered again",
                    Plurals.count(left, "running record"),
                    works.stream().map(w -> w.partition).toList());
        }
    }

    /**
     * Forgets partitions at once (lost, or moved by a user seek): nothing is committed for them and
     * their running records' outcomes are ignored.
     *
     * @param lost the partitions
     */
    synchronized void forget(Collection<TopicPartition> lost) {
        for (TopicPartition partition : lost) {
            meters.partitionRemoved(partition);
            PartitionWork work = partitions.remove(partition);
            if (work != null) {
                work.revoked = true;
            }
        }
        ready.removeIf(item -> item.owner.revoked);
    }

    /** Shuts down what the engine created: the retry timer and, unless given, the executor. */
    synchronized void shutdown() {
        closing = true;
        if (timer != null) {
            timer.shutdownNow();
        }
        if (ownsExecutor && executor instanceof ExecutorService service) {
            service.shutdown();
        }
    }

    // --- figures for metrics and tests ---

    synchronized int running() {
        return running;
    }

    synchronized long queued() {
        long total = 0;
        for (PartitionWork work : partitions.values()) {
            total += work.incomplete.size();
        }
        return Math.max(0, total - running);
    }

    synchronized long queued(TopicPartition partition) {
        PartitionWork work = partitions.get(partition);
        return work == null ? 0 : Math.max(0, work.incomplete.size() - work.running);
    }

    synchronized long completedBeyondWatermarks() {
        long total = 0;
        for (PartitionWork work : partitions.values()) {
            total += work.completedBeyondWatermark();
        }
        return total;
    }

    synchronized long abandoned() {
        return abandoned;
    }

    synchronized Map<TopicPartition, Long> watermarks() {
        Map<TopicPartition, Long> result = new HashMap<>();
        partitions.forEach((partition, work) -> {
            if (work.next >= 0) {
                result.put(partition, work.watermark());
            }
        });
        return result;
    }
}
