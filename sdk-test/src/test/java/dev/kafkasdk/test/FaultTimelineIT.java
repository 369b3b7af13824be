package dev.kafkasdk.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scripted faults and the bandwidth limit, seen by a real client through the proxy. */
@KafkaBroker(faultProxy = true)
class FaultTimelineIT {

    private KafkaCluster kafka;

    @AfterEach
    void heal() {
        if (kafka != null) {
            kafka.network(0).heal();
        }
    }

    private KafkaProducer<byte[], byte[]> producer(KafkaCluster cluster, int timeoutMs) {
        this.kafka = cluster;
        return new KafkaProducer<>(
                ProxiedProducers.properties(cluster, timeoutMs), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static RecordMetadata send(KafkaProducer<byte[], byte[]> producer, String topic, int bytes)
            throws Exception {
        return producer.send(new ProducerRecord<>(topic, new byte[bytes])).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aScriptedBlackHoleStartsAndHealsOnTime(KafkaCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("timeline");
        cluster.createTopic(topic);
        try (KafkaProducer<byte[], byte[]> producer = producer(cluster, 1_500)) {
            send(producer, topic, 10);
            try (FaultTimeline timeline = FaultTimeline.parse(cluster, """
                            # the proxy drops everything for four seconds
                            at 200ms: blackhole node 0 for 4s
                            """).start()) {
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> timeline.executed().size() == 1);
                assertThatThrownBy(() -> send(producer, topic, 10))
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(TimeoutException.class);

                timeline.awaitDone(Duration.ofSeconds(30));

                assertThat(timeline.executed())
                        .extracting(FaultTimeline.Step::description)
                        .containsExactly("blackhole BOTH node 0 for 4000 ms", "heal node 0");
                assertThat(timeline.executed())
                        .allSatisfy(step -> assertThat(step.actual()).isGreaterThanOrEqualTo(step.planned()));
                assertThat(timeline.executed().get(1).planned()).isEqualTo(Duration.ofMillis(4_200));
            }
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> send(producer, topic, 10) != null);
        }
    }

    @Test
    void closingATimelineUndoesTheFaultStillInForce(KafkaCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("undo");
        cluster.createTopic(topic);
        try (KafkaProducer<byte[], byte[]> producer = producer(cluster, 1_500)) {
            send(producer, topic, 10);
            FaultTimeline timeline = FaultTimeline.on(cluster)
                    .blackhole(Duration.ZERO, 0, Duration.ofMinutes(5))
                    .start();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> timeline.executed().size() == 1);

            timeline.close();

            assertThat(timeline.executed())
                    .extracting(FaultTimeline.Step::description)
                    .endsWith("heal node 0");
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> send(producer, topic, 10) != null);
        }
    }

    @Test
    void aFailingStepStopsTheTimelineAndAwaitDoneNamesIt(KafkaCluster cluster) {
        this.kafka = cluster;
        // the in-process backend cannot pause a node
        FaultTimeline timeline = FaultTimeline.parse(cluster, """
                        at 0ms: blackhole node 0 for 1m
                        at 100ms: pause node 0 for 1s
                        at 200ms: reset node 0
                        """).start();

        assertThatThrownBy(() -> timeline.awaitDone(Duration.ofSeconds(30)))
                .isInstanceOf(KafkaTestKitException.class)
                .hasMessageContaining("at 100 ms (pause node 0 for 1000 ms) failed");
        assertThat(timeline.executed())
                .extracting(FaultTimeline.Step::description)
                .containsExactly("blackhole BOTH node 0 for 60000 ms", "heal node 0");
    }

    @Test
    void aBandwidthLimitSlowsWhatTheClientSends(KafkaCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("bandwidth");
        cluster.createTopic(topic);
        try (KafkaProducer<byte[], byte[]> producer = producer(cluster, 30_000)) {
            send(producer, topic, 10);
            cluster.network(0).bandwidth(NetworkFaults.Direction.TO_BROKER, 256 * 1024);

            long started = System.nanoTime();
            Future<?>[] sends = new Future<?>[8];
            for (int i = 0; i < sends.length; i++) {
                sends[i] = producer.send(new ProducerRecord<>(topic, new byte[64 * 1024]));
            }
            for (Future<?> send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            // 512 KiB at 256 KiB/s take two seconds; unlimited, loopback carries them in milliseconds
            assertThat(millis).isGreaterThanOrEqualTo(1_800);
        }
        assertThatThrownBy(() -> cluster.network(0).bandwidth(NetworkFaults.Direction.BOTH, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bandwidth bytesPerSecond=100: must be at least 1024 (1 KiB/s)");
    }
}
