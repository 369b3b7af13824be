package dev.kafkasdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.Compression;
import dev.kafkasdk.core.config.ProducerPreset;
import dev.kafkasdk.core.config.ProducerSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixed-rate benchmark's command line and round order. */
class RateOptionsTest {

    @Test
    void defaultsFollowTheIssue() {
        RateOptions o = RateOptions.parse(new String[0]);

        assertThat(o.rates()).containsExactly(1_000, 10_000, 50_000, 100_000);
        assertThat(o.sizes()).containsExactly(100, 1024);
        assertThat(o.window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.scenarios()).hasSize(2 * ProducerPreset.values().length + 2);
        assertThat(o.pin()).isFalse();
    }

    @Test
    void badValuesNameTheFlagTheValueAndWhatIsValid() {
        assertThatThrownBy(() -> RateOptions.parse(new String[] {"--rates", "1000,-5"}))
                .hasMessageContaining("--rates")
                .hasMessageContaining("1000,-5")
                .hasMessageContaining("positive whole numbers");
        assertThatThrownBy(() -> RateOptions.parse(new String[] {"--window", "0"}))
                .hasMessageContaining("--window")
                .hasMessageContaining("'0'")
                .hasMessageContaining("seconds above 0");
        assertThatThrownBy(() -> RateOptions.parse(new String[] {"--scenarios", "sdk:fast"}))
                .hasMessageContaining("sdk:fast")
                .hasMessageContaining("raw-defaults");
        assertThatThrownBy(() -> RateOptions.parse(new String[] {"--bogus", "1"}))
                .hasMessageContaining("--bogus")
                .hasMessageContaining("valid:");
    }

    @Test
    void evenRoundsSwapEachSdkAndRawPairButKeepThemAdjacent() {
        List<RateScenario> scenarios = List.of(
                RateScenario.sdk(ProducerPreset.BALANCED),
                RateScenario.rawSame(ProducerPreset.BALANCED),
                RateScenario.RAW_DEFAULTS,
                RateScenario.SPRING);

        assertThat(RateBenchmark.pairedOrder(scenarios, 1)).isEqualTo(scenarios);
        assertThat(RateBenchmark.pairedOrder(scenarios, 2))
                .containsExactly(
                        RateScenario.rawSame(ProducerPreset.BALANCED),
                        RateScenario.sdk(ProducerPreset.BALANCED),
                        RateScenario.RAW_DEFAULTS,
                        RateScenario.SPRING);
    }

    @Test
    void aCandidateVariantParsesPairsWithItsOwnRawTwinAndNamesBadParts() {
        RateScenario sdk = RateScenario.parse("sdk:LOW_LATENCY+linger=1");
        RateScenario raw = RateScenario.parse("raw:low_latency+linger=1");
        RateScenario plain = RateScenario.parse("sdk:low_latency");

        assertThat(sdk.name()).isEqualTo("SdkProducer, LOW_LATENCY, linger 1 ms");
        assertThat(sdk.variant().linger()).hasMillis(1);
        assertThat(sdk.pairs(raw)).isTrue();
        assertThat(sdk.pairs(plain)).isFalse();
        assertThat(plain.pairs(RateScenario.rawSame(ProducerPreset.LOW_LATENCY)))
                .isTrue();
        assertThat(RateScenario.parse("sdk:balanced+batch=16+linger=0").name())
                .isEqualTo("SdkProducer, BALANCED, linger 0 ms, batch 16 KiB");
        assertThat(RateScenario.SPRING.pairs(RateScenario.sdk(ProducerPreset.BALANCED)))
                .isFalse();

        assertThatThrownBy(() -> RateScenario.parse("sdk:low_latency+linger=-1"))
                .hasMessageContaining("linger=-1")
                .hasMessageContaining("linger=MILLIS");
        assertThatThrownBy(() -> RateScenario.parse("spring+linger=1"))
                .hasMessageContaining("only sdk:PRESET and raw:PRESET");

        RateScenario lz4 = RateScenario.parse("sdk:low_latency+compression=LZ4");
        assertThat(lz4.name()).isEqualTo("SdkProducer, LOW_LATENCY, lz4");
        assertThat(lz4.pairs(RateScenario.parse("raw:low_latency+compression=lz4")))
                .isTrue();
        assertThat(lz4.pairs(plain)).isFalse();
        ProducerSettings lowLatency = ProducerSettings.builder()
                .preset(ProducerPreset.LOW_LATENCY)
                .cluster(ClusterSettings.of("127.0.0.1:9"))
                .build();
        ProducerSettings candidate = lz4.variant().apply(lowLatency);
        assertThat(candidate.compression()).isEqualTo(Compression.LZ4);
        assertThat(candidate.linger()).isEqualTo(lowLatency.linger());
        assertThat(candidate.toProperties()).containsEntry("compression.type", "lz4");
        assertThatThrownBy(() -> RateScenario.parse("sdk:low_latency+compression=brotli"))
                .hasMessageContaining("compression 'brotli'")
                .hasMessageContaining("none, gzip, snappy, lz4, zstd");

        RateScenario oneInFlight = RateScenario.parse("sdk:low_latency+linger=0+inflight=1");
        assertThat(oneInFlight.name()).isEqualTo("SdkProducer, LOW_LATENCY, linger 0 ms, 1 in flight");
        assertThat(oneInFlight.pairs(RateScenario.parse("raw:low_latency+inflight=1+linger=0")))
                .isTrue();
        assertThat(oneInFlight.pairs(plain)).isFalse();
        ProducerSettings serial = oneInFlight.variant().apply(lowLatency);
        assertThat(serial.maxInFlight()).hasValue(1);
        assertThat(serial.toProperties())
                .containsEntry("max.in.flight.requests.per.connection", "1")
                .containsEntry("linger.ms", "0");
        assertThat(lz4.variant().apply(lowLatency).maxInFlight()).isEqualTo(lowLatency.maxInFlight());
        assertThatThrownBy(() -> RateScenario.parse("sdk:low_latency+inflight=0"))
                .hasMessageContaining("inflight=0")
                .hasMessageContaining("inflight=N (above 0)");
        assertThatThrownBy(() -> RateScenario.parse("sdk:balanced+inflight=6"))
                .hasMessageContaining("sdk:balanced+inflight=6")
                .hasMessageContaining("not valid for BALANCED")
                .hasMessageContaining("max-in-flight");
        assertThat(RateScenario.parse("sdk:low_latency+inflight=6").variant().maxInFlight())
                .isEqualTo(6);

        RateScenario inline = RateScenario.parse("sdk:low_latency+inline");
        assertThat(inline.name()).isEqualTo("SdkProducer, LOW_LATENCY, callbacks on the I/O thread");
        assertThat(inline.variant().inlineCompletions()).isTrue();
        assertThat(inline.pairs(RateScenario.rawSame(ProducerPreset.LOW_LATENCY)))
                .isFalse();
        assertThat(sdk.variant().inlineCompletions()).isFalse();
        assertThatThrownBy(() -> RateScenario.parse("raw:low_latency+inline"))
                .hasMessageContaining("raw:low_latency+inline")
                .hasMessageContaining("only sdk:PRESET takes +inline");
    }

