package dev.kafkasdk.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.consumer.LivenessOptions;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PollBudgetTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerConsumerMetrics metrics = new MicrometerConsumerMetrics(registry, Tags.empty(), 4);

    private PollBudget budget(LivenessOptions options) {
        return new PollBudget(Duration.ofSeconds(4), 100, options, new ProcessingStats(16), metrics);
    }

    @Test
    void anOverBudgetRoundWarnsAndShrinksRoundsToBudgetOverP99() {
        PollBudget budget = budget(LivenessOptions.defaults());

        budget.roundFinished(10, TimeUnit.MILLISECONDS.toNanos(2500), TimeUnit.MILLISECONDS.toNanos(2600));

        assertThat(budget.recordLimit()).isEqualTo(8);
        assertThat(registry.get("kafka.sdk.consumer.poll.budget.warnings")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void fastRoundsKeepTheFullLimit() {
        PollBudget budget = budget(LivenessOptions.defaults());

        for (int i = 0; i < 16; i++) {
            budget.roundFinished(100, TimeUnit.MILLISECONDS.toNanos(5), TimeUnit.MILLISECONDS.toNanos(6));
        }

        assertThat(budget.recordLimit()).isEqualTo(100);
        assertThat(registry.get("kafka.sdk.consumer.poll.budget.warnings")
                        .counter()
                        .count())
                .isZero();
    }

    @Test
    void withoutAdaptiveBatchesTheConsumerOnlyWarns() {
        PollBudget budget =
                budget(LivenessOptions.builder().adaptiveBatch(false).build());

        budget.roundFinished(10, TimeUnit.MILLISECONDS.toNanos(2500), TimeUnit.MILLISECONDS.toNanos(2600));

        assertThat(budget.recordLimit()).isEqualTo(100);
        assertThat(budget.roundOver(1, System.nanoTime() - TimeUnit.SECONDS.toNanos(3)))
                .isFalse();
        assertThat(registry.get("kafka.sdk.consumer.poll.budget.warnings")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aRecordRoundIsOverOnceHalfThePollIntervalHasPassed() {
        PollBudget budget = budget(LivenessOptions.defaults());
        long now = System.nanoTime();

        assertThat(budget.roundOver(1, now - TimeUnit.MILLISECONDS.toNanos(2100)))
                .isTrue();
        assertThat(budget.roundOver(1, now)).isFalse();
        assertThat(budget.roundOver(0, now - TimeUnit.SECONDS.toNanos(10)))
                .as("the first record always runs")
                .isFalse();
    }

    @Test
    void disabledOptionsMeasureNothing() {
        PollBudget budget = budget(LivenessOptions.disabled());

        budget.roundFinished(10, TimeUnit.SECONDS.toNanos(9), TimeUnit.SECONDS.toNanos(9));

        assertThat(budget.enabled()).isFalse();
        assertThat(budget.recordLimit()).isEqualTo(100);
    }
}
