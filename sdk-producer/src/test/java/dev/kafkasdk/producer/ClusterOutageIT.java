package dev.kafkasdk.producer;

import static dev.kafkasdk.producer.ProducerIT.failureOf;
import static dev.kafkasdk.producer.ProducerIT.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.RetriableKafkaSdkException;
import dev.kafkasdk.core.config.ByteSize;
import dev.kafkasdk.core.config.ProducerKeys;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import dev.kafkasdk.test.KafkaNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The broker runs in a child JVM so that tests can stop it and start it again. */
@KafkaBroker(backend = Backend.CHILD_JVM)
class ClusterOutageIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private KafkaNode broker;

    @AfterEach
    void brokerServesAgain() {
        if (broker != null && !broker.isAlive()) {
            broker.restart();
        }
        if (broker != null) {
            broker.awaitServing(WAIT);
        }
    }

    @Test
    void breakerOpensWhileTheClusterIsDownAndClosesWhenItReturns(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("outage");
        kafka.createTopic(topic, 1);
        broker = kafka.node(0);
        broker.stop();
        CircuitBreaker breaker = CircuitBreakerSettings.custom()
                .slidingWindowSize(3)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                .waitInOpenState(Duration.ofSeconds(2))
                .permittedCallsInHalfOpenState(2)
                .build()
                .toCircuitBreaker("outage");

        try (SdkProducer<String, String> producer = SdkProducer.builder(
                        settings(kafka, "outage")
                                .maxBlock(Duration.ofSeconds(1))
                                .set(ProducerKeys.BLOCKING_SEND, true)
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .circuitBreaker(breaker)
                .build()) {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                KafkaSdkException failure = failureOf(producer.send(topic, "k" + i, "v"));
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                        .isGreaterThanOrEqualTo(900);
                assertThat(failure)
                        .isInstanceOf(RetriableKafkaSdkException.class)
                        .hasCauseInstanceOf(TimeoutException.class)
                        .hasMessageContaining("max.block.ms (1000 ms)");
            }
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

            long start = System.nanoTime();
            KafkaSdkException fast = failureOf(producer.send(topic, "k", "v"));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
            assertThat(fast)
                    .isInstanceOf(RetriableKafkaSdkException.class)
                    .hasMessageContaining("circuit breaker 'outage' is OPEN");

            broker.restart();
            broker.awaitServing(WAIT);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                producer.send(topic, "probe", "v").handle((r, e) -> r).get(30, TimeUnit.SECONDS);
                assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            });
            SendResult after = producer.sendAndWait(OutgoingRecord.of(topic, "after", "v"), WAIT);
            assertThat(after.offset()).isGreaterThanOrEqualTo(0);
        }
        assertThat(kafka.consumeAll(topic, WAIT)).extracting(r -> r.key()).contains("after");
    }

    @Test
    void fullBufferFailsAtOnceNamingBufferMemory(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("backpressure");
        kafka.createTopic(topic, 1);
        broker = kafka.node(0);
        try (SdkProducer<String, String> producer = SdkProducer.create(
                bufferBound(settings(kafka, "backpressure")).build(), Serdes.string(), Serdes.string())) {
            producer.sendAndWait(OutgoingRecord.of(topic, "metadata", "warm"), WAIT);
            broker.kill();

            List<CompletableFuture<SendResult>> sends = new ArrayList<>();
            long slowest = 0;
            for (int i = 0; i < 2_000; i++) {
                long start = System.nanoTime();
                sends.add(producer.send(topic, "k" + i, "p".repeat(1024) + i));
                slowest = Math.max(slowest, System.nanoTime() - start);
            }
            await().atMost(WAIT).until(() -> sends.stream().anyMatch(CompletableFuture::isCompletedExceptionally));

            // far below the 60 s kafka-clients would block; the strict 50 ms bound on send() is
            // NonBlockingSendIT's, here 2,000 sends with 1 KiB values share two busy cores
            assertThat(TimeUnit.NANOSECONDS.toMillis(slowest))
                    .as("slowest send()")
                    .isLessThan(500);
            KafkaSdkException bufferFull = failureOf(sends.stream()
                    .filter(CompletableFuture::isCompletedExceptionally)
                    .findFirst()
                    .orElseThrow());
            assertThat(bufferFull)
                    .isInstanceOf(RetriableKafkaSdkException.class)
                    .hasCauseInstanceOf(BufferExhaustedException.class)
                    .hasMessageContaining("buffer.memory (262144 bytes) is full")
                    .hasMessageContaining("blocking-send: false");

            broker.restart();
            broker.awaitServing(WAIT);
            producer.flush();
            assertThat(sends).allMatch(CompletableFuture::isDone);
            assertThat(sends.stream().filter(f -> !f.isCompletedExceptionally()).count())
                    .as("sends accepted before the buffer filled are delivered")
                    .isGreaterThan(100);
        }
    }

    @Test
    void fullBufferBlocksForMaxBlockWhenBlockingIsChosen(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("blocking");
        kafka.createTopic(topic, 1);
        broker = kafka.node(0);
        try (SdkProducer<String, String> producer = SdkProducer.create(
                bufferBound(settings(kafka, "blocking"))
                        .maxBlock(Duration.ofMillis(500))
                        .set(ProducerKeys.BLOCKING_SEND, true)
                        .build(),
                Serdes.string(),
                Serdes.string())) {
            producer.sendAndWait(OutgoingRecord.of(topic, "metadata", "warm"), WAIT);
            broker.kill();

            KafkaSdkException bufferFull = null;
            for (int i = 0; i < 2_000 && bufferFull == null; i++) {
                long start = System.nanoTime();
                CompletableFuture<SendResult> send = producer.send(topic, "k" + i, "p".repeat(1024) + i);
                if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 450) {
                    bufferFull = failureOf(send);
                }
            }

            assertThat(bufferFull)
                    .as("a send blocked max.block.ms, then failed")
                    .isNotNull()
                    .isInstanceOf(RetriableKafkaSdkException.class)
                    .hasCauseInstanceOf(BufferExhaustedException.class)
                    .hasMessageContaining("buffer.memory (262144 bytes)")
                    .hasMessageContaining("max.block.ms (500 ms)");
            // the buffered records cannot be delivered while the only broker is down: do not wait
            // the default close timeout for them
            assertThat(producer.close(Duration.ofMillis(200))).isFalse();
        }
    }

    private static ProducerSettings.Builder bufferBound(ProducerSettings.Builder builder) {
        return builder.bufferMemory(ByteSize.ofKibibytes(256))
                .batchSize(ByteSize.ofKibibytes(16))
                // with its only broker gone, a Kafka 4 client re-bootstraps and forgets the topic's
                // metadata; sends would then wait for metadata instead of for buffer space, which is
                // what these tests are about
                .property(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
    }
}
