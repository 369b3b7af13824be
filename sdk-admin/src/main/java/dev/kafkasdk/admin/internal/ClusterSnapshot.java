package dev.kafkasdk.admin.internal;

import dev.kafkasdk.admin.QuorumStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the health check read from the cluster, in plain values.
 *
 * @param clusterId cluster id
 * @param takenAt when it was read
 * @param nodes brokers in the cluster metadata
 * @param controllerId controller id reported by the brokers
 * @param quorum the KRaft quorum, when it could be described
 * @param partitions every partition of every topic
 * @param minInsyncReplicas each topic's effective {@code min.insync.replicas}
 */
public record ClusterSnapshot(
        String clusterId,
        Instant takenAt,
        List<Node> nodes,
        OptionalInt controllerId,
        Optional<QuorumStatus> quorum,
        List<PartitionState> partitions,
        Map<String, Integer> minInsyncReplicas) {

    /**
     * A broker in the metadata.
     *
     * @param id node id
     * @param host host
     * @param port port
     * @param rack rack, when set
     */
    public record Node(int id, String host, int port, Optional<String> rack) {}

    /**
     * A partition's replicas.
     *
     * @param topic topic
     * @param partition partition number
     * @param leader leader id, empty when there is none
     * @param replicas assigned replicas, preferred first
     * @param isr in-sync replicas
     */
    public record PartitionState(
            String topic, int partition, OptionalInt leader, List<Integer> replicas, List<Integer> isr) {
        /**
         * Copies the lists.
         *
         * @param topic topic
         * @param partition partition number
         * @param leader leader id, empty when there is none
         * @param replicas assigned replicas, preferred first
         * @param isr in-sync replicas
         */
        public PartitionState {
            replicas = List.copyOf(replicas);
            isr = List.copyOf(isr);
        }
    }

    /**
     * Copies the collections.
     *
     * @param clusterId cluster id
     * @param takenAt when it was read
     * @param nodes brokers in the cluster metadata
     * @param controllerId controller id reported by the brokers
     * @param quorum the KRaft quorum, when it could be described
     * @param partitions every partition of every topic
     * @param minInsyncReplicas each topic's effective {@code min.insync.replicas}
     */
    public ClusterSnapshot {
        nodes = List.copyOf(nodes);
        partitions = List.copyOf(partitions);
        minInsyncReplicas = Map.copyOf(minInsyncReplicas);
    }
}
