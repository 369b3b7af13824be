package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.FailureAction;
import dev.kafkasdk.consumer.FailurePolicy;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import dev.kafkasdk.test.NetworkFaults;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A dead letter that cannot be stored (its producer reaches the broker through a black hole) fails
 * the consumer within {@code dead-letter-timeout}, leaves the record uncommitted, and the record is
 * dead-lettered by the next start: nothing is lost.
 */
@KafkaBroker(faultProxy = true)
class DeadLetterTimeoutIT {

    @Test
    void anUnstorableDeadLetterFailsWithinTheBoundAndIsNotCommittedPast(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("payments");
        kafka.createTopic(topic, 1);
        kafka.createTopic(topic + ".DLT", 1);
        String group = topic + "-group";
        Duration bound = Duration.ofSeconds(2);
        ProducerSettings throughProxy = ProducerSettings.builder()
                .name("dlt")
                .cluster(ClusterSettings.of(kafka.proxiedBootstrapServers()))
                .build();
        Queue<String> processed = new ConcurrentLinkedQueue<>();
        AtomicLong failedAt = new AtomicLong();
        NetworkFaults network = kafka.network(kafka.nodes().get(0).id());

        try (SdkConsumer<String, String> consumer = consumer(
                ItSupport.settings(kafka.bootstrapServers(), group, GroupProtocol.CLASSIC)
                        .deadLetterProducer(throughProxy)
                        .deadLetterTimeout(bound)
                        .build(),
                topic,
                processed,
                failedAt)) {
            kafka.produce(topic, "1", "ok");
            consumer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> processed.contains("ok"));

            network.blackhole(NetworkFaults.Direction.BOTH);
            kafka.produce(topic, "2", "boom");
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> consumer.state() == ConsumerState.FAILED);
            Duration toFailure = Duration.ofNanos(System.nanoTime() - failedAt.get());
            System.out.println("dead-letter-timeout " + bound.toMillis() + " ms: FAILED " + toFailure.toMillis()
                    + " ms after the handler threw");

            assertThat(toFailure).isGreaterThanOrEqualTo(bound.minusMillis(100)).isLessThan(bound.plusSeconds(3));
            assertThat(consumer.failureCause().orElseThrow().getMessage())
                    .contains(topic + "-0@1")
                    .contains("dead-letter topic '" + topic + ".DLT'")
                    .contains("dead-letter-timeout (2s)")
                    .contains("without committing it");
        } finally {
            network.heal();
        }
        assertThat(committed(kafka, group, new TopicPartition(topic, 0))).isEqualTo(1L);

        try (SdkConsumer<String, String> again = consumer(
                ItSupport.settings(kafka.bootstrapServers(), group, GroupProtocol.CLASSIC)
                        .build(),
                topic,
                processed,
                new AtomicLong())) {
            again.start();
            var dead = kafka.consume(topic + ".DLT", 1, Duration.ofSeconds(30));
            assertThat(dead)
                    .singleElement()
                    .satisfies(r -> assertThat(r.value()).isEqualTo("boom"));
        }
        assertThat(processed).containsExactly("ok");
    }

    private static SdkConsumer<String, String> consumer(
            ConsumerSettings settings, String topic, Queue<String> processed, AtomicLong failedAt) {
        return SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                .subscribe(topic)
                .deadLettersToKafka()
                .failurePolicy(FailurePolicy.noRetry(FailureAction.DEAD_LETTER))
                .recordHandler(record -> {
                    if (record.value().equals("boom")) {
                        failedAt.set(System.nanoTime());
                        throw new IllegalStateException("cannot pay");
                    }
                    processed.add(record.value());
                })
                .build();
    }

    private static long committed(KafkaCluster kafka, String group, TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            OffsetAndMetadata offset = offsets.get(partition);
            return offset == null ? -1 : offset.offset();
        }
    }
}
