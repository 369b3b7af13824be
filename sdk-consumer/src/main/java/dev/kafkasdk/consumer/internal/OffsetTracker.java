package dev.kafkasdk.consumer.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Per-partition progress of the poll thread: the next offset after the last completed record, and
 * the highest offset this consumer has committed (the monotonic commit guard).
 *
 * <p>The guard never lets a commit go below, or repeat, an offset already committed for the
 * partition; it forgets a partition when the partition is revoked or lost, because its next owner
 * may legitimately move the committed offset.
 *
 * <p>Not thread-safe: used by the poll thread only.
 */
public final class OffsetTracker {

    /** Mutable progress of one partition; callers hold on to it across the records of one partition. */
    public static final class Progress {
        private final TopicPartition partition;
        private long completed = -1;
        private Optional<Integer> leaderEpoch = Optional.empty();
        private long committed = -1;

        private Progress(TopicPartition partition) {
            this.partition = partition;
        }

        /**
         * The partition.
         *
         * @return the partition
         */
        public TopicPartition partition() {
            return partition;
        }
    }

    private final Map<TopicPartition, Progress> partitions = new HashMap<>();

    /**
     * The progress holder of a partition, created on first use.
     *
     * @param partition the partition
     * @return its progress
     */
    public Progress progress(TopicPartition partition) {
        Progress progress = partitions.get(partition);
        if (progress == null) {
            progress = new Progress(partition);
            partitions.put(partition, progress);
        }
        return progress;
    }

    /**
     * Marks the record at {@code offset} as completed: the next offset becomes {@code offset + 1}
     * unless it is already higher.
     *
     * @param progress the partition's progress
     * @param offset the completed record's offset
     * @param leaderEpoch the record's leader epoch
     */
    public void complete(Progress progress, long offset, Optional<Integer> leaderEpoch) {
        long next = offset + 1;
        if (next > progress.completed) {
            progress.completed = next;
            progress.leaderEpoch = leaderEpoch;
        }
    }

    /**
     * Sets the completed offset back (a transaction was aborted and its work must be redone).
     *
     * @param partition the partition
     * @param nextOffset the offset processing will resume from
     */
    public void rollback(TopicPartition partition, long nextOffset) {
        Progress progress = partitions.get(partition);
        if (progress != null && progress.completed > nextOffset) {
            progress.completed = nextOffset;
            progress.leaderEpoch = Optional.empty();
        }
    }

    /**
     * Offsets completed but not committed yet, for every partition: what a commit should send.
     *
     * @return a new map; empty when everything completed is committed
     */
    public Map<TopicPartition, OffsetAndMetadata> pending() {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        for (Progress progress : partitions.values()) {
            if (progress.completed > progress.committed) {
                result.put(progress.partition, new OffsetAndMetadata(progress.completed, progress.leaderEpoch, ""));
            }
        }
        return result;
    }

    /**
     * Like {@link #pending()} for some partitions only.
     *
     * @param subset the partitions to consider
     * @return a new map
     */
    public Map<TopicPartition, OffsetAndMetadata> pending(Collection<TopicPartition> subset) {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        for (TopicPartition partition : subset) {
            Progress progress = partitions.get(partition);
            if (progress != null && progress.completed > progress.committed) {
                result.put(partition, new OffsetAndMetadata(progress.completed, progress.leaderEpoch, ""));
            }
        }
        return result;
    }

    /**
     * Whether the pending map would be empty.
     *
     * @return {@code true} if some completed offset is not committed
     */
    public boolean hasPending() {
        for (Progress progress : partitions.values()) {
            if (progress.completed > progress.committed) {
                return true;
            }
        }
        return false;
    }

    /**
     * The commit guard: the entries of {@code offsets} that would move their partition forward.
     * Entries at or below an offset already committed are dropped.
     *
     * @param offsets offsets about to be committed
     * @return a new map with only the forward-moving entries
     */
    public Map<TopicPartition, OffsetAndMetadata> guard(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            Progress progress = partitions.get(partition);
            if (progress == null || offset.offset() > progress.committed) {
                result.put(partition, offset);
            }
        });
        return result;
    }

    /**
     * Records a successful commit. Offsets lower than what is already recorded do not lower it.
     *
     * @param offsets the committed offsets
     */
    public void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> committed(partition, offset.offset()));
    }

    /**
     * Records that {@code offset} is committed for the partition (also used to seed the guard with a
     * committed offset read from the broker).
     *
     * @param partition the partition
     * @param offset the committed next offset
     */
    public void committed(TopicPartition partition, long offset) {
        Progress progress = progress(partition);
        if (offset > progress.committed) {
            progress.committed = offset;
        }
    }

    /**
     * The highest offset committed by this consumer for the partition since it was assigned.
     *
     * @param partition the partition
     * @return the offset, or empty if none is known
     */
    public OptionalLong committedOffset(TopicPartition partition) {
        Progress progress = partitions.get(partition);
        return progress == null || progress.committed < 0 ? OptionalLong.empty() : OptionalLong.of(progress.committed);
    }

    /**
     * The next offset after the last completed record of the partition.
     *
     * @param partition the partition
     * @return the offset, or empty if nothing completed since assignment
     */
    public OptionalLong completedOffset(TopicPartition partition) {
        Progress progress = partitions.get(partition);
        return progress == null || progress.completed < 0 ? OptionalLong.empty() : OptionalLong.of(progress.completed);
    }

    /**
     * Forgets partitions that were revoked or lost: their progress and their guard.
     *
     * @param revoked the partitions
     */
    public void forget(Collection<TopicPartition> revoked) {
        for (TopicPartition partition : revoked) {
            partitions.remove(partition);
        }
    }
}
