package dev.kafkasdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.core.config.ProducerPreset;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the fixed-rate benchmark working in every build: a one-round, one-second run of the paired
 * LOW_LATENCY scenarios, raw client defaults and Spring, and a two-probe search, against a real broker,
 * must fill every figure and write the Markdown, CSV and PNG files; and a sender that stalls must show
 * the stall in the latency of the records scheduled behind it (no coordinated omission). Latency is
 * not asserted against targets here; {@code benchmarks/run-rate} does that.
 */
@KafkaBroker
class RateBenchmarkIT {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void everyScenarioRunsAtAFixedRateAndLandsInTheReport(KafkaCluster cluster, @TempDir Path dir) throws Exception {
        RateOptions options = RateOptions.parse(new String[] {
            "--rates", "2000",
            "--sizes", "100",
            "--rounds", "1",
            "--window", "1",
            "--warmup", "0.5",
            "--scenarios", "sdk:low_latency,raw:low_latency,raw-defaults,spring",
            "--search-scenarios", "raw-defaults",
            "--search-start", "1000",
            "--search-cap", "2000",
            "--search-window", "0.5",
            "--search-warmup", "0.3",
            "--out", dir.resolve("rate.md").toString()
        });

        RateReport report = new RateBenchmark(cluster, options).run();
        List<Path> files = RateReportFiles.write(report, RateBenchmarkMain.machine("test"));

        assertThat(report.roundPoints())
                .extracting(RateResult::scenario)
                .containsExactly(
                        RateScenario.sdk(ProducerPreset.LOW_LATENCY).name(),
                        RateScenario.rawSame(ProducerPreset.LOW_LATENCY).name(),
                        ProducerBenchmark.RAW_DEFAULTS,
                        SpringKafkaProducerScenario.NAME);
        assertThat(report.roundPoints()).allSatisfy(r -> {
            assertThat(r.missing()).as("records missing in %s", r.scenario()).isZero();
            assertThat(r.records()).isEqualTo(2_000);
            assertThat(r.achievedRate()).isPositive();
            assertThat(r.publish().p99()).isGreaterThanOrEqualTo(r.publish().p50());
            assertThat(r.endToEnd().max()).isGreaterThanOrEqualTo(r.endToEnd().p999());
            assertThat(r.endToEnd().p50()).isPositive();
            assertThat(r.cpuMicrosPerRecord()).isPositive();
            assertThat(r.allocatedBytesPerRecord()).isPositive();
        });
        assertThat(report.paired()).singleElement().satisfies(p -> {
            assertThat(p.preset()).isEqualTo(ProducerPreset.LOW_LATENCY);
            assertThat(p.e2eP99().median()).isPositive();
        });
        assertThat(report.maxRates())
                .singleElement()
                .satisfies(m -> assertThat(m.probes()).isBetween(1, 3));

        assertThat(Files.readString(files.get(0)))
                .contains(
                        "### Latency at fixed rates", "### Paired rounds", "### Maximum sustainable rate", "rate.png");
        assertThat(Files.readAllLines(files.get(1)))
                .hasSize(1 + report.results().size())
                .first()
                .isEqualTo(RateReportFiles.CSV_HEADER);
        assertThat(Files.readString(files.get(2)))
                .startsWith(RateReportFiles.SUMMARY_HEADER)
                .contains("max_rate");
        assertThat(Files.readAllBytes(files.get(3))).hasSizeGreaterThan(10_000).startsWith(PNG_MAGIC);
    }

    @Test
    void aStalledSendCountsAgainstTheRecordsScheduledBehindIt(KafkaCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("bench-rate-stall");
        cluster.createTopic(topic, 6, 1);
        long stall = TimeUnit.MILLISECONDS.toNanos(400);
        RatePoint.Sent sent;
        EndToEndConsumer consumer = new EndToEndConsumer(cluster.bootstrapServers(), topic, 6);
        try (RateSender raw =
                        RateSender.raw(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
                RateSender stalling = new StallOnce(raw, 1_200, stall)) {
            // 2,000 records/s: 1 s window after 0.5 s warm-up; record 1,200 (in the window) blocks 400 ms
            sent = RatePoint.run(
                    stalling, consumer, topic, new byte[100], 2_000, Duration.ofMillis(500), Duration.ofSeconds(1));
        } finally {
            consumer.close();
        }

        // ~800 records were due during the stall: 40% of the window waited up to 400 ms
        assertThat(sent.missing()).isZero();
        assertThat(sent.publish().p99()).isGreaterThan(300);
        assertThat(sent.publish().p50()).isGreaterThan(1);
        assertThat(consumer.percentiles().p99()).isGreaterThan(300);
    }

    /** Blocks the sending thread once, before the n-th send, as a stalled {@code send()} would. */
    private record StallOnce(RateSender delegate, int at, long stallNanos, int[] count) implements RateSender {
        StallOnce(RateSender delegate, int at, long stallNanos) {
            this(delegate, at, stallNanos, new int[1]);
        }

        @Override
        public void send(String topic, byte[] value, long intendedNanos, Acked acked) {
            if (count[0]++ == at) {
                long until = System.nanoTime() + stallNanos;
                while (System.nanoTime() < until) {
                    LockSupport.parkNanos(until - System.nanoTime());
                }
            }
            delegate.send(topic, value, intendedNanos, acked);
        }

        @Override
        public void close() {}
    }
}
