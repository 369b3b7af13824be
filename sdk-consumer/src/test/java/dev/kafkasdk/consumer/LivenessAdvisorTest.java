package dev.kafkasdk.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.consumer.LivenessFinding.Severity;
import dev.kafkasdk.core.config.GroupProtocol;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LivenessAdvisorTest {

    private static LivenessInputs classic(
            Duration session, Duration heartbeat, Duration gcPause, Duration p99, boolean adaptive) {
        return new LivenessInputs(
                GroupProtocol.CLASSIC,
                session,
                heartbeat,
                Duration.ofSeconds(10),
                100,
                Optional.ofNullable(gcPause),
                Optional.ofNullable(p99),
                Optional.empty(),
                Optional.empty(),
                adaptive,
                0.5);
    }

    @Test
    void healthySettingsGiveNoWarnings() {
        LivenessReport report = LivenessAdvisor.evaluate(classic(
                Duration.ofSeconds(45), Duration.ofSeconds(3), Duration.ofMillis(40), Duration.ofMillis(1), true));

        assertThat(report.worst()).isEqualTo(Severity.INFO);
        assertThat(report.recommendedClientProperties()).isEmpty();
    }

    @Test
    void sessionBelowThreeSecondsIsFlagged() {
        LivenessReport report =
                LivenessAdvisor.evaluate(classic(Duration.ofMillis(2500), Duration.ofMillis(800), null, null, true));

        assertThat(report.finding("session-timeout-min"))
                .get()
                .extracting(LivenessFinding::severity)
                .isEqualTo(Severity.WARNING);
        assertThat(report.recommendedClientProperties()).containsEntry("session.timeout.ms", "3000");
    }

    @Test
    void aGcPauseOfHalfTheSessionIsCriticalAndTheFixIsFiveTimesThePause() {
        LivenessReport report = LivenessAdvisor.evaluate(
                classic(Duration.ofSeconds(6), Duration.ofSeconds(2), Duration.ofMillis(3200), null, true));

        assertThat(report.finding("session-timeout-vs-gc"))
                .get()
                .extracting(LivenessFinding::severity)
                .isEqualTo(Severity.CRITICAL);
        assertThat(report.recommendedClientProperties()).containsEntry("session.timeout.ms", "16000");
    }

    @Test
    void aSessionBelowFiveGcPausesIsAWarning() {
        LivenessReport report = LivenessAdvisor.evaluate(
                classic(Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofMillis(2500), null, true));

        assertThat(report.finding("session-timeout-vs-gc"))
                .get()
                .extracting(LivenessFinding::severity)
                .isEqualTo(Severity.WARNING);
        assertThat(report.recommendedClientProperties()).containsEntry("session.timeout.ms", "13000");
    }

    @Test
    void heartbeatAboveAThirdOfTheSessionIsFlagged() {
        LivenessReport report =
                LivenessAdvisor.evaluate(classic(Duration.ofSeconds(9), Duration.ofSeconds(4), null, null, true));

        assertThat(report.finding("heartbeat-interval")).isPresent();
        assertThat(report.recommendedClientProperties()).containsEntry("heartbeat.interval.ms", "3000");
    }

    @Test
    void pollBudgetOverflowIsCriticalWithoutAdaptiveBatches() {
        LivenessReport report = LivenessAdvisor.evaluate(
                classic(Duration.ofSeconds(45), Duration.ofSeconds(3), null, Duration.ofMillis(200), false));

        LivenessFinding finding = report.finding("poll-budget").orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(report.recommendedClientProperties()).containsEntry("max.poll.records", "25");
        assertThat(finding.fix()).contains("max.poll.records=25").contains("max.poll.interval.ms=40000");
    }

    @Test
    void pollBudgetOverflowIsOnlyAWarningWhenTheConsumerShrinksRounds() {
        LivenessReport report = LivenessAdvisor.evaluate(
                classic(Duration.ofSeconds(45), Duration.ofSeconds(3), null, Duration.ofMillis(200), true));

        assertThat(report.finding("poll-budget"))
                .get()
                .extracting(LivenessFinding::severity)
                .isEqualTo(Severity.WARNING);
        assertThat(report.finding("poll-budget").orElseThrow().message()).contains("at most 25 records");
    }

    @Test
    void consumerProtocolReportsBrokerTimeoutsAndNeverRecommendsClientSessionKeys() {
        LivenessInputs inputs = new LivenessInputs(
                GroupProtocol.CONSUMER,
                Duration.ofSeconds(45),
                Duration.ofSeconds(3),
                Duration.ofSeconds(10),
                100,
                Optional.of(Duration.ofMillis(1500)),
                Optional.of(Duration.ofMillis(200)),
                Optional.of(Duration.ofSeconds(6)),
                Optional.of(Duration.ofSeconds(3)),
                false,
                0.5);

        LivenessReport report = LivenessAdvisor.evaluate(inputs);

        assertThat(report.finding("broker-group-timeouts").orElseThrow().message())
                .contains("group.consumer.session.timeout.ms=6000")
                .contains("group.consumer.heartbeat.interval.ms=3000");
        assertThat(report.finding("session-timeout-vs-gc").orElseThrow().fix())
                .contains("group.consumer.session.timeout.ms");
        assertThat(report.finding("heartbeat-interval")).isPresent();
        assertThat(report.recommendedClientProperties())
                .doesNotContainKeys("session.timeout.ms", "heartbeat.interval.ms")
                .containsKey("max.poll.records");
    }

    @Test
    void consumerProtocolWithoutBrokerValuesAssumesTheBrokerDefaults() {
        LivenessInputs inputs = new LivenessInputs(
                GroupProtocol.CONSUMER,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                100,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                true,
                0.5);

        LivenessReport report = LivenessAdvisor.evaluate(inputs);

        assertThat(report.finding("broker-group-timeouts").orElseThrow().message())
                .contains("group.consumer.session.timeout.ms=45000 (broker default, not read)");
        assertThat(report.finding("session-timeout-min")).isEmpty();
        assertThat(report.format()).contains("broker-group-timeouts");
    }
}
