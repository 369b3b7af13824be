package dev.kafkasdk.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A cluster's health: brokers, the controller and the KRaft quorum, partitions that lost replicas or
 * leaders, leader balance, and a verdict with the reasons for it.
 *
 * @param clusterId the cluster id
 * @param takenAt when the cluster was read
 * @param brokers serving brokers, then brokers that partitions name but that are not serving
 * @param controllerId the controller id the brokers report, when any
 * @param quorum the KRaft quorum; empty when it could not be described (for example not authorized)
 * @param topics topics inspected (internal topics included)
 * @param partitions partitions inspected
 * @param offline partitions without a leader
 * @param underMinIsr partitions whose ISR is smaller than the topic's {@code min.insync.replicas}
 * @param underReplicated partitions whose ISR is smaller than their replica list
 * @param leaderBalance leadership spread
 * @param verdict the overall verdict
 * @param reasons why the verdict is not OK, one line each; empty for OK
 * @since 0.1
 */
public record HealthReport(
        String clusterId,
        Instant takenAt,
        List<BrokerStatus> brokers,
        OptionalInt controllerId,
        Optional<QuorumStatus> quorum,
        int topics,
        int partitions,
        List<PartitionProblem> offline,
        List<PartitionProblem> underMinIsr,
        List<PartitionProblem> underReplicated,
        LeaderBalance leaderBalance,
        Verdict verdict,
        List<String> reasons) {

    /**
     * Copies the lists.
     *
     * @param clusterId the cluster id
     * @param takenAt when the cluster was read
     * @param brokers serving brokers, then brokers that partitions name but that are not serving
     * @param controllerId the controller id the brokers report, when any
     * @param quorum the KRaft quorum; empty when it could not be described (for example not authorized)
     * @param topics topics inspected (internal topics included)
     * @param partitions partitions inspected
     * @param offline partitions without a leader
     * @param underMinIsr partitions whose ISR is smaller than the topic's {@code min.insync.replicas}
     * @param underReplicated partitions whose ISR is smaller than their replica list
     * @param leaderBalance leadership spread
     * @param verdict the overall verdict
     * @param reasons why the verdict is not OK, one line each; empty for OK
     */
    public HealthReport {
        brokers = List.copyOf(brokers);
        offline = List.copyOf(offline);
        underMinIsr = List.copyOf(underMinIsr);
        underReplicated = List.copyOf(underReplicated);
        reasons = List.copyOf(reasons);
    }
}
