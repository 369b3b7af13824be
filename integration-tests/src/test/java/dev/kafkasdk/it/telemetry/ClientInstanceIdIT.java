package dev.kafkasdk.it.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.SdkClient;
import dev.kafkasdk.core.compat.ClientTelemetryUnavailableException;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.health.ClientInstanceId;
import dev.kafkasdk.core.internal.ClientInstanceIdLookup;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * KIP-714 against a broker without a client telemetry plugin (the kit's default broker): every
 * client's health reports the id unavailable with the reason, after the configured bound, and an
 * explicit call then fails at once with a message naming the feature, the plugin and the fix.
 */
@KafkaBroker
class ClientInstanceIdIT {

    private static final Duration BOUND = Duration.ofSeconds(2);

    @Test
    void withoutAPluginEveryClientReportsTheIdUnavailableAndAnExplicitCallFailsAtOnce(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("kip714-none");
        kafka.createTopic(topic, 1, 1);
        ClusterSettings cluster = Kip714Clients.cluster(kafka, BOUND);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (SdkProducer<String, String> producer = Kip714Clients.producer(cluster, registry);
                SdkConsumer<String, String> consumer = Kip714Clients.consumer(cluster, topic);
                SdkAdmin admin = Kip714Clients.admin(cluster)) {
            consumer.start();
            List<SdkClient> clients = List.of(producer, consumer, admin);

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(clients)
                            .allSatisfy(c -> assertThat(
                                            c.health().clientInstanceId().status())
                                    .isEqualTo(ClientInstanceId.Status.UNAVAILABLE)));

            assertThat(clients).allSatisfy(client -> {
                assertThat(client.health().clientInstanceId().reason().orElseThrow())
                        .contains("KIP-714 client metrics")
                        .contains(client.clientId())
                        .contains("within 2000 ms")
                        .contains("metric.reporters")
                        .contains("ClientTelemetryExporterProvider")
                        .contains("Kafka 3.7");
                long before = System.nanoTime();
                assertThatThrownBy(() -> client.clientInstanceId(Duration.ofSeconds(30)))
                        .isInstanceOf(ClientTelemetryUnavailableException.class)
                        .hasMessageContaining("KIP-714 client metrics")
                        .hasMessageContaining("Fix:");
                assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
            });
            assertThat(registry.find(ClientInstanceIdLookup.METER).meters()).isEmpty();
        }
    }
}
