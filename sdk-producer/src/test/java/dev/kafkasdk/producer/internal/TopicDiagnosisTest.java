package dev.kafkasdk.producer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

class TopicDiagnosisTest {

    private static TopicDiagnosis.Verdict verdictOf(Throwable error) {
        KafkaFutureImpl<org.apache.kafka.clients.admin.TopicDescription> answer = new KafkaFutureImpl<>();
        answer.completeExceptionally(error);
        return new TopicDiagnosis.Probe(answer, System.nanoTime() + TimeUnit.SECONDS.toNanos(5))
                .verdict(System.nanoTime());
    }

    @Test
    void theClustersAnswerBecomesTheVerdict() {
        assertThat(verdictOf(new TopicAuthorizationException("no"))).isEqualTo(TopicDiagnosis.Verdict.NOT_AUTHORIZED);
        assertThat(verdictOf(new UnknownTopicOrPartitionException("gone"))).isEqualTo(TopicDiagnosis.Verdict.MISSING);
        assertThat(verdictOf(new KafkaException("other"))).isEqualTo(TopicDiagnosis.Verdict.UNKNOWN);
    }

    @Test
    void anOpenQuestionWaitsUntilItsBoundThenIsUnknown() {
        long now = System.nanoTime();
        TopicDiagnosis.Probe probe = new TopicDiagnosis.Probe(new KafkaFutureImpl<>(), now + 1_000);

        assertThat(probe.verdict(now)).isNull();
        assertThat(probe.verdict(now + 1_000)).isEqualTo(TopicDiagnosis.Verdict.UNKNOWN);
    }

    @Test
    void anAdminThatCannotBeMadeGivesUnknownAndTheAdminGetsOnlyAdminKeys() {
        AtomicReference<Map<String, Object>> given = new AtomicReference<>();
        TopicDiagnosis diagnosis = new TopicDiagnosis(
                Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                        ProducerConfig.LINGER_MS_CONFIG, 5,
                        ProducerConfig.CLIENT_ID_CONFIG, "p-1"),
                "p-1",
                Duration.ofSeconds(2),
                properties -> {
                    given.set(properties);
                    throw new KafkaException("cannot");
                });

        assertThat(diagnosis.start("orders").verdict(System.nanoTime())).isEqualTo(TopicDiagnosis.Verdict.UNKNOWN);
        assertThat(given.get())
                .containsEntry(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1")
                .containsEntry(AdminClientConfig.CLIENT_ID_CONFIG, "p-1-diagnosis")
                .containsEntry(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000)
                .doesNotContainKey(ProducerConfig.LINGER_MS_CONFIG);
        diagnosis.close();
    }
}
