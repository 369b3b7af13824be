package dev.kafkasdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A smoke-size share-consumer benchmark against a real broker, without warm-up runs: 3 share members
 * against the key-ordered consumer, and one share member against the sequential consumer with a 0 ms
 * handler, must handle every record and land in their tables with a paired ratio. A scenario that loses
 * or stalls records makes the benchmark throw. Throughput is not asserted.
 */
@KafkaBroker
class ShareConsumerBenchmarkIT {

    @Test
    void everyScenarioHandlesEveryRecordAndLandsInTheTables(KafkaCluster cluster) throws Exception {
        ShareConsumerBenchmark benchmark = new ShareConsumerBenchmark(cluster.bootstrapServers(), false, List.of(3));
        String slow = cluster.uniqueTopicName("bench-share-slow");
        cluster.createTopic(slow, 6);
        String noIo = cluster.uniqueTopicName("bench-share-no-io");
        cluster.createTopic(noIo, 6);

        ResultTable slowTable = benchmark.runSlow(slow, 300, 1);
        ResultTable noIoTable = benchmark.runWithoutIo(noIo, 300, 1);

        assertThat(slowTable.toMarkdown())
                .contains(
                        ShareConsumerBenchmark.SDK_KEY,
                        ShareConsumerBenchmark.SHARE_3,
                        "load average",
                        "paired",
                        "| 300 |");
        assertThat(slowTable.median(ShareConsumerBenchmark.SHARE_3)).isPositive();
        assertThat(noIoTable.toMarkdown())
                .contains(ShareConsumerBenchmark.SEQUENTIAL_NO_IO, ShareConsumerBenchmark.SHARE_NO_IO);
        assertThat(noIoTable.median(ShareConsumerBenchmark.SHARE_NO_IO)).isPositive();
    }
}
