package dev.kafkasdk.producer;

import static dev.kafkasdk.producer.ProducerIT.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.RetriableKafkaSdkException;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ProducerKeys;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

/** How long a send takes to fail, and what it says, when its topic or the cluster is missing. */
@KafkaBroker(brokerProperties = "auto.create.topics.enable=false")
class SendFailureTimesIT {

    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final long MARGIN_MS = 3_000;

    @Test
    void aMissingTopicFailsWithinMissingTopicTimeoutNamingIt(KafkaCluster kafka) {
        String missing = kafka.uniqueTopicName("missing");
        String present = kafka.uniqueTopicName("present");
        kafka.createTopic(present, 1);
        try (SdkProducer<String, String> producer = SdkProducer.create(
                settings(kafka, "missing")
                        .set(ProducerKeys.MISSING_TOPIC_TIMEOUT, BOUND)
                        .build(),
                Serdes.string(),
                Serdes.string())) {
            long start = System.nanoTime();
            CompletableFuture<SendResult> first = producer.send(missing, "k1", "v1");
            CompletableFuture<SendResult> second = producer.send(missing, "k2", "v2");
            long sendMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            SendResult other = producer.sendAndWait(OutgoingRecord.of(present, "k", "v"), Duration.ofSeconds(30));

            await().atMost(BOUND.plusMillis(MARGIN_MS)).until(second::isDone);
            long failedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(sendMs).isLessThan(50);
            assertThat(other.offset()).as("another topic is not held up").isZero();
            assertThat(failedMs).isBetween(BOUND.toMillis(), BOUND.toMillis() + MARGIN_MS);
            KafkaSdkException failure = ProducerIT.failureOf(first);
            assertThat(failure)
                    .hasMessageContainingAll(
                            "topic '" + missing + "' does not exist: ",
                            "UNKNOWN_TOPIC_OR_PARTITION",
                            "Create the topic")
                    .hasMessageContaining(kafka.bootstrapServers())
                    .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
            assertThat(ProducerIT.failureOf(second)).hasMessageContaining(missing);
        }
    }

    @Test
    void aPartitionTheTopicDoesNotHaveFailsAtOnceWithoutHoldingUpTheTopic(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("partitions");
        kafka.createTopic(topic, 1);
        try (SdkProducer<String, String> producer =
                SdkProducer.create(settings(kafka, "partitions").build(), Serdes.string(), Serdes.string())) {
            producer.sendAndWait(OutgoingRecord.of(topic, "warm", "v"), Duration.ofSeconds(30));
            long start = System.nanoTime();
            CompletableFuture<SendResult> wrong = producer.send(OutgoingRecord.<String, String>builder(topic)
                    .key("k")
                    .value("v")
                    .partition(3)
                    .build());
            SendResult after = producer.sendAndWait(OutgoingRecord.of(topic, "after", "v"), Duration.ofSeconds(30));

            KafkaSdkException failure = ProducerIT.failureOf(wrong);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
            assertThat(failure).hasMessageContaining("names partition 3 but the topic has 1 partition");
            assertThat(after.offset()).isEqualTo(1);
        }
    }

    @Test
    void anUnreachableClusterFailsQueuedSendsAfterDeliveryTimeoutNamingTheAddress() {
        ProducerSettings unreachable = ProducerSettings.builder()
                .name("unreachable")
                .cluster(ClusterSettings.of("127.0.0.1:1"))
                .requestTimeout(Duration.ofMillis(1_000))
                .deliveryTimeout(BOUND)
                .build();
        try (SdkProducer<String, String> producer = SdkProducer.create(unreachable, Serdes.string(), Serdes.string())) {
            long start = System.nanoTime();
            List<CompletableFuture<SendResult>> sends = new ArrayList<>();
            long slowest = 0;
            for (int i = 0; i < 1_000; i++) {
                long sendStart = System.nanoTime();
                sends.add(producer.send("orders", "k" + i, "v"));
                slowest = Math.max(slowest, System.nanoTime() - sendStart);
            }
            CompletableFuture<SendResult> last = sends.get(sends.size() - 1);
            await().atMost(BOUND.plusMillis(MARGIN_MS)).until(last::isDone);
            long failedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(TimeUnit.NANOSECONDS.toMillis(slowest)).isLessThan(50);
            assertThat(failedMs).isBetween(BOUND.toMillis(), BOUND.toMillis() + MARGIN_MS);
            assertThat(sends).allMatch(CompletableFuture::isCompletedExceptionally);
            assertThat(ProducerIT.failureOf(last))
                    .isInstanceOf(RetriableKafkaSdkException.class)
                    .hasMessageContaining("127.0.0.1:1")
                    .hasMessageContaining("did not answer");
        }
    }
}
