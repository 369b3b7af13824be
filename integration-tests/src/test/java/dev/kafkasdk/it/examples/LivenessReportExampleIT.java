package dev.kafkasdk.it.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.consumer.LivenessFinding;
import dev.kafkasdk.examples.LivenessReportExample;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import org.junit.jupiter.api.Test;

@KafkaBroker
class LivenessReportExampleIT {

    @Test
    void slowHandlerIsReportedAgainstThePollBudgetAndALongGcPauseAgainstTheSession(KafkaCluster kafka)
            throws Exception {
        String topic = kafka.uniqueTopicName("slow-work");

        LivenessReportExample.Result result =
                LivenessReportExample.run(ClusterReads.clusterOf(kafka), topic, topic + "-worker", 300);

        assertThat(result.processed()).isEqualTo(300);
        // measured: ~5 ms per record x max.poll.records 500 > max.poll.interval.ms 2000
        assertThat(result.live().finding("poll-budget")).hasValueSatisfying(f -> {
            assertThat(f.severity()).isEqualTo(LivenessFinding.Severity.WARNING);
            assertThat(f.message()).contains("max.poll.records (500)", "max.poll.interval.ms=2000");
        });
        assertThat(Integer.parseInt(result.live().recommendedClientProperties().get("max.poll.records")))
                .isBetween(1, 200);
        assertThat(result.live().format()).contains("poll-budget", "recommended client properties");

        // what-if: a 6 s GC pause is more than half of the 10 s session; 5 x 6 s is recommended
        assertThat(result.whatIf().finding("session-timeout-vs-gc"))
                .hasValueSatisfying(f -> assertThat(f.severity()).isEqualTo(LivenessFinding.Severity.CRITICAL));
        assertThat(result.whatIf().recommendedClientProperties()).containsEntry("session.timeout.ms", "30000");
        assertThat(result.whatIf().worst()).isEqualTo(LivenessFinding.Severity.CRITICAL);
    }
}
