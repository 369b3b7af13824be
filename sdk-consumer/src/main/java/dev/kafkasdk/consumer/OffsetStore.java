package dev.kafkasdk.consumer;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The application's own store of consumed offsets, for {@link CommitMode.External}.
 *
 * <p>The handler writes offsets in the same transaction as its work; the consumer only reads them,
 * on every assignment, to seek. The stored value is Kafka's "next offset to read": the last processed
 * record's offset plus one.
 *
 * <p>Threading: {@link #load} is called on the consumer's poll thread, inside the rebalance callback
 * (or right after {@code assign()}); keep it well under {@code max.poll.interval.ms}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface OffsetStore {

    /**
     * Loads the stored next offsets for the given partitions.
     *
     * @param partitions the partitions just assigned
     * @return the stored offsets; partitions missing from the map have none, and start from the
     *     consumer's {@link StartPositionStrategy}
     * @throws Exception if the store cannot be read; the consumer then fails rather than read from an
     *     unknown position
     */
    Map<TopicPartition, Long> load(Set<TopicPartition> partitions) throws Exception;

    /**
     * Stores the watermarks of a consumer that processes records concurrently (consumer settings
     * {@code ordering}/{@code concurrency}): per partition, the lowest offset not yet completed, so
     * every record below it is done. In concurrent modes the handler cannot store
     * {@code record.offset() + 1} itself, since a later record may complete before an earlier one; the
     * consumer calls this periodically, after draining on revocation and on close, on its poll thread.
     * The builder rejects a concurrent consumer whose store does not implement it.
     *
     * @param watermarks the next offset to read per partition
     * @throws Exception if the store fails; the consumer then stops
     */
    default void storeWatermarks(Map<TopicPartition, Long> watermarks) throws Exception {
        throw new UnsupportedOperationException("This OffsetStore does not store watermarks");
    }
}
