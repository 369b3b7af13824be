package dev.kafkasdk.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fault proxy in front of an in-process broker: each fault shows up in a real client, and heals. */
@KafkaBroker(faultProxy = true)
class FaultProxyIT {

    private KafkaCluster kafka;

    @AfterEach
    void heal() {
        if (kafka != null) {
            kafka.network(0).heal();
        }
    }

    private KafkaProducer<String, String> producer(KafkaCluster cluster, int timeoutMs) {
        this.kafka = cluster;
        return new KafkaProducer<>(
                ProxiedProducers.properties(cluster, timeoutMs), new StringSerializer(), new StringSerializer());
    }

    private static long sendMillis(KafkaProducer<String, String> producer, String topic) throws Exception {
        long started = System.nanoTime();
        producer.send(new ProducerRecord<>(topic, "v")).get(30, TimeUnit.SECONDS);
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    @Test
    void addedLatencyDelaysEveryAcknowledgementUntilHealed(KafkaCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("latency");
        cluster.createTopic(topic);
        try (KafkaProducer<String, String> producer = producer(cluster, 10_000)) {
            sendMillis(producer, topic);
            cluster.network(0)
                    .latency(NetworkFaults.Direction.TO_CLIENT, Duration.ofMillis(400), Duration.ofMillis(100));

            assertThat(sendMillis(producer, topic)).isBetween(400L, 5_000L);
            cluster.network(0).heal();
            await().atMost(Duration.ofSeconds(10)).until(() -> sendMillis(producer, topic) < 300);
        }
        assertThat(cluster.consumeAll(topic, Duration.ofSeconds(10)).size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aBlackHoleTimesSendsOutAndHealingLetsThemThrough(KafkaCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("blackhole");
        cluster.createTopic(topic);
        try (KafkaProducer<String, String> producer = producer(cluster, 2_000)) {
            sendMillis(producer, topic);
            cluster.network(0).blackhole(NetworkFaults.Direction.BOTH);

            assertThatThrownBy(() ->
                            producer.send(new ProducerRecord<>(topic, "lost")).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
            cluster.network(0).heal();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> sendMillis(producer, topic) >= 0);
        }
        assertThat(cluster.consumeAll(topic, Duration.ofSeconds(10)))
                .extracting(r -> r.value())
                .doesNotContain("lost");
    }

    @Test
    void refusedConnectionsKeepANewClientFromTheClusterUntilHealed(KafkaCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("refused");
        cluster.createTopic(topic);
        cluster.network(0).refuseConnections();
        long acceptedBefore = cluster.network(0).acceptedConnections();
        try (KafkaProducer<String, String> producer = producer(cluster, 1_500)) {
            assertThatThrownBy(() ->
                            producer.send(new ProducerRecord<>(topic, "v")).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TimeoutException.class);
            assertThat(cluster.network(0).acceptedConnections()).isGreaterThan(acceptedBefore);
            cluster.network(0).heal();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> sendMillis(producer, topic) >= 0);
        }
    }

    @Test
    void resetConnectionsAreReopenedByTheClient(KafkaCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("reset");
        cluster.createTopic(topic);
        try (KafkaProducer<String, String> producer = producer(cluster, 10_000)) {
            sendMillis(producer, topic);
            long acceptedBefore = cluster.network(0).acceptedConnections();
            cluster.network(0).resetConnections();

            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> sendMillis(producer, topic) >= 0);
            assertThat(cluster.network(0).acceptedConnections()).isGreaterThan(acceptedBefore);
        }
    }

    @Test
    void theKitsOwnListenerBypassesTheProxy(KafkaCluster cluster) {
        String topic = cluster.uniqueTopicName("bypass");
        cluster.createTopic(topic);
        cluster.network(0).blackhole(NetworkFaults.Direction.BOTH);
        this.kafka = cluster;

        cluster.produce(topic, "k", "through the kit's listener");

        assertThat(cluster.consumeAll(topic, Duration.ofSeconds(10))).hasSize(1);
        assertThat(cluster.proxiedBootstrapServers()).isNotEqualTo(cluster.bootstrapServers());
    }
}
