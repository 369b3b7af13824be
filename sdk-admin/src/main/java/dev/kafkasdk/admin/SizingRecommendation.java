package dev.kafkasdk.admin;

import java.util.List;
import java.util.OptionalInt;

/**
 * The result of {@link PartitionSizing#recommend(SizingRequest)}.
 *
 * @param request the inputs
 * @param producerBound {@code target / producer rate per partition}
 * @param consumerBound {@code target / consumer rate per partition}
 * @param limitedBy which side needs more partitions
 * @param minimumPartitions the larger bound rounded up: the fewest partitions that carry the target
 * @param recommendedPartitions the minimum with headroom, rounded up
 * @param partitionsAfter what the topic will have: the recommendation, or the current count when it is
 *     already larger (Kafka cannot remove partitions)
 * @param brokers replicas per broker before and after the change, by broker; empty when the brokers are
 *     not known
 * @param maxReplicasPerBrokerAfter the most replicas any broker hosts after the change; an even-spread
 *     estimate when only the broker count is known, empty when neither is
 * @param warnings what an operator should look at, for example a broker past its partition budget
 * @since 0.1
 */
public record SizingRecommendation(
        SizingRequest request,
        double producerBound,
        double consumerBound,
        Bound limitedBy,
        int minimumPartitions,
        int recommendedPartitions,
        int partitionsAfter,
        List<BrokerLoad> brokers,
        OptionalInt maxReplicasPerBrokerAfter,
        List<String> warnings) {

    /** Which side of the pipeline determines the partition count. */
    public enum Bound {
        /** Producing needs more partitions than consuming. */
        PRODUCER,
        /** Consuming needs at least as many partitions as producing. */
        CONSUMER
    }

    /**
     * Partition replicas one broker hosts before and after the change.
     *
     * @param brokerId the broker
     * @param replicasBefore replicas now
     * @param replicasAfter replicas after the topic reaches {@code partitionsAfter}
     */
    public record BrokerLoad(int brokerId, int replicasBefore, int replicasAfter) {}

    /**
     * Copies the lists.
     *
     * @param request the inputs
     * @param producerBound {@code target / producer rate per partition}
     * @param consumerBound {@code target / consumer rate per partition}
     * @param limitedBy which side needs more partitions
     * @param minimumPartitions the larger bound rounded up: the fewest partitions that carry the target
     * @param recommendedPartitions the minimum with headroom, rounded up
     * @param partitionsAfter what the topic will have: the recommendation, or the current count when it is already larger (Kafka cannot remove partitions)
     * @param brokers replicas per broker before and after the change, by broker; empty when the brokers are not known
     * @param maxReplicasPerBrokerAfter the most replicas any broker hosts after the change; an even-spread estimate when only the broker count is known, empty when neither is
     * @param warnings what an operator should look at, for example a broker past its partition budget
     */
    public SizingRecommendation {
        brokers = List.copyOf(brokers);
        warnings = List.copyOf(warnings);
    }

    /** @return partitions to add to reach the recommendation, 0 when nothing must change */
    public int partitionsToAdd() {
        return partitionsAfter - request.currentPartitions().orElse(0);
    }

    /** @return true when some broker would pass the partition budget */
    public boolean exceedsBudget() {
        return maxReplicasPerBrokerAfter.isPresent()
                && maxReplicasPerBrokerAfter.getAsInt() > request.partitionBudgetPerBroker();
    }
}
