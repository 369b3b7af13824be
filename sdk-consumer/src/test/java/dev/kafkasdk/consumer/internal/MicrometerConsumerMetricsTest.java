package dev.kafkasdk.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.consumer.DeadLetter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class MicrometerConsumerMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerConsumerMetrics metrics = new MicrometerConsumerMetrics(registry, Tags.of("app", "t"), 2);

    private double lag(String partition) {
        return registry.get("kafka.sdk.consumer.committed.lag")
                .tag("partition", partition)
                .gauge()
                .value();
    }

    @Test
    void onlyTheFirstPartitionsGetTheirOwnLagTagAndTheRestAreSummed() {
        metrics.committedLag(new TopicPartition("t", 0), 5);
        metrics.committedLag(new TopicPartition("t", 1), 7);
        metrics.committedLag(new TopicPartition("t", 2), 11);
        metrics.committedLag(new TopicPartition("t", 3), 13);
        metrics.committedLag(new TopicPartition("t", 3), 3);

        assertThat(lag("0")).isEqualTo(5);
        assertThat(lag("1")).isEqualTo(7);
        assertThat(lag(MicrometerConsumerMetrics.OTHER)).isEqualTo(14);
        assertThat(registry.find("kafka.sdk.consumer.committed.lag").gauges()).hasSize(3);
    }

    @Test
    void aRemovedPartitionFreesItsTagSlot() {
        metrics.committedLag(new TopicPartition("t", 0), 5);
        metrics.committedLag(new TopicPartition("t", 1), 7);
        metrics.removeLag(new TopicPartition("t", 0));
        metrics.committedLag(new TopicPartition("t", 2), 9);

        assertThat(registry.find("kafka.sdk.consumer.committed.lag")
                        .tag("partition", "0")
                        .gauge())
                .isNull();
        assertThat(lag("2")).isEqualTo(9);
        assertThat(lag(MicrometerConsumerMetrics.OTHER)).isZero();
    }

    @Test
    void countersCarryTheCommonTagsAndCloseRemovesEveryMeter() {
        metrics.processed(3);
        metrics.deadLettered(DeadLetter.Reason.DESERIALIZATION);
        metrics.rebalance("revoked");
        metrics.committedLag(new TopicPartition("t", 0), 1);

        assertThat(registry.get("kafka.sdk.consumer.records.processed")
                        .tag("app", "t")
                        .counter()
                        .count())
                .isEqualTo(3);
        assertThat(registry.get("kafka.sdk.consumer.records.dead.lettered")
                        .tag("reason", "deserialization")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("kafka.sdk.consumer.rebalances")
                        .tag("kind", "revoked")
                        .counter()
                        .count())
                .isEqualTo(1);
        metrics.close();
        assertThat(registry.getMeters()).isEmpty();
    }
}
