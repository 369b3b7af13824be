package dev.kafkasdk.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.FailureAction;
import dev.kafkasdk.consumer.RecordHandler;
import dev.kafkasdk.core.config.Ordering;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Tags;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The concurrent engine without a broker: watermarks, metadata, the span limit, lanes and draining. */
class ConcurrentWorkTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        executor.shutdownNow();
    }

    private ConcurrentWork<String, String> work(Ordering ordering, int concurrency, RecordHandler<String, String> h) {
        StringDeserializer strings = new StringDeserializer();
        return new ConcurrentWork<>(
                ordering,
                concurrency,
                100_000,
                executor,
                false,
                h,
                new RecordDecoder<>(strings, strings),
                new FailureResolver(null, ConsumerMetrics.noop(), "c", Duration.ofSeconds(1)),
                FailureAction.SKIP,
                FailureAction.SKIP,
                Retry.of("t", RetryConfig.custom().maxAttempts(1).build()),
                new ConcurrencyMeters(ConsumerMetrics.noop(), null, Tags.empty(), 32));
    }

    private static ConsumerRecords<byte[], byte[]> records(long from, int count, int keys) {
        List<ConsumerRecord<byte[], byte[]>> list = new ArrayList<>();
        for (long o = from; o < from + count; o++) {
            list.add(new ConsumerRecord<>(
                    "t",
                    0,
                    o,
                    ("k" + (o % keys)).getBytes(StandardCharsets.UTF_8),
                    Long.toString(o).getBytes(StandardCharsets.UTF_8)));
        }
        return new ConsumerRecords<>(Map.of(P0, list), Map.of());
    }

    @Test
    void commitsTheLowestIncompleteOffsetAndDescribesTheCompletedOnesBeyondIt() {
        Set<Long> done = ConcurrentHashMap.newKeySet();
        ConcurrentWork<String, String> work = work(Ordering.UNORDERED, 4, r -> {
            if (r.offset() == 3) {
                release.await();
            }
            done.add(r.offset());
        });
        work.take(records(0, 10, 10));
        await().atMost(Duration.ofSeconds(10)).until(() -> done.size() == 9);

        OffsetAndMetadata commit = work.commits().get(P0);
        assertThat(commit.offset()).isEqualTo(3);
        BitSet completed = OffsetMetadataCodec.decode(commit.metadata());
        assertThat(completed.cardinality()).isEqualTo(6);
        assertThat(work.completedBeyondWatermarks()).isEqualTo(6);

        release.countDown();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> work.commits().get(P0).offset() == 10);
        assertThat(work.commits().get(P0).metadata()).isEmpty();
    }

    @Test
    void keepsEachKeysRecordsInOffsetOrderWhileOtherKeysRunConcurrently() {
        Map<String, List<Long>> seen = new ConcurrentHashMap<>();
        Set<String> running = ConcurrentHashMap.newKeySet();
        List<String> overlaps = new java.util.concurrent.CopyOnWriteArrayList<>();
        ConcurrentWork<String, String> work = work(Ordering.KEY, 8, r -> {
            if (!running.add(r.key())) {
                overlaps.add(r.key() + "@" + r.offset());
            }
            Thread.sleep(1);
            seen.computeIfAbsent(r.key(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(r.offset());
            running.remove(r.key());
        });
        work.take(records(0, 400, 7));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> work.commits().get(P0).offset() == 400);

        assertThat(overlaps).as("two records of one key never ran at once").isEmpty();
        seen.forEach((key, offsets) -> assertThat(offsets).as(key).isSorted());
        assertThat(seen.values().stream().mapToInt(List::size).sum()).isEqualTo(400);
    }

    @Test
    void holdsRecordsBeyondWhatTheMetadataLimitCanDescribeAndMarksThePartitionFull() {
        Set<Long> done = ConcurrentHashMap.newKeySet();
        ConcurrentWork<String, String> work = work(Ordering.UNORDERED, 8, r -> {
            if (r.offset() == 0) {
                release.await();
            }
            done.add(r.offset());
        });
        work.metadataLimit(64);
        long span = OffsetMetadataCodec.maxSpan(64);
        work.take(records(0, 1000, 1000));
        await().atMost(Duration.ofSeconds(10)).until(() -> done.size() == span);
        assertThat(work.full()).containsExactly(P0);
        assertThat(work.commits().get(P0).metadata().length()).isLessThanOrEqualTo(64);

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> done.size() == 1000);
        assertThat(work.full()).isEmpty();
    }

    @Test
    void skipsRecordsThePreviousOwnerCompleted() {
        Set<Long> done = ConcurrentHashMap.newKeySet();
        ConcurrentWork<String, String> work = work(Ordering.UNORDERED, 4, r -> done.add(r.offset()));
        java.util.TreeSet<Long> incomplete = new java.util.TreeSet<>(List.of(5L, 7L));
        work.assigned(P0, new OffsetAndMetadata(5, OffsetMetadataCodec.encode(5, incomplete, 9)));
        work.take(records(5, 10, 10));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> work.commits().get(P0).offset() == 15);

        assertThat(done).containsExactlyInAnyOrder(5L, 7L, 10L, 11L, 12L, 13L, 14L);
    }

    @Test
    void drainingAbandonsWhatStillRunsAfterTheBudgetAndCommitsBelowIt() {
        ConcurrentWork<String, String> work = work(Ordering.PARTITION, 4, r -> {
            if (r.offset() == 2) {
                release.await();
            }
        });
        work.take(records(0, 10, 10));
        await().atMost(Duration.ofSeconds(10)).until(() -> work.running() == 1);

        Map<TopicPartition, OffsetAndMetadata> last = work.drain(List.of(P0), System.nanoTime() + 100_000_000L);

        assertThat(last.get(P0).offset()).isEqualTo(2);
        assertThat(work.abandoned()).isEqualTo(1);
        assertThat(work.commits()).isEmpty();
    }
}
