package dev.kafkasdk.producer;

import static dev.kafkasdk.producer.ProducerIT.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.core.health.ClientHealth;
import dev.kafkasdk.core.health.HealthEvent;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** A producer's {@code health()} and health events against a real broker. */
@KafkaBroker
class ProducerHealthIT {

    @Test
    void anAcknowledgedSendIsTheLastContactAndCloseStopsIt(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("health");
        kafka.createTopic(topic, 1);
        Queue<HealthEvent> events = new ConcurrentLinkedQueue<>();
        Queue<String> threads = new ConcurrentLinkedQueue<>();
        Instant before = Instant.now();
        SdkProducer<String, String> producer = SdkProducer.builder(
                        settings(kafka, "health").build(), Serdes.string(), Serdes.string())
                .healthListener(event -> {
                    threads.add(Thread.currentThread().getName());
                    throw new IllegalStateException("ignored");
                })
                .healthListener(events::add)
                .build();
        try (producer) {
            assertThat(producer.health().status()).isEqualTo(ClientHealth.Status.READY);

            producer.sendAndWait(OutgoingRecord.of(topic, "k", "v"), Duration.ofSeconds(30));

            ClientHealth health = producer.health();
            assertThat(health.isReady()).isTrue();
            assertThat(health.isLive()).isTrue();
            assertThat(health.state()).isEqualTo("OPEN");
            assertThat(health.clientId()).isEqualTo(producer.clientId());
            assertThat(health.lastContact())
                    .hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(before));
            assertThat(health.cause()).isEmpty();
        }
        ClientHealth closed = producer.health();
        assertThat(closed.status()).isEqualTo(ClientHealth.Status.STOPPED);
        assertThat(closed.state()).isEqualTo("CLOSED");
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 2);
        assertThat(events.stream().map(HealthEvent::type).toList())
                .containsExactly(HealthEvent.Type.STARTED, HealthEvent.Type.STOPPED);
        assertThat(threads).hasSize(2).allMatch(name -> name.endsWith("-health"));
    }
}
