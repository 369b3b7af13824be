package dev.kafkasdk.it.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.SdkClient;
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
 * KIP-714 against a broker that runs a client telemetry plugin ({@link TestClientTelemetryReporter}
 * in {@code metric.reporters}): every client learns its id, health shows it, the explicit call
 * returns it and the opt-in meter carries it.
 */
@KafkaBroker(brokerProperties = {"metric.reporters=dev.kafkasdk.it.telemetry.TestClientTelemetryReporter"})
class ClientInstanceIdWithPluginIT {

    @Test
    void everyClientGetsItsIdInHealthFromTheExplicitCallAndAsAMeterTag(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("kip714-plugin");
        kafka.createTopic(topic, 1, 1);
        ClusterSettings cluster = Kip714Clients.cluster(kafka, Duration.ofSeconds(30));
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
                                    .isEqualTo(ClientInstanceId.Status.AVAILABLE)));

            List<String> ids = clients.stream()
                    .map(c -> c.health().clientInstanceId().id().orElseThrow())
                    .toList();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(clients)
                    .allSatisfy(c -> assertThat(
                                    c.clientInstanceId(Duration.ZERO).toString())
                            .isEqualTo(c.health().clientInstanceId().id().orElseThrow()));
            assertThat(registry.get(ClientInstanceIdLookup.METER)
                            .tag("client.id", producer.clientId())
                            .tag("client.instance.id", ids.get(0))
                            .counter()
                            .count())
                    .isEqualTo(1.0);
        }
    }
}
