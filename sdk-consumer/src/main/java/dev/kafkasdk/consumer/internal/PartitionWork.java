package dev.kafkasdk.consumer.internal;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One assigned partition in a concurrent mode: the records taken and not completed, the lanes that
 * keep key or partition order, the records held back because the commit metadata could not describe
 * them, and the completed offsets a previous owner recorded. Guarded by the {@link ConcurrentWork}
 * lock.
 */
final class PartitionWork {

    /** A record on its way through the engine. */
    static final class Item {
        final PartitionWork owner;
        final ConsumerRecord<byte[], byte[]> raw;
        final Object lane;
        long readyNanos;
        io.github.resilience4j.retry.Retry.AsyncContext<Object> retry;
        long retryDelayMillis;

        Item(PartitionWork owner, ConsumerRecord<byte[], byte[]> raw, Object lane) {
            this.owner = owner;
            this.raw = raw;
            this.lane = lane;
        }
    }

    final TopicPartition partition;
    /** Offsets taken and not completed, ascending: the lowest is the watermark. */
    final TreeSet<Long> incomplete = new TreeSet<>();
    /** Busy lanes: present while a record of the lane runs or waits for a retry; the queue holds the rest. */
    final Map<Object, ArrayDeque<Item>> lanes = new HashMap<>();
    /** Taken records beyond the span the commit metadata can describe, in offset order. */
    final ArrayDeque<Item> held = new ArrayDeque<>();

    long next = -1;
    long highestCompleted = -1;
    /** Records claimed by workers and not booked yet. */
    int running;
    /** Read by workers without the lock to skip claimed records of a revoked partition. */
    volatile boolean revoked;
    /** Paused for back-pressure until it has room again (see {@link ConcurrentWork#full()}). */
    boolean full;

    private long skipBase = -1;
    private BitSet skip;

    PartitionWork(TopicPartition partition) {
        this.partition = partition;
    }

    /**
     * Loads what a previous owner completed beyond its committed offset.
     *
     * @param committed the committed offset
     * @param completed bit {@code i} set when {@code committed + 1 + i} is completed
     */
    void completedByPreviousOwner(long committed, BitSet completed) {
        if (!completed.isEmpty()) {
            skipBase = committed;
            skip = completed;
        }
    }

    boolean completedBefore(long offset) {
        if (skip == null || offset <= skipBase) {
            return false;
        }
        long index = offset - skipBase - 1;
        if (index >= skip.length()) {
            skip = null;
            return false;
        }
        return skip.get((int) index);
    }

    /** The lowest offset not completed: what a commit may name. */
    long watermark() {
        return incomplete.isEmpty() ? next : incomplete.first();
    }

    /** Completed records above the watermark. */
    long completedBeyondWatermark() {
        long mark = watermark();
        if (highestCompleted < mark) {
            return 0;
        }
        return highestCompleted
                - mark
                - incomplete.subSet(mark, true, highestCompleted, true).size()
                + 1;
    }

    /** The commit for this partition, or {@code null} when nothing was taken yet. */
    OffsetAndMetadata commit() {
        if (next < 0) {
            return null;
        }
        long mark = watermark();
        return new OffsetAndMetadata(mark, OffsetMetadataCodec.encode(mark, incomplete, highestCompleted));
    }
}
