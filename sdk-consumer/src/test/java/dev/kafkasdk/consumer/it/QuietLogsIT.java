package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.LivenessFinding;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Logs that tell the truth: no WARN on a clean run and close, no retry announced that never happens. */
@KafkaBroker
class QuietLogsIT {

    @Test
    void aCleanRunAndCloseLogNoWarningAndTheLivenessReportOnlyAtDebug(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("quiet");
        kafka.createTopic(topic, 1);
        kafka.produceValues(topic, List.of("a", "b", "c"));
        Queue<String> seen = new ConcurrentLinkedQueue<>();

        String logs;
        try (LogCapture capture = new LogCapture()) {
            try (SdkConsumer<String, String> consumer = SdkConsumer.builder(
                            ItSupport.settings(kafka.bootstrapServers(), topic + "-group", GroupProtocol.CLASSIC)
                                    .build(),
                            Serdes.string(),
                            Serdes.string())
                    .subscribe(topic)
                    .recordHandler(record -> seen.add(record.value()))
                    .build()) {
                consumer.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() == 3);
                assertThat(consumer.livenessReport().worst()).isLessThan(LivenessFinding.Severity.WARNING);
            }
            logs = capture.text();
        }

        assertThat(logs).doesNotContain("WARN dev.kafkasdk");
        assertThat(logs)
                .containsPattern("DEBUG dev\\.kafkasdk\\.consumer\\.internal\\.LivenessMonitor - Consumer .*: "
                        + "Liveness report \\(\\d+ findings?\\)");
        assertThat(logs).doesNotContain("INFO dev.kafkasdk.consumer.internal.LivenessMonitor");
    }

    @Test
    void aBatchInterruptedByCloseIsNotAnnouncedAsRetried(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("interrupted");
        kafka.createTopic(topic, 1);
        kafka.produceValues(topic, List.of("a", "b"));
        CountDownLatch inHandler = new CountDownLatch(1);

        String logs;
        try (LogCapture capture = new LogCapture()) {
            SdkConsumer<String, String> consumer = SdkConsumer.builder(
                            ItSupport.settings(kafka.bootstrapServers(), topic + "-group", GroupProtocol.CLASSIC)
                                    .build(),
                            Serdes.string(),
                            Serdes.string())
                    .subscribe(topic)
                    .batchHandler(batch -> {
                        inHandler.countDown();
                        new CountDownLatch(1).await();
                    })
                    .build();
            consumer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> inHandler.getCount() == 0);
            assertThat(consumer.close(Duration.ofMillis(500))).isTrue();
            logs = capture.text();
        }

        assertThat(logs).doesNotContain("retrying in");
        assertThat(logs)
                .containsPattern("INFO dev\\.kafkasdk\\.consumer\\.internal\\.BatchRound - Batch handler failed on "
                        + "\\d+ records? from .* while the consumer stops: .*InterruptedException.*; not retried");
    }
}
