package dev.kafkasdk.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.MissingTopics;
import dev.kafkasdk.core.serde.Serdes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Readiness, the start-up checks and authorization failures, against kafka-clients' MockConsumer. */
class ReadinessTest {

    private static final TopicPartition TP = new TopicPartition("orders", 0);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MockConsumer<byte[], byte[]> mock = new MockConsumer<>("earliest");
    private SdkConsumer<String, String> consumer;

    @AfterEach
    void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private SdkConsumer<String, String> start(MissingTopics missing, boolean topicExists) {
        mock.updateBeginningOffsets(Map.of(TP, 0L));
        if (topicExists) {
            mock.updatePartitions(TP.topic(), List.of(new PartitionInfo(TP.topic(), 0, null, new Node[0], null)));
        }
        ConsumerSettings settings = ConsumerSettings.builder()
                .name("unit")
                .cluster(ClusterSettings.of("127.0.0.1:9"))
                .groupId("g")
                .startTimeout(Duration.ofMillis(300))
                .missingTopics(missing)
                .build();
        consumer = SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                .assign(TP)
                .pollTimeout(Duration.ofMillis(20))
                .clientFactory(props -> mock)
                .recordHandler(r -> {})
                .build();
        consumer.start();
        return consumer;
    }

    @Test
    void awaitReadyReturnsOnceTheTopicIsFoundAndAssigned() throws Exception {
        start(MissingTopics.FAIL, true).awaitReady(WAIT);

        assertThat(consumer.state()).isEqualTo(ConsumerState.RUNNING);
    }

    @Test
    void awaitReadyRefusesAConsumerThatWasNotStarted() {
        SdkConsumer<String, String> unstarted = SdkConsumer.builder(
                        ConsumerSettings.builder()
                                .cluster(ClusterSettings.of("127.0.0.1:9"))
                                .groupId("g")
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .subscribe("orders")
                .recordHandler(r -> {})
                .build();

        assertThat(catchThrowableOfType(IllegalStateException.class, () -> unstarted.awaitReady(WAIT)))
                .hasMessageContaining("start()");
    }

    @Test
    void aMissingTopicFailsTheConsumerAfterTheStartTimeoutAndAwaitReadySaysWhy() {
        start(MissingTopics.FAIL, false);

        ConsumerNotReadyException e =
                catchThrowableOfType(ConsumerNotReadyException.class, () -> consumer.awaitReady(WAIT));

        assertThat(e.state()).isEqualTo(ConsumerState.FAILED);
        assertThat(e.isRetriable()).isFalse();
        assertThat(e.getMessage()).contains("orders", "did not exist after start-timeout (300ms)", "127.0.0.1:9");
        assertThat(consumer.failureCause().orElseThrow()).hasMessageContaining("missing-topics: wait or warn");
    }

    @Test
    void aMissingTopicWithWaitStaysStartingAndNamesTheTopic() {
        start(MissingTopics.WAIT, false);

        ConsumerNotReadyException e = catchThrowableOfType(
                ConsumerNotReadyException.class, () -> consumer.awaitReady(Duration.ofMillis(800)));

        assertThat(e.state()).isEqualTo(ConsumerState.STARTING);
        assertThat(e.isRetriable()).isTrue();
        assertThat(e.getMessage()).contains("within 800ms", "topics [orders] to exist", "missing-topics: wait");
        assertThat(consumer.state()).isEqualTo(ConsumerState.STARTING);
    }

    @Test
    void aMissingTopicWithWarnRuns() throws Exception {
        start(MissingTopics.WARN, false).awaitReady(WAIT);

        await().pollDelay(Duration.ofMillis(500)).atMost(WAIT).until(() -> true);
        assertThat(consumer.state()).isEqualTo(ConsumerState.RUNNING);
    }

    @Test
    void aRefusedFetchEndsTheConsumerWithAnSdkExceptionNamingTheTopic() throws Exception {
        start(MissingTopics.FAIL, true).awaitReady(WAIT);

        mock.setPollException(new TopicAuthorizationException(Set.of("orders")));

        await().atMost(WAIT).until(() -> consumer.state() == ConsumerState.FAILED);
        ConsumerAuthorizationException e =
                (ConsumerAuthorizationException) consumer.failureCause().orElseThrow();
        assertThat(e.resourceType()).isEqualTo(ConsumerAuthorizationException.Resource.TOPIC);
        assertThat(e.resources()).containsExactly("orders");
        assertThat(e.topic()).contains("orders");
        assertThat(e.getMessage()).contains("Not authorized to read topic [orders]", "--topic orders", "group g");
        assertThat(e.getCause()).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aRefusedGroupEndsTheConsumerWithAnSdkExceptionNamingTheGroup() throws Exception {
        start(MissingTopics.FAIL, true).awaitReady(WAIT);

        mock.setPollException(new GroupAuthorizationException("refused", "g"));

        await().atMost(WAIT).until(() -> consumer.state() == ConsumerState.FAILED);
        ConsumerAuthorizationException e =
                (ConsumerAuthorizationException) consumer.failureCause().orElseThrow();
        assertThat(e.resourceType()).isEqualTo(ConsumerAuthorizationException.Resource.GROUP);
        assertThat(e.resources()).containsExactly("g");
        assertThat(e.principal()).isEmpty();
        assertThat(e.getMessage()).contains("consumer group g", "--group g");
    }
}
