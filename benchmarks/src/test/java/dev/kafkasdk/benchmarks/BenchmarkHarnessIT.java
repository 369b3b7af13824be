package dev.kafkasdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark harness working in every build: a tiny run of each scenario against a real
 * broker must complete and produce a table row per scenario. Throughput is not asserted here;
 * targets are checked by running the benchmark itself ({@code benchmarks/run}).
 */
@KafkaBroker
class BenchmarkHarnessIT {

    @Test
    void everyScenarioRunsAgainstTheBrokerAndLandsInTheTable(KafkaCluster cluster) throws Exception {
        BenchmarkMain.Options options = new BenchmarkMain.Options(2_000, 1, null, Path.of("unused.md"), null);

        List<ResultTable> tables = BenchmarkMain.run(cluster, options);

        assertThat(tables).hasSize(3);
        String producer = tables.get(0).toMarkdown();
        String consumer = tables.get(1).toMarkdown();
        assertThat(producer).contains(ProducerBenchmark.RAW_DEFAULTS, ProducerBenchmark.RAW_BALANCED,
                ProducerBenchmark.SDK_BALANCED, ProducerBenchmark.RAW_HIGH_THROUGHPUT,
                ProducerBenchmark.SDK_HIGH_THROUGHPUT, "| 2,000 |");
        assertThat(consumer).contains(ConsumerBenchmark.RAW_SYNC_PER_POLL, ConsumerBenchmark.SDK_SYNC_PER_BATCH);
        assertThat(tables.get(2).toMarkdown()).contains(SlowHandlerBenchmark.PLAIN_LOOP,
                SlowHandlerBenchmark.SDK_SEQUENTIAL, SlowHandlerBenchmark.PARALLEL_CONSUMER);
        assertThat(tables.get(0).median(ProducerBenchmark.SDK_BALANCED)).isPositive();
        assertThat(tables.get(1).median(ConsumerBenchmark.SDK_SYNC_PER_BATCH)).isPositive();
        // the Spring Kafka peers run too, and comparing the SDK to them keeps its raw-client targets
        assertThat(producer).contains(SpringKafkaProducerScenario.NAME,
                "x " + ProducerBenchmark.RAW_BALANCED, "x " + SpringKafkaProducerScenario.NAME);
        assertThat(consumer).contains(SpringKafkaConsumerScenario.NAME,
                "x " + ConsumerBenchmark.RAW_SYNC_PER_POLL, "x " + SpringKafkaConsumerScenario.NAME);
        assertThat(tables.get(0).median(SpringKafkaProducerScenario.NAME)).isPositive();
        assertThat(tables.get(1).median(SpringKafkaConsumerScenario.NAME)).isPositive();
    }
}
