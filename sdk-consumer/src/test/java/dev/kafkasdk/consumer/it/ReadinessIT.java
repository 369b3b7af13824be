package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.ConsumerNotReadyException;
import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.FatalKafkaSdkException;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.config.MissingTopics;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * Readiness and start-up failures (issue 14): an unreachable cluster and a missing topic end in a
 * clear error within {@code start-timeout}, or are waited for or warned about as configured, and
 * {@code awaitReady} says what it waited for.
 */
@KafkaBroker(brokerProperties = "auto.create.topics.enable=false")
class ReadinessIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(2);
    /** The guard checks between polls, each check bounded by 1 s: the failure may come that much later. */
    private static final Duration MARGIN = Duration.ofSeconds(3);

    private final Queue<String> seen = new ConcurrentLinkedQueue<>();

    private SdkConsumer<String, String> consumer(ConsumerSettings settings, String... topics) {
        return SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                .subscribe(topics)
                .recordHandler(record -> seen.add(record.value()))
                .build();
    }

    private static ConsumerSettings.Builder settings(String bootstrap, String group, MissingTopics missing) {
        return ItSupport.settings(bootstrap, group, GroupProtocol.CLASSIC)
                .startTimeout(START_TIMEOUT)
                .missingTopics(missing)
                // the client looks for a topic created after it started at its next metadata refresh
                .property("metadata.max.age.ms", "1000");
    }

    @Test
    void anUnreachableClusterFailsWithinTheStartTimeoutNamingTheAddress() throws Exception {
        long started = System.nanoTime();
        try (SdkConsumer<String, String> consumer = consumer(
                settings("127.0.0.1:1", "unreachable-group", MissingTopics.FAIL).build(), "anything")) {
            consumer.start();

            ConsumerNotReadyException e = catchThrowableOfType(
                    ConsumerNotReadyException.class, () -> consumer.awaitReady(START_TIMEOUT.plus(MARGIN)));

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isGreaterThanOrEqualTo(START_TIMEOUT).isLessThan(START_TIMEOUT.plus(MARGIN));
            assertThat(e.state()).isEqualTo(ConsumerState.FAILED);
            assertThat(consumer.state()).isEqualTo(ConsumerState.FAILED);
            Throwable cause = consumer.failureCause().orElseThrow();
            assertThat(cause).isInstanceOf(FatalKafkaSdkException.class);
            assertThat(cause.getMessage()).contains("127.0.0.1:1", "did not answer", "start-timeout (2s)");
            assertThat(e.getMessage()).contains("FAILED", "127.0.0.1:1");
        }
    }

    @Test
    void aMissingTopicFailsAfterTheStartTimeoutNamingIt(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("missing-fail");
        long started = System.nanoTime();
        try (SdkConsumer<String, String> consumer = consumer(
                settings(kafka.bootstrapServers(), topic + "-group", MissingTopics.FAIL)
                        .build(),
                topic)) {
            consumer.start();

            await().atMost(START_TIMEOUT.plus(MARGIN)).until(() -> consumer.state() == ConsumerState.FAILED);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(START_TIMEOUT);
            assertThat(consumer.failureCause().orElseThrow().getMessage())
                    .contains(topic, "did not exist after start-timeout", "missing-topics");
        }
    }

    @Test
    void aMissingTopicIsWaitedForAndReadOnceCreated(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("missing-wait");
        try (SdkConsumer<String, String> consumer = consumer(
                settings(kafka.bootstrapServers(), topic + "-group", MissingTopics.WAIT)
                        .build(),
                topic)) {
            consumer.start();

            ConsumerNotReadyException notYet = catchThrowableOfType(
                    ConsumerNotReadyException.class, () -> consumer.awaitReady(START_TIMEOUT.plusSeconds(1)));
            assertThat(notYet.state()).isEqualTo(ConsumerState.STARTING);
            assertThat(notYet.isRetriable()).isTrue();
            assertThat(notYet.getMessage()).contains(topic, "to exist", "missing-topics: wait");
            assertThat(consumer.state()).isEqualTo(ConsumerState.STARTING);

            kafka.createTopic(topic);
            kafka.produceValues(topic, List.of("late"));

            consumer.awaitReady(Duration.ofSeconds(20));
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.contains("late"));
        }
    }

    @Test
    void aMissingTopicIsWarnedAboutAndTheOthersAreRead(KafkaCluster kafka) throws Exception {
        String present = kafka.uniqueTopicName("present");
        String missing = kafka.uniqueTopicName("missing-warn");
        kafka.createTopic(present);
        kafka.produceValues(present, List.of("here"));
        try (SdkConsumer<String, String> consumer = consumer(
                settings(kafka.bootstrapServers(), present + "-group", MissingTopics.WARN)
                        .build(),
                present,
                missing)) {
            consumer.start();

            consumer.awaitReady(Duration.ofSeconds(20));
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.contains("here"));
            await().pollDelay(START_TIMEOUT.plusMillis(500))
                    .atMost(START_TIMEOUT.plus(MARGIN))
                    .until(() -> true);
            assertThat(consumer.state()).isEqualTo(ConsumerState.RUNNING);
        }
    }
}
