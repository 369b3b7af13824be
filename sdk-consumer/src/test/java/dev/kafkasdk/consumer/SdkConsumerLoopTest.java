package dev.kafkasdk.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.serde.Serdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poll loop against kafka-clients' MockConsumer: our own logic, no broker. */
class SdkConsumerLoopTest {

    private static final TopicPartition TP = new TopicPartition("orders", 0);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Map<TopicPartition, Long> commits = new java.util.concurrent.ConcurrentHashMap<>();
    private final MockConsumer<byte[], byte[]> mock = new MockConsumer<>("earliest") {
        @Override
        public synchronized void commitAsync(
                Map<TopicPartition, OffsetAndMetadata> offsets,
                org.apache.kafka.clients.consumer.OffsetCommitCallback callback) {
            super.commitAsync(offsets, callback);
            offsets.forEach((tp, offset) -> commits.merge(tp, offset.offset(), Math::max));
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            super.commitSync(offsets);
            offsets.forEach((tp, offset) -> commits.merge(tp, offset.offset(), Math::max));
        }
    };
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final DeadLetterPublisher publisher = letter -> {
        deadLetters.add(letter);
        return CompletableFuture.completedFuture(null);
    };
    private SdkConsumer<String, Integer> consumer;

    private static ConsumerSettings settings() {
        return ConsumerSettings.builder()
                .name("unit")
                .cluster(ClusterSettings.of("127.0.0.1:9"))
                .groupId("g")
                .build();
    }

    private SdkConsumerBuilder<String, Integer> builder() {
        mock.updateBeginningOffsets(Map.of(TP, 0L));
        // the mock cluster reports the topic, so the start-up check finds it
        mock.updatePartitions(
                TP.topic(),
                List.of(new org.apache.kafka.common.PartitionInfo(
                        TP.topic(), TP.partition(), null, new org.apache.kafka.common.Node[0], null)));
        return SdkConsumer.builder(settings(), Serdes.string(), Serdes.integer())
                .assign(TP)
                .pollTimeout(Duration.ofMillis(20))
                .clientFactory(props -> mock);
    }

    private void produce(int from, int to, Map<Integer, byte[]> overrides) {
        mock.schedulePollTask(() -> {
            for (int i = from; i < to; i++) {
                byte[] value = overrides.getOrDefault(i, new byte[] {0, 0, 0, (byte) i});
                mock.addRecord(new ConsumerRecord<>(
                        TP.topic(), TP.partition(), i, ("k" + i).getBytes(StandardCharsets.UTF_8), value));
            }
        });
    }

    /** The highest offset committed through the client, readable after it was closed. */
    private long committed() {
        return commits.getOrDefault(TP, -1L);
    }

    @AfterEach
    void closeConsumer() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void commitsExactlyTheProcessedOffsetsAfterTheHandlerReturns() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        produce(0, 5, Map.of());
        consumer = builder()
                .recordHandler(r -> seen.add(r.value()))
                .commitMode(CommitMode.syncPerBatch())
                .build();
        consumer.start();