    @Test
    void aPointIsSustainedOnlyWithinTwoPercentAndUnderOneSecondP99() {
        RateResult.Percentiles fast = new RateResult.Percentiles(1, 5, 8, 10);
        RateResult.Percentiles slow = new RateResult.Percentiles(1, 1_000, 1_200, 1_300);

        assertThat(point(9_800, fast, 0).sustained()).isTrue();
        assertThat(point(9_799, fast, 0).sustained()).isFalse();
        assertThat(point(10_000, slow, 0).sustained()).isFalse();
        assertThat(point(10_000, fast, 1).sustained()).isFalse();
    }

    @Test
    void aCandidateIsComparedWithThePresetAsItIsInTheSameRound() {
        RateScenario base = RateScenario.sdk(ProducerPreset.LOW_LATENCY);
        RateScenario candidate = RateScenario.parse("sdk:low_latency+linger=1");
        RateOptions options = oneRateOneSize(2, "sdk:low_latency,sdk:low_latency+linger=1");
        RateReport report = new RateReport(
                options,
                List.of(
                        e2e(base, "round 1", 1, 10),
                        e2e(candidate, "round 1", 2, 5),
                        e2e(base, "round 2", 1, 20),
                        e2e(candidate, "round 2", 2, 6),
                        e2e(candidate, "warm-up", 9, 90)),
                List.of());

        assertThat(report.candidates()).singleElement().satisfies(c -> {
            assertThat(c.candidate()).isEqualTo(candidate.name());
            assertThat(c.base()).isEqualTo(base.name());
            assertThat(c.rounds()).isEqualTo(2);
            assertThat(c.e2eP50Diff().median()).isEqualTo(1.0);
            assertThat(c.e2eP99Diff().min()).isEqualTo(-14.0);
            assertThat(c.e2eP99Diff().max()).isEqualTo(-5.0);
            assertThat(c.e2eP99().min()).isEqualTo(0.3);
        });
        assertThat(report.paired()).isEmpty();
        assertThat(RateMarkdown.render(report, "machine", "x.png"))
                .contains("### Candidate preset values against the preset as it is")
                .contains("| 100 B | 1,000 | SdkProducer, LOW_LATENCY, linger 1 ms | 2 | +1.00 / +1.00 / +1.00 |");
    }

    @Test
    void aPresetsClaimIsJudgedAmongThePresetsAsTheyAreNotTheirCandidates() {
        RateScenario lowLatency = RateScenario.sdk(ProducerPreset.LOW_LATENCY);
        RateScenario balanced = RateScenario.sdk(ProducerPreset.BALANCED);
        RateScenario inline = RateScenario.parse("sdk:low_latency+inline");
        RateOptions options = oneRateOneSize(1, "sdk:low_latency,sdk:balanced,sdk:low_latency+inline");
        RateReport report = new RateReport(
                options,
                List.of(e2e(lowLatency, "round 1", 1, 4), e2e(balanced, "round 1", 4, 8), e2e(inline, "round 1", 1, 3)),
                List.of());

        assertThat(RateMarkdown.render(report, "machine", "x.png"))
                .contains("| 100 B | 1,000 | LOW_LATENCY | LOW_LATENCY 4.0; BALANCED 8.0; | met |");
    }

    /** Options for 1,000 records/s of 100 B. */
    private static RateOptions oneRateOneSize(int rounds, String scenarios) {
        return RateOptions.parse(new String[] {
            "--rates", "1000", "--sizes", "100", "--rounds", String.valueOf(rounds), "--scenarios", scenarios
        });
    }

    private static RateResult e2e(RateScenario scenario, String phase, double p50, double p99) {
        RateResult.Percentiles p = new RateResult.Percentiles(p50, p99, p99, p99);
        return new RateResult(scenario.name(), phase, 100, 1_000, 1_000, 1_000, p, p, 1, 1, 0, 0);
    }

    private static RateResult point(double achieved, RateResult.Percentiles e2e, long missing) {
        return new RateResult("s", "search", 100, 10_000, achieved, 1, e2e, e2e, 1, 1, 0, missing);
    }
}
