package dev.kafkasdk.consumer;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Chooses where each newly assigned partition starts reading.
 *
 * <p>The consumer calls it on the poll thread for every partition it gains (inside
 * {@code onPartitionsAssigned}, or right after {@code assign()}), after the {@link OffsetStore} of
 * {@link CommitMode.External} if there is one: a partition with a stored offset is not asked.
 * Partitions kept across a cooperative rebalance are not asked again.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface StartPositionStrategy {

    /**
     * The start position of a partition that was just assigned.
     *
     * @param partition the partition
     * @return where it starts; {@link StartPosition#committed()} to leave it to Kafka
     */
    StartPosition positionFor(TopicPartition partition);

    /**
     * Kafka's default: the committed offset, or {@code auto.offset.reset} without one.
     *
     * @return the strategy
     */
    static StartPositionStrategy committed() {
        return partition -> StartPosition.committed();
    }

    /**
     * The same position for every partition on every assignment.
     *
     * @param position the position
     * @return the strategy
     */
    static StartPositionStrategy always(StartPosition position) {
        Objects.requireNonNull(position, "position");
        return partition -> position;
    }

    /**
     * The position the first time this consumer instance is given a partition, and
     * {@link StartPosition#committed()} when it gets the partition back after a rebalance, so a
     * replay from the beginning does not restart on every rebalance.
     *
     * @param position the position for first assignments
     * @return a strategy that remembers the partitions it has seen (thread-safe)
     */
    static StartPositionStrategy once(StartPosition position) {
        Objects.requireNonNull(position, "position");
        Set<TopicPartition> seen = ConcurrentHashMap.newKeySet();
        return partition -> seen.add(partition) ? position : StartPosition.committed();
    }
}
