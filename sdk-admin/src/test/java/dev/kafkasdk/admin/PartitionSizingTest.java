package dev.kafkasdk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.ConfigProblem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionSizingTest {

    private static SizingRequest.Builder mb(double target, double producer, double consumer) {
        return SizingRequest.builder()
                .target(Throughput.mebibytesPerSecond(target))
                .producerPerPartition(Throughput.mebibytesPerSecond(producer))
                .consumerPerPartition(Throughput.mebibytesPerSecond(consumer));
    }

    @Test
    void takesTheLargerOfProducerAndConsumerBoundAndAddsHeadroom() {
        SizingRecommendation r = PartitionSizing.recommend(mb(100, 10, 20).build());

        assertThat(r.producerBound()).isEqualTo(10.0);
        assertThat(r.consumerBound()).isEqualTo(5.0);
        assertThat(r.limitedBy()).isEqualTo(SizingRecommendation.Bound.PRODUCER);
        assertThat(r.minimumPartitions()).isEqualTo(10);
        assertThat(r.recommendedPartitions()).isEqualTo(12);
    }

    @Test
    void consumerSideCanBeTheBoundAndFractionsRoundUp() {
        SizingRecommendation r =
                PartitionSizing.recommend(mb(100, 40, 30).headroom(0.5).build());

        assertThat(r.limitedBy()).isEqualTo(SizingRecommendation.Bound.CONSUMER);
        assertThat(r.minimumPartitions()).isEqualTo(4);
        assertThat(r.recommendedPartitions()).isEqualTo(5);
    }

    @Test
    void zeroHeadroomKeepsTheExactQuotient() {
        SizingRecommendation r = PartitionSizing.recommend(SizingRequest.builder()
                .target(Throughput.recordsPerSecond(300_000))
                .producerPerPartition(Throughput.recordsPerSecond(50_000))
                .consumerPerPartition(Throughput.recordsPerSecond(100_000))
                .headroom(0)
                .build());

        assertThat(r.recommendedPartitions()).isEqualTo(6);
    }

    @Test
    void placesNewReplicasOnTheLeastLoadedBrokersAndWarnsPastTheBudget() {
        SizingRecommendation r = PartitionSizing.recommend(mb(100, 10, 20)
                .replicationFactor(2)
                .partitionBudgetPerBroker(1_000)
                .replicasPerBroker(Map.of(1, 990, 2, 500, 3, 500))
                .build());

        assertThat(r.recommendedPartitions()).isEqualTo(12);
        assertThat(r.brokers())
                .extracting(SizingRecommendation.BrokerLoad::replicasAfter)
                .containsExactly(990, 512, 512);
        assertThat(r.exceedsBudget()).isFalse();

        SizingRecommendation tight = PartitionSizing.recommend(mb(100, 10, 20)
                .replicationFactor(3)
                .partitionBudgetPerBroker(1_000)
                .replicasPerBroker(Map.of(1, 990, 2, 500, 3, 500))
                .build());
        assertThat(tight.maxReplicasPerBrokerAfter()).hasValue(1002);
        assertThat(tight.exceedsBudget()).isTrue();
        assertThat(tight.warnings())
                .anyMatch(w -> w.contains("broker 1 would host 1002") && w.contains("budget of 1000"));
    }

    @Test
    void estimatesAnEvenSpreadWhenOnlyTheBrokerCountIsKnown() {
        SizingRecommendation r = PartitionSizing.recommend(mb(100, 1, 1)
                .headroom(0)
                .replicationFactor(3)
                .brokerCount(1)
                .partitionBudgetPerBroker(250)
                .build());

        assertThat(r.maxReplicasPerBrokerAfter()).hasValue(300);
        assertThat(r.warnings()).anyMatch(w -> w.contains("above the budget of 250"));
        assertThat(r.warnings()).anyMatch(w -> w.contains("replication factor 3 is above the broker count 1"));
    }

    @Test
    void neverRecommendsRemovingPartitions() {
        SizingRecommendation r =
                PartitionSizing.recommend(mb(10, 10, 10).currentPartitions(24).build());

        assertThat(r.recommendedPartitions()).isEqualTo(2);
        assertThat(r.partitionsAfter()).isEqualTo(24);
        assertThat(r.partitionsToAdd()).isZero();
        assertThat(r.warnings()).anyMatch(w -> w.contains("cannot remove partitions"));
    }

    @Test
    void validationNamesEveryProblemAtOnce() {
        assertThatThrownBy(() -> SizingRequest.builder()
                        .headroom(-1)
                        .replicationFactor(0)
                        .build())
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .extracting(ConfigProblem::path)
                                .containsExactly(
                                        "target",
                                        "producerPerPartition",
                                        "consumerPerPartition",
                                        "headroom",
                                        "replicationFactor"));
        assertThatThrownBy(() -> SizingRequest.builder()
                        .target(Throughput.recordsPerSecond(1))
                        .producerPerPartition(Throughput.bytesPerSecond(1))
                        .consumerPerPartition(Throughput.bytesPerSecond(1))
                        .build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("all be in bytes or all in records");
    }
}
