package dev.kafkasdk.admin.internal;

import dev.kafkasdk.admin.SizingRecommendation;
import dev.kafkasdk.admin.SizingRecommendation.Bound;
import dev.kafkasdk.admin.SizingRecommendation.BrokerLoad;
import dev.kafkasdk.admin.SizingRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/** The arithmetic behind {@link dev.kafkasdk.admin.PartitionSizing}. */
public final class SizingCalculator {

    /** Tolerance so that an exact quotient such as 5.000000001 does not round up to 6. */
    private static final double EPSILON = 1e-9;

    private SizingCalculator() {}

    /**
     * Computes the recommendation for a request.
     *
     * @param request the inputs
     * @return the recommendation
     */
    public static SizingRecommendation recommend(SizingRequest request) {
        double producerBound = request.target().ratio(request.producerPerPartition());
        double consumerBound = request.target().ratio(request.consumerPerPartition());
        double bound = Math.max(producerBound, consumerBound);
        Bound limitedBy = producerBound > consumerBound ? Bound.PRODUCER : Bound.CONSUMER;
        int minimum = Math.max(1, ceil(bound));
        int recommended = Math.max(minimum, ceil(bound * (1 + request.headroom())));
        int current = request.currentPartitions().orElse(0);
        int after = Math.max(recommended, current);

        List<String> warnings = new ArrayList<>();
        if (current > recommended) {
            warnings.add("the topic already has " + current + " partitions, more than the " + recommended
                    + " recommended; Kafka cannot remove partitions, so the count stays");
        }
        List<BrokerLoad> brokers = List.of();
        OptionalInt maxAfter = OptionalInt.empty();
        if (!request.replicasPerBroker().isEmpty()) {
            brokers = placeReplicas(request.replicasPerBroker(), after - current, request.replicationFactor());
            maxAfter = brokers.stream().mapToInt(BrokerLoad::replicasAfter).max();
        } else if (request.brokerCount().isPresent()) {
            int perBroker = ceil((double) after
                    * request.replicationFactor()
                    / request.brokerCount().getAsInt());
            maxAfter = OptionalInt.of(perBroker);
        }
        if (request.brokerCount().isPresent()
                && request.replicationFactor() > request.brokerCount().getAsInt()) {
            warnings.add("replication factor " + request.replicationFactor() + " is above the broker count "
                    + request.brokerCount().getAsInt() + "; the topic cannot be created or grown");
        }
        for (BrokerLoad load : brokers) {
            if (load.replicasAfter() > request.partitionBudgetPerBroker()) {
                warnings.add("broker " + load.brokerId() + " would host " + load.replicasAfter()
                        + " partition replicas, above the budget of " + request.partitionBudgetPerBroker()
                        + " per broker; add brokers or lower the partition count");
            }
        }
        if (brokers.isEmpty() && maxAfter.isPresent() && maxAfter.getAsInt() > request.partitionBudgetPerBroker()) {
            warnings.add("about " + maxAfter.getAsInt() + " partition replicas per broker, above the budget of "
                    + request.partitionBudgetPerBroker() + " per broker; add brokers or lower the partition count");
        }
        return new SizingRecommendation(
                request,
                producerBound,
                consumerBound,
                limitedBy,
                minimum,
                recommended,
                after,
                brokers,
                maxAfter,
                warnings);
    }

    /**
     * Places each new partition's replicas on the least loaded distinct brokers, as an estimate of where
     * the controller puts them.
     */
    private static List<BrokerLoad> placeReplicas(Map<Integer, Integer> before, int newPartitions, int rf) {
        Map<Integer, Integer> after = new TreeMap<>(before);
        int perPartition = Math.min(rf, after.size());
        for (int p = 0; p < newPartitions; p++) {
            after.entrySet().stream()
                    .sorted(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .limit(perPartition)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(broker -> after.merge(broker, 1, Integer::sum));
        }
        List<BrokerLoad> loads = new ArrayList<>();
        after.forEach((broker, count) -> loads.add(new BrokerLoad(broker, before.get(broker), count)));
        loads.sort(Comparator.comparingInt(BrokerLoad::brokerId));
        return loads;
    }

    private static int ceil(double value) {
        return (int) Math.ceil(value - EPSILON);
    }
}
