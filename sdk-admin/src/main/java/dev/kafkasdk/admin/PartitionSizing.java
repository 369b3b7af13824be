package dev.kafkasdk.admin;

import dev.kafkasdk.admin.internal.SizingCalculator;

/**
 * Recommends a partition count from throughput: {@code partitions = max(target / producer rate per
 * partition, target / consumer rate per partition)}, rounded up, plus headroom, and checks the result
 * against a per-broker partition budget.
 *
 * <p>Pure computation: no cluster access, thread-safe. To size against a live cluster, fill the request
 * from {@link ClusterOperations#partitionLoad()}.
 *
 * @since 0.1
 */
public final class PartitionSizing {

    private PartitionSizing() {}

    /**
     * Computes the recommendation.
     *
     * @param request the inputs
     * @return the recommendation with per-broker load and warnings
     */
    public static SizingRecommendation recommend(SizingRequest request) {
        return SizingCalculator.recommend(request);
    }
}
