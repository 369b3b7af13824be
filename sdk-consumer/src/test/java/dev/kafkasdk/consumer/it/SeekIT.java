package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.consumer.StartPosition;
import dev.kafkasdk.consumer.StartPositionStrategy;
import dev.kafkasdk.consumer.Subscription;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.config.OffsetReset;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Start positions and seeks against a real broker, with and without a group. */
@KafkaBroker(brokerProperties = {ItSupport.GROUP_TIMEOUTS_3, ItSupport.GROUP_TIMEOUTS_4})
class SeekIT {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Ten records one second apart, from T0, values v0..v9, in one partition. */
    private static String timedTopic(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("timed");
        kafka.createTopic(topic, 1);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(new ProducerRecord<>(topic, 0, T0.plusSeconds(i).toEpochMilli(), "k" + i, "v" + i));
        }
        kafka.produce(records);
        return topic;
    }

    @ParameterizedTest
    @EnumSource(GroupProtocol.class)
    void seekToATimestampOnAssignmentStartsAtTheFirstRecordAtOrAfterIt(GroupProtocol protocol, KafkaCluster kafka) {
        String topic = timedTopic(kafka);
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        try (SdkConsumer<String, String> consumer = SdkConsumer.builder(
                        ItSupport.settings(kafka.bootstrapServers(), topic + "-group", protocol)
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .subscribe(topic)
                .startPosition(StartPositionStrategy.once(StartPosition.timestamp(T0.plusMillis(5500))))
                .recordHandler(record -> seen.add(record.value()))
                .build()) {
            consumer.start();
            await().atMost(WAIT).until(() -> seen.size() >= 4);
            assertThat(seen).containsExactly("v6", "v7", "v8", "v9");
        }
    }

    @Test
    void assignWithoutAGroupReadsEveryPartition(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("nogroup");
        kafka.createTopic(topic, 3);
        kafka.produceValues(topic, List.of("a", "b", "c", "d", "e", "f"));
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        try (SdkConsumer<String, String> consumer = SdkConsumer.builder(
                        ItSupport.settings(kafka.bootstrapServers(), null, GroupProtocol.CLASSIC)
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .subscribe(Subscription.assignAll(topic))
                .commitMode(CommitMode.none())
                .recordHandler(record -> seen.add(record.value()))
                .build()) {
            consumer.start();
            await().atMost(WAIT).until(() -> seen.size() >= 6);
            assertThat(seen).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f");
            assertThat(consumer.state()).isEqualTo(ConsumerState.RUNNING);
        }
    }

    @Test
    void aReplayWindowStopsBeforeItsEndAndTheConsumerStopsItself(KafkaCluster kafka) throws Exception {
        String topic = timedTopic(kafka);
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        SdkConsumer<String, String> consumer = SdkConsumer.builder(
                        ItSupport.settings(kafka.bootstrapServers(), null, GroupProtocol.CLASSIC)
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .assign(new TopicPartition(topic, 0))
                .commitMode(CommitMode.none())
                .startPosition(StartPositionStrategy.always(StartPosition.window(T0.plusSeconds(2), T0.plusSeconds(5))))
                .recordHandler(record -> seen.add(record.value()))
                .build();
        consumer.start();

        assertThat(consumer.awaitTermination(WAIT)).isTrue();
        assertThat(consumer.state()).isEqualTo(ConsumerState.STOPPED);
        assertThat(seen).containsExactly("v2", "v3", "v4");
    }

    @Test
    void runtimeSeeksRewindAndJumpToAnOffset(KafkaCluster kafka) {
        String topic = timedTopic(kafka);
        TopicPartition partition = new TopicPartition(topic, 0);
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        try (SdkConsumer<String, String> consumer = SdkConsumer.builder(
                        ItSupport.settings(kafka.bootstrapServers(), null, GroupProtocol.CLASSIC)
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .assign(partition)
                .commitMode(CommitMode.none())
                .startPosition(StartPositionStrategy.always(StartPosition.end()))
                .recordHandler(record -> seen.add(record.value()))
                .build()) {
            consumer.start();
            await().atMost(WAIT).until(() -> consumer.state() == ConsumerState.RUNNING);
            consumer.seek(partition, StartPosition.rewind(3)).join();
            await().atMost(WAIT).until(() -> seen.size() >= 3);
            assertThat(seen).containsExactly("v7", "v8", "v9");

            seen.clear();
            consumer.seek(partition, StartPosition.offset(1)).join();
            await().atMost(WAIT).until(() -> seen.size() >= 9);
            assertThat(seen).first().isEqualTo("v1");
        }
    }

    @Test
    void autoOffsetResetNoneWithoutACommittedOffsetFailsNamingThePartition(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("nooffset");
        kafka.createTopic(topic, 1);
        kafka.produce(topic, "k", "v");
        SdkConsumer<String, String> consumer = SdkConsumer.builder(
                        ItSupport.settings(kafka.bootstrapServers(), topic + "-group", GroupProtocol.CLASSIC)
                                .autoOffsetReset(OffsetReset.NONE)
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .subscribe(topic)
                .recordHandler(record -> {})
                .build();
        consumer.start();

        assertThat(consumer.awaitTermination(WAIT)).isTrue();
        assertThat(consumer.state()).isEqualTo(ConsumerState.FAILED);
        assertThat(consumer.failureCause())
                .get()
                .isInstanceOf(KafkaSdkException.class)
                .satisfies(e -> {
                    KafkaSdkException sdk = (KafkaSdkException) e;
                    assertThat(sdk.topic()).hasValue(topic);
                    assertThat(sdk.partition()).hasValue(0);
                    assertThat(sdk.getMessage())
                            .contains(topic + "-0")
                            .contains("auto.offset.reset=none")
                            .contains("Fix");
                });
    }
}
