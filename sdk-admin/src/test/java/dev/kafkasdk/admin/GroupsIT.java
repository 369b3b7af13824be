package dev.kafkasdk.admin;

import static dev.kafkasdk.admin.GroupTestSupport.awaitAssignment;
import static dev.kafkasdk.admin.GroupTestSupport.committed;
import static dev.kafkasdk.admin.GroupTestSupport.consumer;
import static dev.kafkasdk.admin.GroupTestSupport.describeWithKafkaTool;
import static dev.kafkasdk.admin.GroupTestSupport.pollAtLeast;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.admin.GroupTestSupport.ToolRow;
import dev.kafkasdk.core.compat.BrokerFeature;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@KafkaBroker
class GroupsIT {

    private static Admin raw;
    private static SdkAdmin admin;

    @BeforeAll
    static void connect(KafkaCluster kafka) {
        raw = Admin.create(kafka.adminClientProperties());
        admin = SdkAdmin.wrap(
                raw, AdminOptions.builder().callTimeout(Duration.ofSeconds(15)).build());
    }

    @AfterAll
    static void close() {
        admin.close();
        raw.close();
    }

    private static void produceKeyed(KafkaCluster kafka, String topic, int from, int count) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        IntStream.range(from, from + count).forEach(i -> records.add(new ProducerRecord<>(topic, "key-" + i, "v" + i)));
        kafka.produce(records);
    }

    @Test
    void perPartitionLagEqualsWhatKafkasConsumerGroupCommandReports(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("lag");
        String group = topic + "-group";
        kafka.createTopic(topic, 3, 1);
        produceKeyed(kafka, topic, 0, 30);
        try (KafkaConsumer<String, String> consumer = consumer(kafka, group, "classic", 4)) {
            consumer.subscribe(List.of(topic));
            pollAtLeast(consumer, 4);
            consumer.commitSync();
            produceKeyed(kafka, topic, 30, 6);

            GroupLag lag = admin.groups().lag(group);
            List<ToolRow> tool = describeWithKafkaTool(kafka.bootstrapServers(), group);

            assertThat(lag.partitions()).hasSize(3);
            assertThat(tool).hasSize(3);
            for (ToolRow row : tool) {
                PartitionLag mine = lag.partitions().stream()
                        .filter(p -> p.topic().equals(row.topic()) && p.partition() == row.partition())
                        .findFirst()
                        .orElseThrow();
                assertThat(text(mine.committedOffset())).isEqualTo(row.currentOffset());
                assertThat(Long.toString(mine.logEndOffset())).isEqualTo(row.logEndOffset());
                assertThat(text(mine.lag())).isEqualTo(row.lag());
                assertThat(mine.memberId()).hasValue(row.consumerId());
            }
            long toolTotal = tool.stream()
                    .filter(r -> !r.lag().equals("-"))
                    .mapToLong(r -> Long.parseLong(r.lag()))
                    .sum();
            assertThat(lag.totalLag()).isEqualTo(toolTotal).isPositive();
            assertThat(lag.partitions().stream()
                            .mapToLong(PartitionLag::logEndOffset)
                            .sum())
                    .isEqualTo(36);
        }
    }

    private static String text(java.util.OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "-";
    }

    @Test
    void dryRunChangesNothingAndExecuteMovesAStoppedGroup(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("reset");
        String group = topic + "-group";
        kafka.createTopic(topic, 2, 1);
        produceKeyed(kafka, topic, 0, 20);
        try (KafkaConsumer<String, String> consumer = consumer(kafka, group, "classic", 500)) {
            consumer.subscribe(List.of(topic));
            pollAtLeast(consumer, 20);
            consumer.commitSync();
        }
        Map<TopicPartition, Long> before = committed(raw, group);
        assertThat(before.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(20);

        OffsetResetResult dry = admin.groups()
                .resetOffsets(
                        OffsetResetRequest.of(group, ResetTarget.earliest()).asDryRun());
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.partitions()).extracting(OffsetResetResult.Moved::after).containsOnly(0L);
        assertThat(committed(raw, group)).isEqualTo(before);

        admin.groups().resetOffsets(OffsetResetRequest.of(group, ResetTarget.earliest()));
        assertThat(committed(raw, group).values()).containsOnly(0L);

        admin.groups().resetOffsets(OffsetResetRequest.of(group, ResetTarget.shiftBy(3)));
        assertThat(committed(raw, group).values()).containsOnly(3L);

        OffsetResetResult clamped =
                admin.groups().resetOffsets(OffsetResetRequest.of(group, ResetTarget.toOffset(1_000)));
        assertThat(committed(raw, group)).isEqualTo(before);
        assertThat(clamped.partitions())
                .extracting(m -> m.before().orElseThrow())
                .containsOnly(3L);
    }

    @Test
    void resetToTimestampFindsTheFirstRecordAtOrAfterIt(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("reset-time");
        String group = topic + "-group";
        kafka.createTopic(topic, 1, 1);
        Instant t0 = Instant.now().minusSeconds(3600);
        kafka.produce(List.of(
                new ProducerRecord<>(topic, 0, t0.toEpochMilli(), "a", "1"),
                new ProducerRecord<>(topic, 0, t0.plusSeconds(10).toEpochMilli(), "b", "2"),
                new ProducerRecord<>(topic, 0, t0.plusSeconds(20).toEpochMilli(), "c", "3")));
        TopicPartition tp = new TopicPartition(topic, 0);
        raw.alterConsumerGroupOffsets(group, Map.of(tp, new OffsetAndMetadata(3)))
                .all()
                .get(10, TimeUnit.SECONDS);

        admin.groups().resetOffsets(OffsetResetRequest.of(group, ResetTarget.toTimestamp(t0.plusSeconds(5))));
        assertThat(committed(raw, group)).containsEntry(tp, 1L);

        admin.groups().resetOffsets(OffsetResetRequest.of(group, ResetTarget.toTimestamp(t0.plusSeconds(60))));
        assertThat(committed(raw, group)).containsEntry(tp, 3L);
    }

    @Test
    void resetIsRefusedWhileTheGroupHasActiveMembers(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("reset-active");
        String group = topic + "-group";
        kafka.createTopic(topic, 1, 1);
        produceKeyed(kafka, topic, 0, 5);
        try (KafkaConsumer<String, String> consumer = consumer(kafka, group, "classic", 500)) {
            consumer.subscribe(List.of(topic));
            pollAtLeast(consumer, 5);
            consumer.commitSync();
            Map<TopicPartition, Long> before = committed(raw, group);

            assertThatThrownBy(() -> admin.groups()
                            .resetOffsets(OffsetResetRequest.of(group, ResetTarget.earliest())
                                    .asDryRun()))
                    .isInstanceOfSatisfying(GroupActiveException.class, e -> {
                        assertThat(e.groupId()).isEqualTo(group);
                        assertThat(e.memberCount()).isEqualTo(1);
                        assertThat(e.getMessage()).contains("'" + group + "' has 1 active member");
                    });
            assertThat(committed(raw, group)).isEqualTo(before);
        }
    }

    @Test
    void listAndDescribeShowTheProtocolStateAndAssignment(KafkaCluster kafka) {
        BrokerAssumptions.assumeSupported(kafka.bootstrapServers(), BrokerFeature.CONSUMER_GROUP_PROTOCOL);
        String topic = kafka.uniqueTopicName("describe");
        kafka.createTopic(topic, 2, 1);
        String classicGroup = topic + "-classic";
        String consumerGroup = topic + "-consumer";
        try (KafkaConsumer<String, String> classic = consumer(kafka, classicGroup, "classic", 10);
                KafkaConsumer<String, String> modern = consumer(kafka, consumerGroup, "consumer", 10)) {
            classic.subscribe(List.of(topic));
            modern.subscribe(List.of(topic));
            awaitAssignment(classic);
            awaitAssignment(modern);

            assertThat(admin.groups().list())
                    .filteredOn(g -> g.groupId().startsWith(topic))
                    .extracting(GroupSummary::groupId, GroupSummary::type)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(classicGroup, GroupType.CLASSIC),
                            org.assertj.core.groups.Tuple.tuple(consumerGroup, GroupType.CONSUMER));

            GroupDescription d = admin.groups().describe(consumerGroup);
            assertThat(d.type()).isEqualTo(GroupType.CONSUMER);
            assertThat(d.members()).singleElement().satisfies(m -> {
                assertThat(m.clientId()).isEqualTo(consumerGroup + "-client");
                assertThat(m.assignment())
                        .containsExactlyInAnyOrder(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
            });
            assertThat(admin.groups().describe(classicGroup).assignor()).isNotEmpty();
        }
    }

    @Test
    void describingAnUnknownGroupSaysItDoesNotExist(KafkaCluster kafka) {
        String group = kafka.uniqueTopicName("no-such-group");
        assertThatThrownBy(() -> admin.groups().lag(group)).hasMessageContaining("'" + group + "' does not exist");
        assertThat(admin.groups().list()).extracting(GroupSummary::groupId).doesNotContain(group);
    }
}
