package dev.kafkasdk.admin;

import java.util.List;
import java.util.OptionalLong;

/**
 * What {@link GroupOperations#resetOffsets} did or, for a dry run, would do.
 *
 * @param groupId the group
 * @param target where the offsets were moved
 * @param dryRun true when nothing was committed
 * @param partitions the new offset of every selected partition, sorted by topic and partition
 * @since 0.1
 */
public record OffsetResetResult(String groupId, ResetTarget target, boolean dryRun, List<Moved> partitions) {

    /**
     * One partition's move.
     *
     * @param topic the topic
     * @param partition the partition number
     * @param before the committed offset before, empty when there was none
     * @param after the new committed offset
     */
    public record Moved(String topic, int partition, OptionalLong before, long after) {

        /**
         * One table row, for example {@code orders-0                       40        -> 12}.
         *
         * @return the row
         */
        @Override
        public String toString() {
            return String.format("%-30s %-9s -> %d", topic + "-" + partition, Rows.text(before), after);
        }
    }

    /**
     * Copies the list.
     *
     * @param groupId the group
     * @param target where the offsets were moved
     * @param dryRun true when nothing was committed
     * @param partitions the new offset of every selected partition, sorted by topic and partition
     */
    public OffsetResetResult {
        partitions = List.copyOf(partitions);
    }

    /**
     * One table row summing the reset, for example
     * {@code billing                  partitions 3    dry run}; print {@link #partitions()} for a row each.
     *
     * @return the row
     */
    @Override
    public String toString() {
        return String.format(
                "%-24s partitions %-4d %s  to %s",
                groupId, partitions.size(), dryRun ? "dry run" : "committed", target);
    }
}
