package dev.kafkasdk.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.consumer.DeadLetter;
import dev.kafkasdk.consumer.FailurePolicy;
import dev.kafkasdk.consumer.RetryTopicHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** Which tier a failed record goes to, with which headers, and when it goes to the dead-letter topic. */
class RetryTopicRouterTest {

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final RetryTopicRouter router = new RetryTopicRouter(
            FailurePolicy.retryTopics(Duration.ofSeconds(1), Duration.ofSeconds(2))
                    .retryOn(e -> !(e instanceof IllegalArgumentException))
                    .thenDeadLetter()
                    .retryTiers()
                    .orElseThrow(),
            producer,
            "c1",
            Duration.ofSeconds(1),
            ConsumerMetrics.noop());

    @Test
    void aMainTopicFailureGoesToTheFirstTierInTheSamePartitionWithItsCoordinates() {
        RecordHeaders own = new RecordHeaders();
        own.add("trace", "t1".getBytes(StandardCharsets.UTF_8));
        long before = System.currentTimeMillis();

        List<ConsumerRecord<byte[], byte[]>> dead =
                router.forward(List.of(record("orders", 3, 42, own)), new IllegalStateException("down"));

        assertThat(dead).isEmpty();
        ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo("orders-retry-1s");
        assertThat(sent.partition()).isEqualTo(3);
        Map<String, String> h = headers(sent.headers());
        assertThat(h)
                .containsEntry("trace", "t1")
                .containsEntry(RetryTopicHeaders.ORIGINAL_TOPIC, "orders")
                .containsEntry(RetryTopicHeaders.ORIGINAL_PARTITION, "3")
                .containsEntry(RetryTopicHeaders.ORIGINAL_OFFSET, "42")
                .containsEntry(RetryTopicHeaders.ORIGINAL_TIMESTAMP, "1000")
                .containsEntry(RetryTopicHeaders.ATTEMPT, "1")
                .containsEntry(RetryTopicHeaders.EXCEPTION_CLASS, IllegalStateException.class.getName())
                .containsEntry(RetryTopicHeaders.EXCEPTION_MESSAGE, "down");
        long first = Long.parseLong(h.get(RetryTopicHeaders.FIRST_FAILURE_TIME));
        assertThat(first).isGreaterThanOrEqualTo(before);
        assertThat(Long.parseLong(h.get(RetryTopicHeaders.DUE_TIME)) - first).isEqualTo(1000);
    }

    @Test
    void aFirstTierFailureGoesToTheSecondKeepingTheOriginAndFirstFailureOnce() {
        router.forward(List.of(record("orders", 0, 7, new RecordHeaders())), new IllegalStateException("a"));
        ProducerRecord<byte[], byte[]> tier1 = producer.history().get(0);
        ConsumerRecord<byte[], byte[]> read = record(
                "orders-retry-1s", 0, 0, new RecordHeaders(tier1.headers().toArray()));

        router.forward(List.of(read), new IllegalStateException("b"));

        ProducerRecord<byte[], byte[]> tier2 = producer.history().get(1);
        assertThat(tier2.topic()).isEqualTo("orders-retry-2s");
        Map<String, String> h = headers(tier2.headers());
        assertThat(h)
                .containsEntry(RetryTopicHeaders.ORIGINAL_TOPIC, "orders")
                .containsEntry(RetryTopicHeaders.ORIGINAL_OFFSET, "7")
                .containsEntry(RetryTopicHeaders.ATTEMPT, "2")
                .containsEntry(RetryTopicHeaders.EXCEPTION_MESSAGE, "b")
                .containsEntry(
                        RetryTopicHeaders.FIRST_FAILURE_TIME,
                        headers(tier1.headers()).get(RetryTopicHeaders.FIRST_FAILURE_TIME));
        assertThat(tier2.headers().headers(RetryTopicHeaders.ATTEMPT)).hasSize(1);
    }

    @Test
    void theLastTierAndNonRetriableFailuresGoToTheDeadLetterTopicWithMainCoordinates() {
        router.forward(List.of(record("orders", 0, 7, new RecordHeaders())), new IllegalStateException("a"));
        ConsumerRecord<byte[], byte[]> last = record(
                "orders-retry-2s",
                1,
                5,
                new RecordHeaders(producer.history().get(0).headers().toArray()));
        ConsumerRecord<byte[], byte[]> bad = record("orders", 2, 9, new RecordHeaders());

        assertThat(router.forward(List.of(last), new IllegalStateException("c")))
                .containsExactly(last);
        assertThat(router.forward(List.of(bad), new IllegalArgumentException("never")))
                .containsExactly(bad);
        assertThat(producer.history()).hasSize(1);
        DeadLetter letter = TierRecords.deadLetter(last, DeadLetter.Reason.HANDLER, new IllegalStateException("c"));
        assertThat(letter.topic()).isEqualTo("orders");
        assertThat(letter.partition()).isZero();
        assertThat(letter.offset()).isEqualTo(7);
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset, RecordHeaders h) {
        return new ConsumerRecord<>(
                topic,
                partition,
                offset,
                1000L,
                TimestampType.CREATE_TIME,
                1,
                1,
                "k".getBytes(StandardCharsets.UTF_8),
                "v".getBytes(StandardCharsets.UTF_8),
                h,
                Optional.empty());
    }

    private static Map<String, String> headers(Iterable<Header> headers) {
        return StreamSupport.stream(headers.spliterator(), false)
                .collect(
                        Collectors.toMap(Header::key, x -> new String(x.value(), StandardCharsets.UTF_8), (a, b) -> b));
    }
}
