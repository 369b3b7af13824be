package dev.kafkasdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.core.config.ProducerPreset;
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

    private static RateResult point(double achieved, RateResult.Percentiles e2e, long missing) {
        return new RateResult("s", "search", 100, 10_000, achieved, 1, e2e, e2e, 1, 1, 0, missing);
    }
}
