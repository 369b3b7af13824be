package dev.kafkasdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the benchmark harness working in every build: a tiny run of every scenario against a real
 * broker must complete, produce a table row per scenario and write the Markdown, CSV and PNG files.
 * Throughput is not asserted here; targets are checked by running the benchmark itself
 * ({@code benchmarks/run}).
 */
@KafkaBroker
class BenchmarkHarnessIT {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void everyScenarioRunsAgainstTheBrokerAndLandsInTheReport(KafkaCluster cluster, @TempDir Path dir)
            throws Exception {
        // slow-handler has its own smoke test (SlowHandlerBenchmarkIT): 2 ms a record is slow
        BenchmarkMain.Options options =
                new BenchmarkMain.Options(2_000, 1, "producer,consumer,memory,startup", dir.resolve("latest.md"), null);

        List<ResultTable> tables = BenchmarkMain.run(cluster, options);
        List<Path> files = BenchmarkMain.write(tables, options);

        ResultTable producer = find(tables, "Producer: 2,000 records of 100 B");
        ResultTable producer1k = find(tables, "Producer: 400 records of 1,024 B");
        ResultTable consumer = find(tables, "Consumer:");
        ResultTable memory = find(tables, "Memory:");
        ResultTable startup = find(tables, "Embedded broker start-up");
        assertThat(scenarios(producer))
                .containsExactly(
                        ProducerBenchmark.PERF_DEFAULTS,
                        ProducerBenchmark.PERF_TUNED,
                        ProducerBenchmark.RAW_DEFAULTS,
                        ProducerBenchmark.RAW_LOW_LATENCY,
                        ProducerBenchmark.SDK_LOW_LATENCY,
                        ProducerBenchmark.RAW_BALANCED,
                        ProducerBenchmark.SDK_BALANCED,
                        ProducerBenchmark.RAW_HIGH_THROUGHPUT,
                        ProducerBenchmark.SDK_HIGH_THROUGHPUT,
                        ProducerBenchmark.RAW_DURABLE,
                        ProducerBenchmark.SDK_DURABLE,
                        ProducerBenchmark.RAW_FIRE_AND_FORGET,
                        ProducerBenchmark.SDK_FIRE_AND_FORGET,
                        SpringKafkaProducerScenario.NAME);
        assertThat(scenarios(producer1k)).isEqualTo(scenarios(producer));
        assertThat(producer.rows()).allSatisfy(r -> {
            assertThat(r.median()).isPositive();
            assertThat(r.p99Millis()).as("p99 of %s", r.scenario()).isGreaterThanOrEqualTo(r.p50Millis());
        });
        assertThat(scenarios(consumer))
                .containsExactly(
                        ConsumerBenchmark.PERF_CONSUMER,
                        ConsumerBenchmark.RAW_SYNC_PER_POLL,
                        ConsumerBenchmark.SDK_SYNC_PER_BATCH,
                        ConsumerBenchmark.RAW_SYNC_PER_RECORD,
                        ConsumerBenchmark.SDK_SYNC_PER_RECORD,
                        SpringKafkaConsumerScenario.NAME);
        assertThat(consumer.rows()).allSatisfy(r -> assertThat(r.median()).isPositive());
        // the SDK rows keep their raw-client targets beside the comparison with Spring Kafka
        assertThat(baselines(producer, ProducerBenchmark.SDK_BALANCED))
                .containsExactly(ProducerBenchmark.RAW_BALANCED, SpringKafkaProducerScenario.NAME);
        assertThat(baselines(consumer, ConsumerBenchmark.SDK_SYNC_PER_BATCH))
                .containsExactly(ConsumerBenchmark.RAW_SYNC_PER_POLL, SpringKafkaConsumerScenario.NAME);
        assertThat(scenarios(memory))
                .containsExactly(
                        MemoryBenchmark.RAW_PRODUCER,
                        MemoryBenchmark.SDK_PRODUCER,
                        MemoryBenchmark.RAW_CONSUMER,
                        MemoryBenchmark.SDK_CONSUMER);
        assertThat(memory.rows()).allSatisfy(r -> {
            assertThat(r.allocatedBytesPerRecord()).isPositive();
            assertThat(r.heapAfterGcMebibytes()).isPositive();
        });
        assertThat(startup.isDurations()).isTrue();
        assertThat(startup.rows())
                .extracting(ResultTable.Row::scenario)
                .containsExactly("1 node in-process", "1 node in a child JVM");

        String markdown = Files.readString(files.get(0));
        assertThat(markdown).contains("| p50 ms | p99 ms |", "allocated B/record", "latest.png");
        List<String> csv = Files.readAllLines(files.get(1));
        int rows = tables.stream().mapToInt(t -> t.rows().size()).sum();
        assertThat(csv).hasSize(1 + rows).first().isEqualTo(ReportFiles.CSV_HEADER);
        assertThat(csv).anySatisfy(line -> assertThat(line).contains(ProducerBenchmark.SDK_BALANCED));
        byte[] png = Files.readAllBytes(files.get(2));
        assertThat(png).hasSizeGreaterThan(10_000).startsWith(PNG_MAGIC);
    }

    private static ResultTable find(List<ResultTable> tables, String titleStart) {
        return tables.stream()
                .filter(t -> t.title().startsWith(titleStart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table titled '" + titleStart + "...' in "
                        + tables.stream().map(ResultTable::title).toList()));
    }

    private static List<String> baselines(ResultTable table, String scenario) {
        return table.rows().stream()
                .filter(r -> r.scenario().equals(scenario))
                .findFirst()
                .orElseThrow()
                .verdicts()
                .stream()
                .map(v -> v.comparison().baseline())
                .toList();
    }

    private static List<String> scenarios(ResultTable table) {
        return table.rows().stream().map(ResultTable.Row::scenario).toList();
    }
}
