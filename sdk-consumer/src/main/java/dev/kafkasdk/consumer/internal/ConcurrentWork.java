package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.FailureAction;
import dev.kafkasdk.consumer.RecordHandler;
import dev.kafkasdk.core.config.Ordering;
import dev.kafkasdk.core.internal.Plurals;
import io.github.resilience4j.retry.Retry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
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
 * once. The lanes and the ready records live in a {@link ReadyQueue}, each partition's offsets in a
 * {@link PartitionWork}, and the {@link Workers} run the ready records in batches.
 *
 * <p>Threading: every method is safe from any thread; state is guarded by this object's monitor,
 * held only for bookkeeping, never while a handler runs.
 */
final class ConcurrentWork<K, V> {

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentWork.class);

    private final int maxPerPartition;
    private final int resumeAt;
    private final Executor executor;
    private final boolean ownsExecutor;
    private final Workers<K, V> workers;
    private final ConcurrencyMeters meters;
    private final Map<TopicPartition, PartitionWork> partitions = new HashMap<>();
    private final ReadyQueue queue;
    private final RetryTimer retries = new RetryTimer();
    private volatile long maxSpan;
    /** Threads waiting for records of revoked partitions to end. */
    private int waiting;
    /** The poll thread waits for room ({@link #awaitRoom}); wake it only when a paused partition has room. */
    private int roomWaiters;

    private boolean roomAppeared;

    private volatile boolean closing;
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
        this.queue = new ReadyQueue(ordering);
        this.maxPerPartition = maxPerPartition;
        this.resumeAt = maxPerPartition / 2;
        this.executor = executor;
        this.ownsExecutor = ownsExecutor;
        RecordRunner<K, V> runner = new RecordRunner<>(
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
        this.workers = new Workers<>(this, queue, concurrency, executor, runner, new Bookkeeping());
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
        List<List<PartitionWork.Item>> start;
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
            start = workers.start();
        }
        workers.dispatch(start);
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
        PartitionWork.Item item = new PartitionWork.Item(work, raw, queue.laneOf(raw));
        item.readyNanos = now;
        if (!work.held.isEmpty() || offset - work.watermark() > maxSpan) {
            work.held.add(item);
        } else {
            queue.admit(item);
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

    /** The workers' view of the engine; every method but {@link Workers.Engine#fail} holds the lock. */
    private final class Bookkeeping implements Workers.Engine {
        @Override
        public void book(PartitionWork.Item item, RecordRunner.Outcome outcome) {
            ConcurrentWork.this.book(item, outcome);
        }

        @Override
        public void booked() {
            if (waiting > 0 || roomAppeared) {
                roomAppeared = false;
                ConcurrentWork.this.notifyAll();
            }
        }

        @Override
        public boolean accepting() {
            return !closing && fatal == null;
        }

        @Override
        public boolean failed() {
            return fatal != null;
        }

        @Override
        public void fail(Throwable failure) {
            ConcurrentWork.this.fail(failure);
        }
    }

    /** Books one record's outcome ({@code null}: not run, it stays incomplete). Holds the lock. */
    private void book(PartitionWork.Item item, RecordRunner.Outcome outcome) {
        PartitionWork work = item.owner;
        work.running--;
        boolean live = partitions.get(work.partition) == work && !work.revoked;
        if (outcome == RecordRunner.Outcome.COMPLETED) {
            completed(work, item, live);
            if (roomWaiters > 0 && work.full && hasRoom(work)) {
                roomAppeared = true;
            }
        } else if (outcome == RecordRunner.Outcome.RETRY && live) {
            retries.schedule(() -> retryDue(item), item.retryDelayMillis);
        }
    }

    private void completed(PartitionWork work, PartitionWork.Item item, boolean live) {
        long offset = item.raw.offset();
        work.incomplete.remove(offset);
        work.highestCompleted = Math.max(work.highestCompleted, offset);
        if (!live) {
            return;
        }
        queue.laneDone(item);
        long limit = work.watermark() + maxSpan;
        while (!work.held.isEmpty() && work.held.peek().raw.offset() <= limit) {
            queue.admit(work.held.poll());
        }
    }

    private void retryDue(PartitionWork.Item item) {
        List<List<PartitionWork.Item>> start;
        synchronized (this) {
            PartitionWork work = item.owner;
            if (partitions.get(work.partition) != work || work.revoked || closing) {
                return;
            }
            item.readyNanos = System.nanoTime();
            queue.retry(item);
            start = workers.start();
        }
        workers.dispatch(start);
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
     * Partitions to pause: those whose taken-but-not-completed records reached the limit, or whose
     * next records lie beyond what the commit metadata can describe. A paused partition stays in the
     * set until it has room again: half the limit or less, nothing held back (so that it is not
     * paused and resumed on every poll).
     *
     * @return a new set
     */
    synchronized Set<TopicPartition> full() {
        Set<TopicPartition> full = new HashSet<>();
        partitions.forEach((partition, work) -> {
            if (work.full) {
                work.full = !hasRoom(work);
            } else {
                work.full = work.incomplete.size() >= maxPerPartition || !work.held.isEmpty();
            }
            if (work.full) {
                full.add(partition);
            }
        });
        return full;
    }

    private boolean hasRoom(PartitionWork work) {
        return work.held.isEmpty() && work.incomplete.size() <= resumeAt;
    }

    /**
     * Waits until a partition that {@link #full()} reported has room again, a failure stops the
     * consumer, or the time is up (poll thread, while every assigned partition is paused).
     *
     * @param nanos the most to wait
     */
    synchronized void awaitRoom(long nanos) {
        long deadline = System.nanoTime() + nanos;
        roomWaiters++;
        try {
            while (fatal == null && partitions.values().stream().noneMatch(w -> w.full && hasRoom(w))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            roomWaiters--;
        }
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
            queue.removeRevoked();
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
            queue.clear();
            List<PartitionWork> works = new ArrayList<>(partitions.values());
            works.forEach(w -> w.revoked = true);
            awaitIdle(works, deadlineNanos);
            return commits(partitions.keySet());
        }
    }

    private void awaitIdle(List<PartitionWork> works, long deadlineNanos) {
        waiting++;
        workers.draining(true);
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
            workers.draining(false);
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
        queue.removeRevoked();
    }

    /** Shuts down what the engine created: the retry timer and, unless given, the executor. */
    synchronized void shutdown() {
        closing = true;
        retries.shutdown();
        if (ownsExecutor && executor instanceof ExecutorService service) {
            service.shutdown();
        }
    }

    // --- figures for metrics and tests ---

    synchronized int running() {
        return workers.claimed();
    }

    synchronized long queued() {
        long total = 0;
        for (PartitionWork work : partitions.values()) {
            total += work.incomplete.size();
        }
        return Math.max(0, total - workers.claimed());
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
