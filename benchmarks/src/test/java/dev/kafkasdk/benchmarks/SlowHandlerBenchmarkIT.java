package dev.kafkasdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import org.junit.jupiter.api.Test;

/**
 * A smoke-size slow-handler run against a real broker: each scenario, Parallel Consumer included,
 * must handle every record and land in the table. A scenario that loses, stalls or fails makes the
 * benchmark throw, which fails this test. Throughput is not asserted.
 */
@KafkaBroker
class SlowHandlerBenchmarkIT {

    @Test
    void everyScenarioHandlesEveryRecordAndLandsInTheTable(KafkaCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("bench-slow-handler");
        cluster.createTopic(topic, 6);

        ResultTable table = new SlowHandlerBenchmark(cluster.bootstrapServers(), topic).run(200, 1);

        assertThat(table.toMarkdown())
                .contains(
                        SlowHandlerBenchmark.PLAIN_LOOP,
                        SlowHandlerBenchmark.SDK_SEQUENTIAL,
                        SlowHandlerBenchmark.PARALLEL_CONSUMER,
                        "| 200 |");
        assertThat(table.median(SlowHandlerBenchmark.PLAIN_LOOP)).isPositive();
        assertThat(table.median(SlowHandlerBenchmark.SDK_SEQUENTIAL)).isPositive();
        assertThat(table.median(SlowHandlerBenchmark.PARALLEL_CONSUMER)).isPositive();
    }
}
