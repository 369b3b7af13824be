package dev.kafkasdk.admin;

import java.time.Duration;
import java.util.Objects;

/**
 * When a {@link HealthReport} turns from OK to WARN for leader balance and quorum lag.
 *
 * @param maxLeaderImbalance largest acceptable share of a broker's preferred partitions that another
 *     broker leads (Kafka's own default trigger is 0.10)
 * @param maxQuorumLag largest acceptable metadata-log lag of a voter or observer, in records
 * @param maxCatchUpAge longest acceptable time since a quorum member last caught up with the leader
 * @since 0.1
 */
public record HealthThresholds(double maxLeaderImbalance, long maxQuorumLag, Duration maxCatchUpAge) {

    /**
     * Validates the values.
     *
     * @param maxLeaderImbalance largest acceptable share of a broker's preferred partitions that another broker leads (Kafka's own default trigger is 0.10)
     * @param maxQuorumLag largest acceptable metadata-log lag of a voter or observer, in records
     * @param maxCatchUpAge longest acceptable time since a quorum member last caught up with the leader
     */
    public HealthThresholds {
        Objects.requireNonNull(maxCatchUpAge, "maxCatchUpAge");
        if (maxLeaderImbalance < 0 || maxLeaderImbalance > 1) {
            throw new IllegalArgumentException(
                    "maxLeaderImbalance: " + maxLeaderImbalance + " must be between 0 and 1");
        }
        if (maxQuorumLag < 0) {
            throw new IllegalArgumentException("maxQuorumLag: " + maxQuorumLag + " must be 0 or more");
        }
    }

    /** @return 10% leader imbalance, 1,000 records and 15 seconds of quorum lag */
    public static HealthThresholds defaults() {
        return new HealthThresholds(0.10, 1_000, Duration.ofSeconds(15));
    }
}
