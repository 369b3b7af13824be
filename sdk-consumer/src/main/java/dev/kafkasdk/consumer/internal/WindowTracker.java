package dev.kafkasdk.consumer.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Stop positions of partitions replaying a time window {@code [from, to)}. Poll thread only.
 */
final class WindowTracker {

    /** No stop offset known: stop at the first record whose timestamp reaches {@code toMillis}. */
    static final long UNKNOWN = Long.MAX_VALUE;

    private record Bound(long stopOffset, long toMillis) {}

    private final Map<TopicPartition, Bound> bounds = new HashMap<>();
    private final Set<TopicPartition> finished = new HashSet<>();

    void register(TopicPartition partition, long stopOffset, long toMillis) {
        bounds.put(partition, new Bound(stopOffset, toMillis));
        finished.remove(partition);
    }

    void clear(TopicPartition partition) {
        bounds.remove(partition);
        finished.remove(partition);
    }

    boolean isEmpty() {
        return bounds.isEmpty();
    }

    /**
     * Whether a record lies at or past its partition's window end.
     *
     * @param record the record
     * @param partition its partition
     * @return {@code true} if the record must not be processed
     */
    boolean beyond(ConsumerRecord<?, ?> record, TopicPartition partition) {
        Bound bound = bounds.get(partition);
        if (bound == null) {
            return false;
        }
        return bound.stopOffset == UNKNOWN ? record.timestamp() >= bound.toMillis : record.offset() >= bound.stopOffset;
    }

    /**
     * Whether the next offset to read reaches the partition's stop offset.
     *
     * @param partition the partition
     * @param nextOffset the next offset to read
     * @return {@code true} if the partition has nothing left in its window
     */
    boolean reachedBy(TopicPartition partition, long nextOffset) {
        Bound bound = bounds.get(partition);
        return bound != null && bound.stopOffset != UNKNOWN && nextOffset >= bound.stopOffset;
    }

    void finish(TopicPartition partition) {
        if (bounds.containsKey(partition)) {
            finished.add(partition);
        }
    }

    boolean isFinished(TopicPartition partition) {
        return finished.contains(partition);
    }

    Set<TopicPartition> unfinished() {
        Set<TopicPartition> result = new HashSet<>(bounds.keySet());
        result.removeAll(finished);
        return result;
    }

    Set<TopicPartition> finished() {
        return finished;
    }

    /**
     * Whether every assigned partition replays a window and all of them are done.
     *
     * @param assignment the current assignment
     * @return {@code true} if the consumer has nothing left to read
     */
    boolean allFinished(Collection<TopicPartition> assignment) {
        return !bounds.isEmpty() && !assignment.isEmpty() && finished.containsAll(assignment);
    }

    void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            clear(partition);
        }
    }
}