        await().atMost(WAIT).until(() -> committed() == 5);
        assertThat(seen).containsExactly(0, 1, 2, 3, 4);
        assertThat(consumer.state()).isEqualTo(ConsumerState.RUNNING);
    }

    @Test
    void aFailingRecordIsRetriedAfterABackoffWithoutLosingOrder() {
        AtomicInteger failures = new AtomicInteger();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        produce(0, 4, Map.of());
        consumer = builder()
                .recordHandler(r -> {
                    if (r.value() == 2 && failures.getAndIncrement() < 2) {
                        throw new IllegalStateException("transient");
                    }
                    seen.add(r.value());
                })
                .failurePolicy(FailurePolicy.builder()
                        .maxAttempts(3)
                        .backoff(Duration.ofMillis(50), 2, Duration.ofMillis(100))
                        .build())
                .build();
        consumer.start();

        await().atMost(WAIT).until(() -> committed() == 2);
        produce(2, 4, Map.of());
        produce(2, 4, Map.of());
        await().atMost(WAIT).until(() -> committed() == 4);
        assertThat(failures).hasValue(3);
        assertThat(seen).containsExactly(0, 1, 2, 3);
    }

    @Test
    void poisonPillsAreDeadLetteredWithTheirRawBytesAndTheLoopContinues() {
        byte[] bad = {1, 2, 3};
        List<Integer> seen = new CopyOnWriteArrayList<>();
        produce(0, 3, Map.of(1, bad));
        consumer = builder()
                .recordHandler(r -> seen.add(r.value()))
                .deadLetters(publisher)
                .build();
        consumer.start();

        await().atMost(WAIT).until(() -> committed() == 3);
        assertThat(seen).containsExactly(0, 2);
        assertThat(deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.offset()).isEqualTo(1);
            assertThat(letter.value()).isEqualTo(bad);
            assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.DESERIALIZATION);
        });
    }

    @Test
    void exhaustedRetriesDeadLetterTheRecordAndCommitPastIt() {
        produce(0, 3, Map.of());
        consumer = builder()
                .recordHandler(r -> {
                    if (r.value() == 1) {
                        throw new IllegalStateException("always");
                    }
                })
                .failurePolicy(FailurePolicy.noRetry(FailureAction.DEAD_LETTER))
                .deadLetters(publisher)
                .build();
        consumer.start();

        await().atMost(WAIT).until(() -> committed() == 3);
        assertThat(deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.HANDLER);
            assertThat(letter.cause()).hasMessage("always");
        });
    }

    @Test
    void stopPolicyFailsTheConsumerAndCommitsOnlyWhatCompletedBeforeTheFailingRecord() throws Exception {
        produce(0, 5, Map.of());
        consumer = builder()
                .recordHandler(r -> {
                    if (r.value() == 3) {
                        throw new IllegalStateException("fatal for this record");
                    }
                })
                .failurePolicy(FailurePolicy.noRetry(FailureAction.STOP))
                .build();
        consumer.start();

        assertThat(consumer.awaitTermination(WAIT)).isTrue();
        assertThat(consumer.state()).isEqualTo(ConsumerState.FAILED);
        assertThat(consumer.failureCause())
                .get()
                .isInstanceOf(KafkaSdkException.class)
                .satisfies(e -> assertThat(((KafkaSdkException) e).offset()).hasValue(3));
        assertThat(committed()).isEqualTo(3);
    }

    @Test
    void aBatchHandlerGetsTheNextOffsetsToStore() {
        List<Map<TopicPartition, Long>> stored = new CopyOnWriteArrayList<>();
        produce(0, 4, Map.of());
        consumer = builder()
                .batchHandler(batch -> stored.add(batch.nextOffsets()))
                .commitMode(CommitMode.external(partitions -> Map.of()))
                .build();
        consumer.start();

        await().atMost(WAIT).until(() -> !stored.isEmpty());
        assertThat(stored.get(0)).containsEntry(TP, 4L);
        assertThat(committed()).isEqualTo(-1);
    }

    @Test
    void externalOffsetsAreLoadedAndSoughtOnAssignment() {
        List<Long> offsets = new CopyOnWriteArrayList<>();
        produce(0, 6, Map.of());
        consumer = builder()
                .recordHandler(r -> offsets.add(r.offset()))
                .commitMode(CommitMode.external(partitions -> Map.of(TP, 4L)))
                .build();
        consumer.start();

        await().atMost(WAIT).until(() -> offsets.size() == 2);
        assertThat(offsets).containsExactly(4L, 5L);
    }

    @Test
    void metricsCountProcessedRecordsWhenARegistryIsGiven() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        produce(0, 3, Map.of());
        consumer = builder().recordHandler(r -> {}).metrics(registry, List.of()).build();
        consumer.start();

        await().atMost(WAIT).until(() -> committed() == 3);
        assertThat(registry.get("kafka.sdk.consumer.records.processed")
                        .counter()
                        .count())
                .isEqualTo(3.0);
        assertThat(registry.get("kafka.sdk.consumer.commit.latency").timer().count())
                .isPositive();
        consumer.close(Duration.ofSeconds(5));
        assertThat(registry.find("kafka.sdk.consumer.records.processed").counter())
                .isNull();
    }

    @Test
    void closeStopsTheConsumerAndCommitsWhatCompleted() {
        produce(0, 2, Map.of());
        consumer =
                builder().recordHandler(r -> {}).commitMode(CommitMode.async()).build();
        consumer.start();
        await().atMost(WAIT).until(() -> consumer.state() == ConsumerState.RUNNING);

        assertThat(consumer.close(Duration.ofSeconds(5))).isTrue();
        assertThat(consumer.state()).isEqualTo(ConsumerState.STOPPED);
        assertThat(committed()).isEqualTo(2);
        assertThat(mock.closed()).isTrue();
    }

    @Test
    void aFailedTransactionalRoundIsAbortedRewoundAndCommittedOnRetry() {
        List<String> calls = new CopyOnWriteArrayList<>();
        dev.kafkasdk.core.transaction.TransactionalSink<String, String> sink = new RecordingSink(calls);
        AtomicInteger failures = new AtomicInteger();
        List<Integer> handled = new CopyOnWriteArrayList<>();
        produce(0, 2, Map.of());
        consumer = builder()
                .recordHandler(r -> {
                    if (r.value() == 1 && failures.getAndIncrement() == 0) {
                        throw new IllegalStateException("transient");
                    }
                    handled.add(r.value());
                })
                .commitMode(CommitMode.transactional(sink))
                .failurePolicy(FailurePolicy.builder()
                        .backoff(Duration.ofMillis(20), 1, Duration.ofMillis(20))
                        .build())
                .build();
        consumer.start();

        await().atMost(WAIT).until(() -> calls.contains("abort"));
        produce(0, 2, Map.of());
        produce(0, 2, Map.of());
        await().atMost(WAIT).until(() -> calls.contains("offsets orders-0=2"));
        assertThat(calls).startsWith("begin", "abort", "begin").contains("commit");
        assertThat(calls).doesNotContain("offsets orders-0=1");
        assertThat(handled).containsExactly(0, 0, 1);
    }

    /** Records the transaction calls the consumer makes. */
    private record RecordingSink(List<String> calls)
            implements dev.kafkasdk.core.transaction.TransactionalSink<String, String> {
        @Override
        public void beginTransaction() {
            calls.add("begin");
        }

        @Override
        public CompletableFuture<org.apache.kafka.clients.producer.RecordMetadata> send(
                org.apache.kafka.clients.producer.ProducerRecord<String, String> record) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void sendOffsetsToTransaction(
                Map<TopicPartition, OffsetAndMetadata> offsets,
                org.apache.kafka.clients.consumer.ConsumerGroupMetadata group) {
            offsets.forEach((tp, offset) -> calls.add("offsets " + tp + "=" + offset.offset()));
        }

        @Override
        public void commitTransaction() {
            calls.add("commit");
        }

        @Override
        public void abortTransaction() {
            calls.add("abort");
        }
    }

    @Test
    void buildRejectsInconsistentSettingsNamingEveryProblem() {
        ConsumerSettings noGroup = ConsumerSettings.builder()
                .name("ng")
                .cluster(ClusterSettings.of("127.0.0.1:9"))
                .build();
        ConsumerSettings autoCommit =
                ConsumerSettings.from(settings()).enableAutoCommit(true).build();

        assertThatThrownBy(() -> SdkConsumer.builder(noGroup, Serdes.string(), Serdes.string())
                        .subscribe("t")
                        .recordHandler(r -> {})
                        .onPoisonPill(FailureAction.DEAD_LETTER)
                        .build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("group-id")
                .hasMessageContaining("deadLetters");
        assertThatThrownBy(() -> SdkConsumer.builder(autoCommit, Serdes.string(), Serdes.string())
                        .subscribe("t")
                        .recordHandler(r -> {})
                        .commitMode(CommitMode.syncPerRecord())
                        .build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("enable-auto-commit");
        assertThatThrownBy(() -> SdkConsumer.builder(settings(), Serdes.string(), Serdes.string())
                        .build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("handler")
                .hasMessageContaining("subscription");
    }
}
