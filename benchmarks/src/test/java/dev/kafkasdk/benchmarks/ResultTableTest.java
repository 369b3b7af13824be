package dev.kafkasdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void aComparisonReportsTheRatioOfMediansAndTheMedianOfSameRoundRatios() {
        ResultTable table = new ResultTable("t");
        table.compare("sdk", "raw", 0.97);
        // the machine's speed drifts between rounds; within a round sdk is 0.95x raw twice
        double[] raw = {100, 300, 200};
        double[] sdk = {95, 150, 190};
        for (int round = 1; round <= 3; round++) {
            table.add(run("raw", round, raw[round - 1]));
            table.add(run("sdk", round, sdk[round - 1]));
        }
        ResultTable.Verdict verdict = table.rows().get(1).verdicts().get(0);
        assertThat(verdict.ratio()).isCloseTo(150.0 / 200.0, within(1e-9));
        assertThat(verdict.pairedRatio()).isCloseTo(0.95, within(1e-9));
        assertThat(verdict.met()).isFalse();
        assertThat(table.toMarkdown()).contains("0.75x raw (paired 0.95x, min 0.50x, max 0.95x)");
        assertThat(verdict.pairedMin()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aComparisonWithoutATargetReportsTheRatioButNoVerdict() {
        ResultTable table = new ResultTable("t");
        table.compare("sdk", "raw", 0);
        table.add(run("raw", 1, 100));
        table.add(run("sdk", 1, 50));
        assertThat(table.toMarkdown())
                .contains("0.50x raw")
                .contains("| none |")
                .doesNotContain("0.00x met");
        assertThat(table.targetsMet()).isTrue();
    }

    private static Measurement run(String scenario, int round, double recordsPerSecond) {
        return new Measurement(scenario, round, (long) recordsPerSecond, 1_000_000_000L, 0);
    }
}
