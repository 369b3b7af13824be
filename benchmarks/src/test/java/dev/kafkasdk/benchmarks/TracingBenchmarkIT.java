package dev.kafkasdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import org.junit.jupiter.api.Test;

/** A smoke-size tracing benchmark run: every scenario sends every record and lands in the table. */
@KafkaBroker
class TracingBenchmarkIT {

    @Test
    void everyTracingScenarioRunsAgainstTheBroker(KafkaCluster cluster) throws Exception {
        ResultTable table = new TracingBenchmark(cluster, cluster.uniqueTopicName("bench-tracing")).run(2_000, 1);

        assertThat(table.rows())
                .extracting(ResultTable.Row::scenario)
                .containsExactly(
                        TracingBenchmark.OFF, TracingBenchmark.NOOP, TracingBenchmark.EMPTY, TracingBenchmark.OTEL);
        assertThat(table.rows()).allSatisfy(r -> assertThat(r.median()).isPositive());
    }

    @Test
    void everyConsumerTracingScenarioReadsEveryRecord(KafkaCluster cluster) throws Exception {
        ResultTable table =
                new TracingConsumerBenchmark(cluster, cluster.uniqueTopicName("bench-tracing-consumer")).run(2_000, 1);

        assertThat(table.rows())
                .extracting(ResultTable.Row::scenario)
                .containsExactlyInAnyOrder(
                        TracingConsumerBenchmark.OFF, TracingConsumerBenchmark.NOOP, TracingConsumerBenchmark.OTEL);
        assertThat(table.rows()).allSatisfy(r -> assertThat(r.median()).isPositive());
    }
}
