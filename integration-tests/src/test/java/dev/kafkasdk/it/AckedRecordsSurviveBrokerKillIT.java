package dev.kafkasdk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import dev.kafkasdk.test.KafkaNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A 3-node KRaft cluster in child JVMs loses a node to {@code kill -9} while a producer configured
 * with the {@code DURABLE} preset (acks=all, idempotence) keeps sending; the node is restarted.
 * Every record the broker acknowledged must be readable afterwards.
 */
@KafkaBroker(nodes = 3, backend = Backend.CHILD_JVM)
class AckedRecordsSurviveBrokerKillIT {

    @Test
    void noAcknowledgedRecordIsLostWhenTheLeaderIsKilledAndRestarted(KafkaCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("durable-failover");
        cluster.createTopic(topic, 3, 3, Map.of("min.insync.replicas", "2"));
        KafkaSdkConfig config = KafkaSdkConfig.loader()
                .yaml("""
                        producers:
                          payments:
                            preset: DURABLE
                            delivery-timeout: 2m
                        """)
                .environment(Map.of("KAFKA_SDK_CLUSTER_BOOTSTRAP_SERVERS", cluster.bootstrapServers()))
                .load();
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean sending = new AtomicBoolean(true);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                config.producer("payments").toProperties(), new StringSerializer(), new StringSerializer())) {
            Thread sender = new Thread(
                    () -> {
                        for (int i = 0; sending.get(); i++) {
                            String value = "payment-" + i;
                            producer.send(
                                    new ProducerRecord<>(topic, Integer.toString(i), value), (metadata, error) -> {
                                        if (error == null) {
                                            acked.add(value);
                                        } else {
                                            failed.incrementAndGet();
                                        }
                                    });
                            if (i % 200 == 199) {
                                producer.flush();
                            }
                        }
                    },
                    "failover-sender");
            sender.start();

            await().atMost(Duration.ofSeconds(30)).until(() -> acked.size() >= 2_000);
            // tag::failover[]
            KafkaNode victim = cluster.node(leaderOfPartitionZero(cluster, topic));
            victim.kill();
            assertThat(victim.isAlive()).isFalse();
            int ackedAtKill = acked.size();

            await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= ackedAtKill + 2_000);
            victim.restart();
            victim.awaitServing(Duration.ofSeconds(60));
            // end::failover[]
            int ackedAtRestart = acked.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= ackedAtRestart + 2_000);

            sending.set(false);
            sender.join(Duration.ofSeconds(30).toMillis());
            producer.flush();
        }

        Set<String> read = cluster.consumeAll(topic, Duration.ofSeconds(60)).stream()
                .map(ConsumerRecord::value)
                .collect(Collectors.toSet());
        assertThat(acked).hasSizeGreaterThan(6_000);
        Set<String> lost = new HashSet<>(acked);
        lost.removeAll(read);
        assertThat(lost)
                .as("acknowledged records missing after the kill and restart")
                .isEmpty();
        assertThat(failed.get())
                .as("sends that failed outright with acks=all and a 2 minute delivery timeout")
                .isZero();
    }

    private static int leaderOfPartitionZero(KafkaCluster cluster, String topic) throws Exception {
        try (Admin admin = Admin.create(cluster.adminClientProperties())) {
            TopicDescription description =
                    admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
            return description.partitions().get(0).leader().id();
        }
    }
}
