package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.core.config.Ordering;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The records of the concurrent modes that may start now, and the lanes that hold back the rest: a
 * lane (a key in {@link Ordering#KEY}, the partition in {@link Ordering#PARTITION}) has at most one
 * record ready or running; its later records wait in the lane's queue until it completes. In
 * {@link Ordering#UNORDERED} every record is ready at once. Null keys in key mode share no lane.
 *
 * <p>Not thread-safe: guarded by the {@link ConcurrentWork} lock.
 */
final class ReadyQueue {

    private static final Object PARTITION_LANE = new Object();
    /** The queue of a busy lane with nothing waiting behind its record; never changed. */
    private static final ArrayDeque<PartitionWork.Item> IDLE = new ArrayDeque<>(0);

    private final Ordering ordering;
    private final ArrayDeque<PartitionWork.Item> ready = new ArrayDeque<>();

    ReadyQueue(Ordering ordering) {
        this.ordering = ordering;
    }

    /** The lane of a record, or {@code null} when it may run beside any other. */
    Object laneOf(ConsumerRecord<byte[], byte[]> raw) {
        return switch (ordering) {
            case PARTITION -> PARTITION_LANE;
            case KEY -> raw.key() == null ? null : ByteBuffer.wrap(raw.key());
            case UNORDERED -> null;
        };
    }

    /** Makes an item ready, or queues it behind the busy record of its lane. */
    void admit(PartitionWork.Item item) {
        if (item.lane == null) {
            ready.add(item);
            return;
        }
        Map<Object, ArrayDeque<PartitionWork.Item>> lanes = item.owner.lanes;
        ArrayDeque<PartitionWork.Item> lane = lanes.putIfAbsent(item.lane, IDLE);
        if (lane == null) {
            ready.add(item);
        } else if (lane == IDLE) {
            ArrayDeque<PartitionWork.Item> waiting = new ArrayDeque<>(2);
            waiting.add(item);
            lanes.put(item.lane, waiting);
        } else {
            lane.add(item);
        }
    }

    /** Puts a record whose retry backoff ended at the front: its lane has waited long enough. */
    void retry(PartitionWork.Item item) {
        ready.addFirst(item);
    }

    /** A record completed: the next one of its lane becomes ready, or the lane is idle again. */
    void laneDone(PartitionWork.Item item) {
        if (item.lane == null) {
            return;
        }
        ArrayDeque<PartitionWork.Item> lane = item.owner.lanes.get(item.lane);
        PartitionWork.Item next = lane == null || lane == IDLE ? null : lane.poll();
        if (next != null) {
            ready.add(next);
        } else {
            item.owner.lanes.remove(item.lane);
        }
    }

    /**
     * Takes up to {@code max} ready records, oldest first.
     *
     * @param max the most to take, at least 1
     * @return a new list, empty when nothing is ready
     */
    List<PartitionWork.Item> claim(int max) {
        int n = Math.min(max, ready.size());
        List<PartitionWork.Item> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(ready.poll());
        }
        return out;
    }

    int size() {
        return ready.size();
    }

    boolean isEmpty() {
        return ready.isEmpty();
    }

    /** Drops the ready records of revoked or forgotten partitions. */
    void removeRevoked() {
        ready.removeIf(item -> item.owner.revoked);
    }

    void clear() {
        ready.clear();
    }
}
