package dev.kafkasdk.admin;

import java.util.Map;
import java.util.TreeMap;

/**
 * How partition leadership is spread over the brokers.
 *
 * <p>Kafka places the preferred leader (the first assigned replica) evenly; after a broker restarts,
 * its partitions stay led elsewhere until a preferred-leader election runs. The imbalance of a broker
 * is the share of the partitions it should lead that it does not, as Kafka's
 * {@code leader.imbalance.per.broker.percentage} measures it.
 *
 * @param leadersPerBroker partitions each serving broker leads
 * @param nonPreferredLeaders partitions led by a replica other than their preferred leader
 * @param imbalancePerBroker for each broker, the share (0..1) of its preferred partitions it does not lead
 * @param maxImbalance the largest value in {@code imbalancePerBroker}
 * @since 0.1
 */
public record LeaderBalance(
        Map<Integer, Integer> leadersPerBroker,
        int nonPreferredLeaders,
        Map<Integer, Double> imbalancePerBroker,
        double maxImbalance) {

    /**
     * Copies the maps in broker order.
     *
     * @param leadersPerBroker partitions each serving broker leads
     * @param nonPreferredLeaders partitions led by a replica other than their preferred leader
     * @param imbalancePerBroker for each broker, the share (0..1) of its preferred partitions it does not lead
     * @param maxImbalance the largest value in {@code imbalancePerBroker}
     */
    public LeaderBalance {
        leadersPerBroker = new TreeMap<>(leadersPerBroker);
        imbalancePerBroker = new TreeMap<>(imbalancePerBroker);
    }
}
