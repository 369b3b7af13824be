package dev.kafkasdk.admin;

import java.util.List;
import org.apache.kafka.common.GroupState;

/**
 * Committed-offset lag of a consumer group, per partition and in total.
 *
 * @param groupId the group id
 * @param state the group's state when read
 * @param partitions every partition with a committed offset or assigned to a member, sorted by topic and
 *     partition
 * @since 0.1
 */
public record GroupLag(String groupId, GroupState state, List<PartitionLag> partitions) {

    /**
     * Copies the list.
     *
     * @param groupId the group id
     * @param state the group's state when read
     * @param partitions every partition with a committed offset or assigned to a member, sorted by topic and partition
     */
    public GroupLag {
        partitions = List.copyOf(partitions);
    }

    /** @return the sum of every known partition lag */
    public long totalLag() {
        return partitions.stream().mapToLong(p -> p.lag().orElse(0)).sum();
    }

    /**
     * One table row summing the group, for example
     * {@code billing                  Stable       lag 42        partitions 3}; print {@link #partitions()}
     * for a row per partition.
     *
     * @return the row
     */
    @Override
    public String toString() {
        return String.format("%-24s %-12s lag %-9d partitions %d", groupId, state, totalLag(), partitions.size());
    }
}
