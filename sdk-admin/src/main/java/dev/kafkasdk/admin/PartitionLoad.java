package dev.kafkasdk.admin;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many partitions a cluster holds and where, as read by {@link ClusterOperations#partitionLoad()}.
 *
 * @param replicasPerBroker partition replicas each serving broker hosts (internal topics included)
 * @param partitionsPerTopic partition count of every topic
 * @param replicationFactorPerTopic replication factor of every topic
 * @since 0.1
 */
public record PartitionLoad(
        Map<Integer, Integer> replicasPerBroker,
        Map<String, Integer> partitionsPerTopic,
        Map<String, Integer> replicationFactorPerTopic) {

    /**
     * Copies the maps, sorted by key.
     *
     * @param replicasPerBroker partition replicas each serving broker hosts (internal topics included)
     * @param partitionsPerTopic partition count of every topic
     * @param replicationFactorPerTopic replication factor of every topic
     */
    public PartitionLoad {
        replicasPerBroker = new TreeMap<>(replicasPerBroker);
        partitionsPerTopic = new TreeMap<>(partitionsPerTopic);
        replicationFactorPerTopic = new TreeMap<>(replicationFactorPerTopic);
    }

    /** @return the number of serving brokers */
    public int brokerCount() {
        return replicasPerBroker.size();
    }
}
