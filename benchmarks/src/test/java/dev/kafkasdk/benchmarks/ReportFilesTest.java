package dev.kafkasdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.benchmarks.ReportFiles.Kind;
import org.junit.jupiter.api.Test;

/** The chart colours each bar by whose client the scenario measures. */
class ReportFilesTest {

    @Test
    void everyScenarioIsChartedAsItsOwnKindOfClient() {
        assertThat(Kind.of(ProducerBenchmark.PERF_DEFAULTS)).isEqualTo(Kind.TOOL);
        assertThat(Kind.of(ConsumerBenchmark.PERF_CONSUMER)).isEqualTo(Kind.TOOL);
        assertThat(Kind.of(ProducerBenchmark.RAW_BALANCED)).isEqualTo(Kind.RAW);
        assertThat(Kind.of(SlowHandlerBenchmark.PLAIN_LOOP)).isEqualTo(Kind.RAW);
        assertThat(Kind.of(ProducerBenchmark.SDK_BALANCED)).isEqualTo(Kind.SDK);
        assertThat(Kind.of(ConsumerBenchmark.SDK_SYNC_PER_BATCH)).isEqualTo(Kind.SDK);
        assertThat(Kind.of(SlowHandlerBenchmark.SDK_SEQUENTIAL)).isEqualTo(Kind.SDK);
        assertThat(Kind.of(SpringKafkaProducerScenario.NAME)).isEqualTo(Kind.PEER);
        assertThat(Kind.of(SpringKafkaConsumerScenario.NAME)).isEqualTo(Kind.PEER);
        assertThat(Kind.of(SlowHandlerBenchmark.PARALLEL_CONSUMER)).isEqualTo(Kind.PEER);
    }

    @Test
    void axisLabelsDropTheClientNameTheColourAlreadyShows() {
        assertThat(ReportFiles.label(ProducerBenchmark.RAW_BALANCED)).isEqualTo("raw: BALANCED");
        assertThat(ReportFiles.label(ProducerBenchmark.SDK_HIGH_THROUGHPUT)).isEqualTo("SDK: HIGH_THROUGHPUT");
    }
}
