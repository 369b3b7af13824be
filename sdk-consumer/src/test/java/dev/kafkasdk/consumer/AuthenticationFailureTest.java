package dev.kafkasdk.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.core.FatalKafkaSdkException;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.health.ClientHealth;
import dev.kafkasdk.core.serde.Serdes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code authentication-retry-timeout} against kafka-clients' MockConsumer: an authentication
 * failure after the cluster has answered is polled through, one before any answer ends the
 * consumer. (OAuthTokenRefreshIT shows the same against a real broker and identity provider.)
 */
class AuthenticationFailureTest {

    private static final TopicPartition TP = new TopicPartition("orders", 0);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MockConsumer<byte[], byte[]> mock = new MockConsumer<>("earliest");
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private SdkConsumer<String, String> consumer;

    @AfterEach
    void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private SdkConsumer<String, String> start(Duration authenticationRetryTimeout) {
        mock.updateBeginningOffsets(Map.of(TP, 0L));
        mock.updatePartitions(TP.topic(), List.of(new PartitionInfo(TP.topic(), 0, null, new Node[0], null)));
        ConsumerSettings settings = ConsumerSettings.builder()
                .name("unit")
                .cluster(ClusterSettings.builder()
                        .bootstrapServers("127.0.0.1:9")
                        .authenticationRetryTimeout(authenticationRetryTimeout)
                        .build())
                .groupId("g")
                .build();
        consumer = SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                .assign(TP)
                .pollTimeout(Duration.ofMillis(20))
                .clientFactory(props -> mock)
                .recordHandler(r -> handled.add(r.value()))
                .build();
        consumer.start();
        return consumer;
    }

    private void records(int from, int to) {
        mock.schedulePollTask(() -> {
            for (int i = from; i < to; i++) {
                mock.addRecord(new ConsumerRecord<>(
                        TP.topic(), TP.partition(), i, null, ("v" + i).getBytes(StandardCharsets.UTF_8)));
            }
        });
    }

    @Test
    void aFailureAfterTheClusterAnsweredIsPolledThroughAndHealthSaysNotReadyUntilItAnswersAgain() {
        start(Duration.ofMinutes(2));
        records(0, 3);
        await().atMost(WAIT).until(() -> handled.size() == 3);

        SaslAuthenticationException expired = new SaslAuthenticationException("token expired");
        mock.setPollException(expired);

        await().atMost(WAIT).until(() -> consumer.health().status() == ClientHealth.Status.NOT_READY);
        assertThat(consumer.health().cause()).containsSame(expired);
        assertThat(consumer.state()).isEqualTo(ConsumerState.RUNNING);
        assertThat(consumer.failureCause()).isEmpty();

        records(3, 5);

        await().atMost(WAIT).until(() -> handled.size() == 5);
        await().atMost(WAIT).until(() -> consumer.health().status() == ClientHealth.Status.READY);
        assertThat(consumer.health().cause()).isEmpty();
        assertThat(handled).containsExactly("v0", "v1", "v2", "v3", "v4");
        assertThat(consumer.state()).isEqualTo(ConsumerState.RUNNING);
    }

    @Test
    void aFailureBeforeTheClusterEverAnsweredEndsTheConsumerWithTheKafkaException() {
        start(Duration.ofMinutes(2));
        SaslAuthenticationException wrongSecret = new SaslAuthenticationException("invalid_client");

        mock.setPollException(wrongSecret);

        await().atMost(WAIT).until(() -> consumer.state() == ConsumerState.FAILED);
        assertThat(consumer.failureCause()).containsSame(wrongSecret);
        assertThat(handled).isEmpty();
    }

    @Test
    void aZeroTimeoutEndsTheConsumerAtTheFirstFailureNamingTheSetting() {
        start(Duration.ZERO);
        records(0, 2);
        await().atMost(WAIT).until(() -> handled.size() == 2);

        mock.setPollException(new SaslAuthenticationException("token expired"));

        await().atMost(WAIT).until(() -> consumer.state() == ConsumerState.FAILED);
        Throwable failure = consumer.failureCause().orElseThrow();
        assertThat(failure).isInstanceOf(FatalKafkaSdkException.class);
        assertThat(failure.getMessage()).contains("authentication-retry-timeout is 0", "token expired");
        assertThat(failure.getCause()).isInstanceOf(SaslAuthenticationException.class);
    }
}
