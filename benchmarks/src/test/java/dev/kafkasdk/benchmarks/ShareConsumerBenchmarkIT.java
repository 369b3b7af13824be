package dev.kafkasdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A smoke-size share-consumer benchmark against a real broker: every scenario (1, 3 and 6 share members,
 * the key-ordered and the sequential consumer) must handle every record and land in its table with a
 * paired ratio. A scenario that loses or stalls records makes the benchmark throw. Throughput is not
 * asserted.
 */
@KafkaBroker
class ShareConsumerBenchmarkIT {

    @Test
    void everyScenarioHandlesEveryRecordAndLandsInTheTables(KafkaCluster cluster) throws Exception {
        List<ResultTable> tables = ShareConsumerBenchmark.run(cluster, 300, 1);

        assertThat(tables).hasSize(2);
        assertThat(tables.get(0).toMarkdown())
                .contains(
                        ShareConsumerBenchmark.SDK_KEY,
                        ShareConsumerBenchmark.SHARE_1,
                        ShareConsumerBenchmark.SHARE_3,
                        ShareConsumerBenchmark.SHARE_6,
                        "load average",
                        "paired",
                        "| 300 |");
        assertThat(tables.get(1).toMarkdown())
                .contains(ShareConsumerBenchmark.SEQUENTIAL_NO_IO, ShareConsumerBenchmark.SHARE_NO_IO);
        for (String scenario : List.of(
                ShareConsumerBenchmark.SDK_KEY, ShareConsumerBenchmark.SHARE_1, ShareConsumerBenchmark.SHARE_6)) {
            assertThat(tables.get(0).median(scenario)).isPositive();
        }
        assertThat(tables.get(1).median(ShareConsumerBenchmark.SHARE_NO_IO)).isPositive();
    }
}
