package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.DeadLetterHeaders;
import dev.kafkasdk.consumer.FailurePolicy;
import dev.kafkasdk.consumer.RetryTopicHeaders;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.config.Ordering;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Retry topics on a real broker: records failing once, twice and always end in the first tier, the
 * second tier and the dead-letter topic with the right headers; due times hold; the other partitions
 * flow while a tier partition waits; tier topics are created at start (the broker does not auto-create).
 */
@KafkaBroker(brokerProperties = "auto.create.topics.enable=false")
class RetryTopicsIT {

    /** Within this of the due time the tier's record is handled (a loaded 2-core machine). */
    private static final long LATE_TOLERANCE_MS = 4_000;

    record Seen(String topic, int partition, String key, Map<String, String> headers, long atMillis) {}

    @Test
    void sequentialConsumerMovesFailuresThroughTiersToTheDeadLetterTopic(KafkaCluster kafka) {
        run(kafka, false);
    }

    @Test
    void concurrentConsumerFromTheConfigKeyMovesFailuresThroughTiersToTheDeadLetterTopic(KafkaCluster kafka) {
        run(kafka, true);
    }

    private void run(KafkaCluster kafka, boolean concurrent) {
        String topic = kafka.uniqueTopicName(concurrent ? "orders-c" : "orders-s");
        kafka.createTopic(topic, 2);
        kafka.createTopic(topic + ".DLT", 2);
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        Queue<Seen> handled = new ConcurrentLinkedQueue<>();
        ConsumerSettings.Builder settings =
                ItSupport.settings(kafka.bootstrapServers(), topic + "-group", GroupProtocol.CLASSIC);
        if (concurrent) {
            settings.ordering(Ordering.KEY).concurrency(4).retryTopics(List.of("1s", "2s"));
        }
        var builder = SdkConsumer.builder(settings.build(), Serdes.string(), Serdes.string())
                .subscribe(topic)
                .recordHandler(record -> {
                    int attempt = attempts.computeIfAbsent(record.key(), k -> new AtomicInteger())
                            .incrementAndGet();
                    int failures = Integer.parseInt(record.value());
                    if (attempt <= failures) {
                        throw new IllegalStateException("attempt " + attempt + " of " + record.key() + " fails");
                    }
                    handled.add(new Seen(
                            record.topic(),
                            record.partition(),
                            record.key(),
                            headers(record),
                            System.currentTimeMillis()));
                });
        if (!concurrent) {
            builder.deadLettersToKafka()
                    .failurePolicy(FailurePolicy.retryTopics(Duration.ofSeconds(1), Duration.ofSeconds(2))
                            .thenDeadLetter());
        }
        try (SdkConsumer<String, String> consumer = builder.build()) {
            consumer.start();
            kafka.produce(List.of(
                    new ProducerRecord<>(topic, 0, "once", "1"),
                    new ProducerRecord<>(topic, 0, "twice", "2"),
                    new ProducerRecord<>(topic, 1, "always", "99")));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> seen(handled, "once").isPresent());
            // the first tier's partition 0 now waits or has just run; main partitions keep flowing
            long producedAt = System.currentTimeMillis();
            kafka.produce(List.of(
                    new ProducerRecord<>(topic, 0, "late-0", "0"), new ProducerRecord<>(topic, 1, "late-1", "0")));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> seen(handled, "late-0").isPresent()
                            && seen(handled, "late-1").isPresent());
            long flowed = Math.max(
                            seen(handled, "late-0").get().atMillis(),
                            seen(handled, "late-1").get().atMillis())
                    - producedAt;

            await().atMost(Duration.ofSeconds(40))
                    .until(() -> seen(handled, "twice").isPresent());
            List<ConsumerRecord<String, String>> dead = kafka.consume(topic + ".DLT", 1, Duration.ofSeconds(40));

            Seen once = seen(handled, "once").orElseThrow();
            assertThat(once.topic()).isEqualTo(topic + "-retry-1s");
            assertThat(once.partition()).isEqualTo(0);
            assertTier(once, topic, 1, 1_000);
            Seen twice = seen(handled, "twice").orElseThrow();
            assertThat(twice.topic()).isEqualTo(topic + "-retry-2s");
            assertThat(twice.partition()).isEqualTo(0);
            assertTier(twice, topic, 2, 2_000);
            assertThat(twice.headers())
                    .containsEntry(RetryTopicHeaders.ORIGINAL_OFFSET, "1")
                    .containsEntry(RetryTopicHeaders.EXCEPTION_MESSAGE, "attempt 2 of twice fails");
            assertThat(flowed)
                    .as("main partitions flowed while the tier waited")
                    .isLessThan(LATE_TOLERANCE_MS);

            assertThat(dead).hasSize(1);
            ConsumerRecord<String, String> letter = dead.get(0);
            assertThat(letter.key()).isEqualTo("always");
            assertThat(letter.value()).isEqualTo("99");
            assertThat(letter.partition()).isEqualTo(1);
            assertThat(headers(letter))
                    .containsEntry(DeadLetterHeaders.ORIGINAL_TOPIC, topic)
                    .containsEntry(DeadLetterHeaders.ORIGINAL_PARTITION, "1")
                    .containsEntry(DeadLetterHeaders.ORIGINAL_OFFSET, "0")
                    .containsEntry(DeadLetterHeaders.EXCEPTION_MESSAGE, "attempt 3 of always fails")
                    .containsEntry(DeadLetterHeaders.REASON, "HANDLER")
                    .containsEntry(RetryTopicHeaders.ATTEMPT, "2")
                    .containsEntry(RetryTopicHeaders.ORIGINAL_TOPIC, topic);
            assertThat(attempts.get("always")).hasValue(3);
            assertThat(attempts.get("once")).hasValue(2);
            assertThat(attempts.get("twice")).hasValue(3);
            assertThat(handled.stream().map(Seen::key)).containsExactlyInAnyOrder("once", "twice", "late-0", "late-1");
        }
    }

    private static void assertTier(Seen seen, String topic, int attempt, long delayMs) {
        Map<String, String> h = seen.headers();
        assertThat(h)
                .containsEntry(RetryTopicHeaders.ORIGINAL_TOPIC, topic)
                .containsEntry(RetryTopicHeaders.ORIGINAL_PARTITION, "0")
                .containsEntry(RetryTopicHeaders.ATTEMPT, Integer.toString(attempt))
                .containsEntry(RetryTopicHeaders.EXCEPTION_CLASS, IllegalStateException.class.getName())
                .containsKeys(
                        RetryTopicHeaders.ORIGINAL_OFFSET,
                        RetryTopicHeaders.ORIGINAL_TIMESTAMP,
                        RetryTopicHeaders.FIRST_FAILURE_TIME);
        long due = Long.parseLong(h.get(RetryTopicHeaders.DUE_TIME));
        long first = Long.parseLong(h.get(RetryTopicHeaders.FIRST_FAILURE_TIME));
        assertThat(due - first).isGreaterThanOrEqualTo(delayMs);
        assertThat(seen.atMillis()).as("handled no earlier than due").isGreaterThanOrEqualTo(due);
        assertThat(seen.atMillis() - due).as("handled soon after due").isLessThan(LATE_TOLERANCE_MS);
    }

    private static Optional<Seen> seen(Queue<Seen> handled, String key) {
        return handled.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    private static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        return StreamSupport.stream(record.headers().spliterator(), false)
                .collect(
                        Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8), (x, y) -> y));
    }
}
