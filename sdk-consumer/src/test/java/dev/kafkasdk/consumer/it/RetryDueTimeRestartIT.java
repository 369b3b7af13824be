package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.FailurePolicy;
import dev.kafkasdk.consumer.RetryTopicHeaders;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A tier record's due time survives a restart: the consumer that moved the record to the tier is closed
 * before it is due, and a new consumer, with no memory of it, hands it to the handler not before the due
 * time written in its headers and within {@link #LATE_TOLERANCE_MS} after it; while that tier partition
 * waits, records on both main partitions are handled within {@link #FLOW_BOUND_MS}.
 */
@KafkaBroker(brokerProperties = "auto.create.topics.enable=false")
class RetryDueTimeRestartIT {

    /** The tier's delay: long enough that the second consumer joins and waits before the record is due. */
    private static final Duration TIER = Duration.ofSeconds(8);

    /**
     * How late after its due time the new consumer may hand the record over: the pause ends at the due
     * time and the next poll (at most {@code fetch.max.wait}, 500 ms) returns it; the rest is slack for a
     * loaded 2-core machine.
     */
    private static final long LATE_TOLERANCE_MS = 3_000;

    /** How soon records of the main partitions are handled while the tier partition waits. */
    private static final long FLOW_BOUND_MS = 3_000;

    @Test
    void aNewConsumerHandlesATierRecordNotBeforeItsDueTimeAndOtherPartitionsFlowMeanwhile(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("due-restart");
        String tier = topic + "-retry-8s";
        String group = topic + "-g";
        kafka.createTopic(topic, 2);
        kafka.createTopic(tier, 2);
        kafka.createTopic(topic + ".DLT", 2);
        Map<String, Long> handledAt = new ConcurrentHashMap<>();

        try (SdkConsumer<String, String> first = consumer(kafka, group, handledAt)) {
            first.start();
            kafka.produce(List.of(new ProducerRecord<>(topic, 0, "retried", "fail-once")));
            await().atMost(Duration.ofSeconds(30)).until(() -> handledAt.containsKey("failed:retried"));
        }
        ConsumerRecord<String, String> copy =
                kafka.consume(tier, 1, Duration.ofSeconds(15)).get(0);
        long due = Long.parseLong(header(copy, RetryTopicHeaders.DUE_TIME));
        long firstFailure = Long.parseLong(header(copy, RetryTopicHeaders.FIRST_FAILURE_TIME));
        assertThat(due - firstFailure).isEqualTo(TIER.toMillis());
        assertThat(System.currentTimeMillis())
                .as("the first consumer closed before the record was due")
                .isLessThan(due);

        try (SdkConsumer<String, String> second = consumer(kafka, group, handledAt)) {
            second.start();
            kafka.produce(List.of(new ProducerRecord<>(topic, 0, "warm-up", "ok")));
            await().atMost(Duration.ofSeconds(20)).until(() -> handledAt.containsKey("warm-up"));
            long producedAt = System.currentTimeMillis();
            kafka.produce(List.of(
                    new ProducerRecord<>(topic, 0, "flow-0", "ok"), new ProducerRecord<>(topic, 1, "flow-1", "ok")));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> handledAt.containsKey("flow-0") && handledAt.containsKey("flow-1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> handledAt.containsKey("retried"));

            long flowLatency = Math.max(handledAt.get("flow-0"), handledAt.get("flow-1")) - producedAt;
            long handled = handledAt.get("retried");
            System.out.printf(
                    "[due-restart] second consumer handled the tier record %d ms after its due time; "
                            + "main partitions flowed in %d ms while it waited (flow started %d ms before due)%n",
                    handled - due, flowLatency, due - producedAt);
            assertThat(producedAt)
                    .as("the flow records went out while the tier record waited")
                    .isLessThan(due);
            assertThat(Math.max(handledAt.get("flow-0"), handledAt.get("flow-1")))
                    .as("both main partitions were handled before the tier record was due")
                    .isLessThan(due);
            assertThat(flowLatency)
                    .as("main partitions flow while the tier waits")
                    .isLessThan(FLOW_BOUND_MS);
            assertThat(handled).as("not before the due time in the headers").isGreaterThanOrEqualTo(due);
            assertThat(handled - due).as("soon after the due time").isLessThan(LATE_TOLERANCE_MS);
        }
    }

    private static SdkConsumer<String, String> consumer(KafkaCluster kafka, String group, Map<String, Long> handledAt) {
        return SdkConsumer.builder(
                        ItSupport.settings(kafka.bootstrapServers(), group, GroupProtocol.CLASSIC)
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .subscribe(topicOf(group))
                .deadLettersToKafka()
                .failurePolicy(FailurePolicy.retryTopics(TIER).thenDeadLetter())
                .recordHandler(record -> {
                    if (record.value().equals("fail-once") && record.topic().equals(topicOf(group))) {
                        handledAt.put("failed:" + record.key(), System.currentTimeMillis());
                        throw new IllegalStateException("first attempt of " + record.key() + " fails");
                    }
                    handledAt.putIfAbsent(record.key(), System.currentTimeMillis());
                })
                .build();
    }

    private static String topicOf(String group) {
        return group.substring(0, group.length() - "-g".length());
    }

    private static String header(ConsumerRecord<?, ?> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
