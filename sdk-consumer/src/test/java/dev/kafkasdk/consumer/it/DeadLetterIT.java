package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.DeadLetterHeaders;
import dev.kafkasdk.consumer.FailureAction;
import dev.kafkasdk.consumer.FailurePolicy;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** Poison pills and records the handler keeps failing on go to the dead-letter topic; the loop goes on. */
@KafkaBroker
class DeadLetterIT {

    record Order(String id, int quantity) {}

    @Test
    void poisonPillsAndExhaustedRecordsAreDeadLetteredWithHeadersAndTheLoopContinues(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("orders");
        kafka.createTopic(topic, 1);
        kafka.createTopic(topic + ".DLT", 1);
        kafka.produce(topic, "1", "{\"id\":\"1\",\"quantity\":1}");
        kafka.produce(topic, "2", "{not json");
        kafka.produce(topic, "3", "{\"id\":\"boom\",\"quantity\":3}");
        kafka.produce(topic, "4", "{\"id\":\"4\",\"quantity\":4}");
        Queue<String> processed = new ConcurrentLinkedQueue<>();
        AtomicInteger boomAttempts = new AtomicInteger();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        try (SdkConsumer<String, Order> consumer = SdkConsumer.builder(
                        ItSupport.settings(kafka.bootstrapServers(), topic + "-group", GroupProtocol.CLASSIC)
                                .build(),
                        Serdes.string(),
                        Serdes.json(Order.class))
                .subscribe(topic)
                .commitMode(CommitMode.syncPerBatch())
                .deadLettersToKafka()
                .failurePolicy(FailurePolicy.builder()
                        .maxAttempts(3)
                        .backoff(Duration.ofMillis(100), 2, Duration.ofSeconds(1))
                        .onExhausted(FailureAction.DEAD_LETTER)
                        .build())
                .metrics(registry, List.of())
                .recordHandler(record -> {
                    if (record.value().id().equals("boom")) {
                        boomAttempts.incrementAndGet();
                        throw new IllegalStateException("cannot ship order boom");
                    }
                    processed.add(record.value().id());
                })
                .build()) {
            consumer.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> processed.contains("4"));

            List<ConsumerRecord<String, String>> dead = kafka.consume(topic + ".DLT", 2, Duration.ofSeconds(30));
            assertThat(processed).containsExactly("1", "4");
            assertThat(boomAttempts).hasValue(3);
            assertThat(dead).hasSize(2);
            ConsumerRecord<String, String> poison = dead.get(0);
            assertThat(poison.key()).isEqualTo("2");
            assertThat(poison.value()).isEqualTo("{not json");
            assertThat(headers(poison))
                    .containsEntry(DeadLetterHeaders.ORIGINAL_TOPIC, topic)
                    .containsEntry(DeadLetterHeaders.ORIGINAL_PARTITION, "0")
                    .containsEntry(DeadLetterHeaders.ORIGINAL_OFFSET, "1")
                    .containsEntry(DeadLetterHeaders.REASON, "DESERIALIZATION")
                    .containsKeys(
                            DeadLetterHeaders.EXCEPTION_CLASS,
                            DeadLetterHeaders.EXCEPTION_MESSAGE,
                            DeadLetterHeaders.ORIGINAL_TIMESTAMP);
            ConsumerRecord<String, String> failed = dead.get(1);
            assertThat(failed.value()).isEqualTo("{\"id\":\"boom\",\"quantity\":3}");
            assertThat(headers(failed))
                    .containsEntry(DeadLetterHeaders.ORIGINAL_OFFSET, "2")
                    .containsEntry(DeadLetterHeaders.EXCEPTION_CLASS, IllegalStateException.class.getName())
                    .containsEntry(DeadLetterHeaders.EXCEPTION_MESSAGE, "cannot ship order boom")
                    .containsEntry(DeadLetterHeaders.REASON, "HANDLER");
            assertThat(registry.get("kafka.sdk.consumer.records.dead.lettered")
                            .tag("reason", "handler")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
            assertThat(registry.get("kafka.sdk.consumer.handler.retries")
                            .counter()
                            .count())
                    .isEqualTo(2.0);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> registry.find("kafka.sdk.consumer.committed.lag")
                                            .tag("partition", "0")
                                            .gauge()
                                    != null
                            && registry.get("kafka.sdk.consumer.committed.lag")
                                            .tag("partition", "0")
                                            .gauge()
                                            .value()
                                    == 0.0);
        }
    }

    private static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        return java.util.stream.StreamSupport.stream(record.headers().spliterator(), false)
                .collect(
                        Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8), (x, y) -> y));
    }
}
