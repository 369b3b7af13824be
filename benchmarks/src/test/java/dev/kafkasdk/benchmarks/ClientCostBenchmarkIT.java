package dev.kafkasdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the client-cost benchmark working: a tiny paired run of one preset and the consumer. */
@KafkaBroker
class ClientCostBenchmarkIT {

    @Test
    void pairsEveryScenarioWithItsRawTwinAndWritesTheReport(KafkaCluster cluster, @TempDir Path dir) throws Exception {
        List<ClientCostBenchmark.Cost> costs = new ClientCostBenchmark(cluster, cluster.uniqueTopicName("cost"))
                .run(ClientCostBenchmark.only("balanced,consumer"), 2_000, 2_000, 2);

        assertThat(costs).hasSize(3 * 2 * 2).allSatisfy(c -> {
            assertThat(c.cpuMicrosPerRecord()).isPositive();
            assertThat(c.bytesPerRecord()).isPositive();
        });
        ClientCostReport report = new ClientCostReport(costs);
        assertThat(report.rows())
                .extracting(ClientCostReport.Row::pair)
                .containsExactly("balanced", ClientCostBenchmark.CONSUMER_RECORD, ClientCostBenchmark.CONSUMER_BATCH);
        // the SDK's completion thread is one of the client's threads and shows in the breakdown
        assertThat(costs.stream().filter(c -> c.sdk() && c.pair().equals("balanced")))
                .anySatisfy(c -> assertThat(c.totals().cpuByThread().keySet())
                        .anySatisfy(name -> assertThat(name).contains("network-thread")));
        List<Path> files = report.write(dir.resolve("client-cost.md"), ClientCostBenchmark.machine(2));
        assertThat(Files.readString(files.get(0))).contains("| balanced | 2 | 2,000 |", "CPU ratio", "load average");
        assertThat(Files.readAllLines(files.get(1))).hasSize(4).first().isEqualTo(ClientCostReport.CSV_HEADER);
    }
}
