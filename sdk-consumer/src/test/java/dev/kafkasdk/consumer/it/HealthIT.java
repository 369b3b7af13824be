package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.health.ClientHealth;
import dev.kafkasdk.core.health.HealthEvent;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A consumer's {@code health()} follows it from start to stop against a real broker, and its health
 * listener sees the lifecycle in order, off the poll thread, even when it throws.
 */
@KafkaBroker(brokerProperties = {ItSupport.GROUP_TIMEOUTS_3, ItSupport.GROUP_TIMEOUTS_4})
class HealthIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void healthAndEventsFollowTheConsumerFromStartToStop(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("health");
        kafka.createTopic(topic, 2);
        kafka.produceValues(topic, List.of("a", "b"));
        Queue<HealthEvent> events = new ConcurrentLinkedQueue<>();
        Queue<String> threads = new ConcurrentLinkedQueue<>();
        AtomicInteger handled = new AtomicInteger();
        Instant started = Instant.now();
        SdkConsumer<String, String> consumer = SdkConsumer.builder(
                        ItSupport.settings(kafka.bootstrapServers(), topic + "-group", GroupProtocol.CLASSIC)
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .subscribe(topic)
                .recordHandler(record -> handled.incrementAndGet())
                .healthListener(event -> {
                    threads.add(Thread.currentThread().getName());
                    throw new IllegalStateException("a listener that throws must not break the consumer");
                })
                .healthListener(events::add)
                .idleEventAfter(Duration.ofMillis(500))
                .build();
        try (consumer) {
            assertThat(consumer.health().status()).isEqualTo(ClientHealth.Status.STARTING);
            assertThat(consumer.health().lastContact()).isEmpty();
            consumer.start();
            await().atMost(WAIT).until(() -> handled.get() == 2);
            await().atMost(WAIT).until(() -> types(events).contains(HealthEvent.Type.IDLE));

            ClientHealth health = consumer.health();
            assertThat(health.status()).isEqualTo(ClientHealth.Status.READY);
            assertThat(health.isReady()).isTrue();
            assertThat(health.state()).isEqualTo("RUNNING");
            assertThat(health.assignment())
                    .containsExactlyInAnyOrder(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
            assertThat(health.lastContact())
                    .hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(started));
            assertThat(health.cause()).isEmpty();
            // an idle consumer still fetches: its last contact stays fresh
            await().atMost(WAIT)
                    .until(() ->
                            consumer.health().sinceLastContact().orElseThrow().compareTo(Duration.ofSeconds(2)) < 0);
        }
        ClientHealth stopped = consumer.health();
        assertThat(stopped.status()).isEqualTo(ClientHealth.Status.STOPPED);
        assertThat(stopped.isLive()).isTrue();
        assertThat(stopped.assignment()).isEmpty();
        await().atMost(WAIT).until(() -> types(events).contains(HealthEvent.Type.STOPPED));

        List<HealthEvent.Type> seen = types(events);
        assertThat(seen.get(0)).isEqualTo(HealthEvent.Type.STARTED);
        assertThat(seen)
                .containsSubsequence(
                        HealthEvent.Type.STARTED,
                        HealthEvent.Type.PARTITIONS_ASSIGNED,
                        HealthEvent.Type.READY,
                        HealthEvent.Type.IDLE,
                        HealthEvent.Type.STOPPED);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(HealthEvent.Type.STOPPED);
        HealthEvent assigned = events.stream()
                .filter(e -> e.type() == HealthEvent.Type.PARTITIONS_ASSIGNED)
                .findFirst()
                .orElseThrow();
        assertThat(assigned.partitions()).isEqualTo(Set.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1)));
        assertThat(assigned.clientId()).isEqualTo(consumer.clientId());
        HealthEvent idle = events.stream()
                .filter(e -> e.type() == HealthEvent.Type.IDLE)
                .findFirst()
                .orElseThrow();
        assertThat(idle.idleFor())
                .hasValueSatisfying(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofMillis(500)));
        assertThat(threads).allMatch(name -> name.endsWith("-health"), "listeners run on the health thread");
    }

    private static List<HealthEvent.Type> types(Queue<HealthEvent> events) {
        return events.stream().map(HealthEvent::type).toList();
    }
}
