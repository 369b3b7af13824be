package dev.kafkasdk.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.RecordHandler;
import dev.kafkasdk.core.config.ShareExhaustedAction;
import io.micrometer.core.instrument.Tags;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockShareConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A share round's acknowledgements, lock renewal included, against kafka-clients' MockShareConsumer. */
class ShareRoundTest {

    /** Records every acknowledgement in order. */
    private static final class RecordingConsumer extends MockShareConsumer<byte[], byte[]> {
        final List<String> acks = Collections.synchronizedList(new ArrayList<>());

        @Override
        public synchronized void acknowledge(ConsumerRecord<byte[], byte[]> record, AcknowledgeType type) {
            acks.add(new String(record.value(), StandardCharsets.UTF_8) + ":" + type);
        }
    }

    private final RecordingConsumer consumer = new RecordingConsumer();
    private final ExecutorService workers = WorkerExecutors.create(4, "test", true);
    private final ShareCounters counters = new ShareCounters(null, Tags.empty(), "test");

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    private ShareRound.Context<String, String> context(RecordHandler<String, String> handler, ShareInFlight inFlight) {
        return new ShareRound.Context<>(
                consumer,
                new RecordDecoder<>(new StringDeserializer(), new StringDeserializer()),
                handler,
                null,
                workers,
                4,
                3,
                ShareExhaustedAction.REJECT,
                e -> true,
                null,
                counters,
                inFlight,
                "test");
    }

    private static ConsumerRecords<byte[], byte[]> poll(String... values) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>("t", 0, i, null, values[i].getBytes(StandardCharsets.UTF_8)));
        }
        return new ConsumerRecords<>(Map.of(new TopicPartition("t", 0), records));
    }

    @Test
    void aRecordHeldPastHalfTheLockIsRenewedThenAcceptedOnceWhenKafkaHandsItBack() throws Exception {
        ShareInFlight inFlight = new ShareInFlight(Duration.ofMillis(300), "test");
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        ShareRound.Context<String, String> c = context(
                r -> {
                    calls.incrementAndGet();
                    if (r.value().equals("slow")) {
                        assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
                    }
                },
                inFlight);

        new ShareRound<>(c, poll("fast", "slow")).run(); // returns once slow is renewed

        assertThat(consumer.acks).containsExactly("fast:accept", "slow:renew");
        assertThat(inFlight.renewing).hasSize(1);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> !inFlight.outcomes.isEmpty());

        // kafka-clients hands the renewed record back on a later poll, same offset and delivery count
        List<ConsumerRecord<byte[], byte[]>> again =
                poll("fast", "slow").records(new TopicPartition("t", 0)).subList(1, 2);
        new ShareRound<>(c, new ConsumerRecords<>(Map.of(new TopicPartition("t", 0), again))).run();

        assertThat(consumer.acks).containsExactly("fast:accept", "slow:renew", "slow:accept");
        assertThat(calls).as("the handler runs once per record").hasValue(2);
        assertThat(inFlight.renewing).isEmpty();
        assertThat(counters.snapshot()).satisfies(s -> {
            assertThat(s.delivered()).isEqualTo(2);
            assertThat(s.accepted()).isEqualTo(2);
            assertThat(s.renewed()).isEqualTo(1);
            assertThat(s.redelivered()).isZero();
        });
    }

    @Test
    void aRenewedRecordThatNeverComesBackIsGivenUpAfterTheLockAndAGrace() {
        ShareInFlight inFlight = new ShareInFlight(Duration.ofMillis(100), "test");
        inFlight.renewing.put(new ShareInFlight.Key("t", 0, 7), new ShareInFlight.Renewal(0, true));

        assertThat(inFlight.expireStale(TimeUnit.SECONDS.toNanos(5))).isZero();
        assertThat(inFlight.expireStale(TimeUnit.SECONDS.toNanos(11))).isEqualTo(1);
        assertThat(inFlight.renewing).isEmpty();
    }
}
