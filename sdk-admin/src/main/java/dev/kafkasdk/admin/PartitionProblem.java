package dev.kafkasdk.admin;

import java.util.List;
import java.util.OptionalInt;

/**
 * A partition that is offline, under its min ISR or under-replicated.
 *
 * @param topic the topic
 * @param partition the partition number
 * @param leader the leader's node id; empty when the partition has no leader (offline)
 * @param replicas the assigned replicas, preferred leader first
 * @param isr the in-sync replicas
 * @param minInsyncReplicas the topic's effective {@code min.insync.replicas}
 * @since 0.1
 */
public record PartitionProblem(
        String topic,
        int partition,
        OptionalInt leader,
        List<Integer> replicas,
        List<Integer> isr,
        int minInsyncReplicas) {

    /**
     * Copies the lists.
     *
     * @param topic the topic
     * @param partition the partition number
     * @param leader the leader's node id; empty when the partition has no leader (offline)
     * @param replicas the assigned replicas, preferred leader first
     * @param isr the in-sync replicas
     * @param minInsyncReplicas the topic's effective {@code min.insync.replicas}
     */
    public PartitionProblem {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
    }

    /**
     * One table row, for example
     * {@code orders-2                       leader 1     replicas [1, 2, 3]  isr [1]  min.insync 2}.
     *
     * @return the row
     */
    @Override
    public String toString() {
        return String.format(
                "%-30s leader %-5s replicas %s  isr %s  min.insync %d",
                topic + "-" + partition,
                leader.isPresent() ? Integer.toString(leader.getAsInt()) : "NONE",
                replicas,
                isr,
                minInsyncReplicas);
    }
}
