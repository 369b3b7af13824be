package dev.kafkasdk.producer;

import static dev.kafkasdk.producer.ProducerIT.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.core.config.ProducerKeys;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import dev.kafkasdk.test.KafkaNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code send()} returns at once while the only broker is down, and what was sent arrives once,
 * in order, when it is back. The broker runs in a child JVM so the test can stop it.
 */
@KafkaBroker(backend = Backend.CHILD_JVM)
class NonBlockingSendIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int SENDS = 10_000;

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
    void sendNeverBlocksWhileTheClusterIsDownAndOrderHoldsWhenItReturns(KafkaCluster kafka) {
        String known = kafka.uniqueTopicName("known");
        String fresh = kafka.uniqueTopicName("fresh");
        kafka.createTopic(known, 1);
        kafka.createTopic(fresh, 1);
        broker = kafka.node(0);

        try (SdkProducer<String, String> producer = SdkProducer.create(
                settings(kafka, "down").set(ProducerKeys.PENDING_RECORDS, SENDS).build(),
                Serdes.string(),
                Serdes.string())) {
            // metadata of one topic is known before the outage, the other topic is first used during it
            producer.sendAndWait(OutgoingRecord.of(known, "warm", "warm"), WAIT);
            broker.stop();

            long[] nanos = new long[SENDS];
            List<CompletableFuture<SendResult>> sends = new ArrayList<>(SENDS);
            for (int i = 0; i < SENDS; i++) {
                String topic = i % 2 == 0 ? known : fresh;
                long start = System.nanoTime();
                sends.add(producer.send(topic, "k" + i, Integer.toString(i)));
                nanos[i] = System.nanoTime() - start;
            }
            report(nanos);
            Arrays.sort(nanos);
            assertThat(TimeUnit.NANOSECONDS.toMillis(nanos[SENDS - 1]))
                    .as("slowest send()")
                    .isLessThan(50);
            assertThat(sends)
                    .as("nothing failed while the cluster was down")
                    .noneMatch(CompletableFuture::isCompletedExceptionally);

            broker.restart();
            broker.awaitServing(WAIT);
            producer.flush();
            assertThat(sends).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        }

        assertThat(values(kafka, known)).containsExactlyElementsOf(expected(0, "warm"));
        assertThat(values(kafka, fresh)).containsExactlyElementsOf(expected(1, null));
    }

    private static List<String> values(KafkaCluster kafka, String topic) {
        return kafka.consume(topic, topic.contains("known") ? SENDS / 2 + 1 : SENDS / 2, WAIT).stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    private static List<String> expected(int first, String warm) {
        List<String> values = new ArrayList<>();
        if (warm != null) {
            values.add(warm);
        }
        for (int i = first; i < SENDS; i += 2) {
            values.add(Integer.toString(i));
        }
        return values;
    }

    private static void report(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "send() with the cluster down, %d sends, microseconds: p50 %d, p90 %d," + " p99 %d, p99.9 %d, max %d%n",
                sorted.length,
                micros(sorted, 0.50),
                micros(sorted, 0.90),
                micros(sorted, 0.99),
                micros(sorted, 0.999),
                sorted[sorted.length - 1] / 1_000);
    }

    private static long micros(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1_000;
    }
}
