package dev.kafkasdk.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.consumer.FailurePolicy;
import dev.kafkasdk.consumer.RetryTopicHeaders;
import io.github.resilience4j.retry.Retry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The tier gate: records not yet due are held back, their partition rewound and paused until due. */
class RetryTierRoundsTest {

    private final TopicPartition main = new TopicPartition("orders", 0);
    private final TopicPartition tier = new TopicPartition("orders-retry-5s", 0);
    private final TopicPartition otherTier = new TopicPartition("orders-retry-5s", 1);
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final RetryTracker retries =
            new RetryTracker(Retry.of("t", FailurePolicy.defaults().retryConfig()));
    private final PauseManager pauses = new PauseManager(consumer, retries, new WindowTracker());
    private final List<ConsumerRecords<byte[], byte[]>> handed = new ArrayList<>();

    @Test
    void holdsTheFirstRecordNotDueAndEverythingAfterItInItsPartitionOnly() {
        consumer.assign(List.of(main, tier, otherTier));
        long now = System.currentTimeMillis();
        Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> polled = new HashMap<>();
        polled.put(main, List.of(record(main, 7, null)));
        polled.put(tier, List.of(record(tier, 3, now - 10), record(tier, 4, now + 5_000), record(tier, 5, now - 1)));
        polled.put(otherTier, List.of(record(otherTier, 0, now - 100)));
        RetryTierRounds rounds = gate();

        long before = System.nanoTime();
        rounds.process(new ConsumerRecords<>(polled, Map.of()), before);

        ConsumerRecords<byte[], byte[]> passed = handed.get(0);
        assertThat(passed.records(main)).extracting(ConsumerRecord::offset).containsExactly(7L);
        assertThat(passed.records(tier)).extracting(ConsumerRecord::offset).containsExactly(3L);
        assertThat(passed.records(otherTier)).extracting(ConsumerRecord::offset).containsExactly(0L);
        assertThat(consumer.position(tier)).isEqualTo(4);
        assertThat(consumer.paused()).containsExactly(tier);
        assertThat(retries.isWaiting(tier, before)).isTrue();
        long wait = retries.nanosUntilNextDue(before);
        assertThat(wait).isBetween(TimeUnit.SECONDS.toNanos(4), TimeUnit.SECONDS.toNanos(6));

        pauses.resumeDue(before + wait + 1);

        assertThat(consumer.paused()).isEmpty();
    }

    @Test
    void passesEverythingThroughWhenNoTierRecordWaits() {
        consumer.assign(List.of(main, tier));
        ConsumerRecords<byte[], byte[]> polled = new ConsumerRecords<>(
                Map.of(main, List.of(record(main, 1, null)), tier, List.of(record(tier, 1, 0L))), Map.of());

        gate().process(polled, System.nanoTime());

        assertThat(handed.get(0)).isSameAs(polled);
        assertThat(consumer.paused()).isEmpty();
    }

    private RetryTierRounds gate() {
        LoopContext<byte[], byte[]> ctx = new LoopContext<>(
                consumer, null, null, retries, null, false, pauses, null, null, null, null, null, null, () -> false);
        RoundProcessor recorder = (records, nanos) -> handed.add(records);
        return new RetryTierRounds(
                ctx,
                recorder,
                FailurePolicy.retryTopics(Duration.ofSeconds(5))
                        .thenDeadLetter()
                        .retryTiers()
                        .orElseThrow(),
                () -> {});
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition tp, long offset, Long dueMillis) {
        RecordHeaders headers = new RecordHeaders();
        if (dueMillis != null) {
            headers.add(RetryTopicHeaders.DUE_TIME, Long.toString(dueMillis).getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>(
                tp.topic(),
                tp.partition(),
                offset,
                0L,
                TimestampType.CREATE_TIME,
                0,
                0,
                null,
                null,
                headers,
                Optional.empty());
    }
}
