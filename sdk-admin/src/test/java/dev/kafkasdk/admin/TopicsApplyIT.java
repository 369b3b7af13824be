package dev.kafkasdk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.admin.TopicChange.Kind;
import dev.kafkasdk.core.RetriableKafkaSdkException;
import dev.kafkasdk.core.config.CleanupPolicy;
import dev.kafkasdk.core.config.TopicSpec;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.ForwardingAdmin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicCollection;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@KafkaBroker
class TopicsApplyIT {

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

    private static TopicDescription describe(String topic) throws Exception {
        return raw.describeTopics(List.of(topic))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .get(topic);
    }

    private static String config(String topic, String key) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return raw.describeConfigs(List.of(resource))
                .all()
                .get(10, TimeUnit.SECONDS)
                .get(resource)
                .get(key)
                .value();
    }

    @Test
    void applyCreatesMissingTopicsOnceAndIsIdempotent(KafkaCluster kafka) throws Exception {
        String name = kafka.uniqueTopicName("apply-create");
        TopicSpec spec = TopicSpec.builder(name)
                .partitions(3)
                .replicationFactor(1)
                .retention(Duration.ofHours(12))
                .cleanupPolicy(CleanupPolicy.DELETE)
                .build();

        assertThat(admin.topics().plan(List.of(spec)).actions())
                .extracting(TopicChange::kind)
                .containsExactly(Kind.CREATE);
        ApplyResult first = admin.topics().apply(List.of(spec));

        assertThat(first.applied()).extracting(TopicChange::topic).containsExactly(name);
        assertThat(describe(name).partitions())
                .hasSize(3)
                .allSatisfy(p -> assertThat(p.leader()).isNotNull());
        assertThat(config(name, "retention.ms")).isEqualTo("43200000");

        ApplyResult second = admin.topics().apply(List.of(spec));
        assertThat(second.applied()).isEmpty();
        assertThat(second.plan().changes()).isEmpty();
        assertThat(second.plan().upToDate()).containsExactly(name);
    }

    @Test
    void applyRaisesPartitionsButRefusesToLowerThem(KafkaCluster kafka) throws Exception {
        String name = kafka.uniqueTopicName("apply-partitions");
        kafka.createTopic(name, 2, 1);

        ApplyResult grown = admin.topics()
                .apply(List.of(TopicSpec.builder(name).partitions(4).build()));
        assertThat(grown.applied()).extracting(TopicChange::describe).containsExactly(name + ": partitions 2 -> 4");
        // apply returns once the brokers serve the new partitions, each with a leader
        assertThat(describe(name).partitions())
                .hasSize(4)
                .allSatisfy(p -> assertThat(p.leader()).isNotNull());
        assertThat(admin.topics()
                        .plan(List.of(TopicSpec.builder(name).partitions(4).build()))
                        .hasNoActions())
                .isTrue();

        ApplyResult shrink = admin.topics()
                .apply(List.of(TopicSpec.builder(name).partitions(1).build()));
        assertThat(shrink.isComplete()).isFalse();
        assertThat(shrink.refused()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.PARTITION_DECREASE_REFUSED);
            assertThat(c.current()).isEqualTo("4");
        });
        assertThat(shrink.applied()).isEmpty();
        assertThat(describe(name).partitions()).hasSize(4);
    }

    @Test
    void driftIsReportedAndNeverOverwritten(KafkaCluster kafka) throws Exception {
        String name = kafka.uniqueTopicName("apply-drift");
        kafka.createTopic(name, 1, 1, Map.of("retention.ms", "1000"));
        TopicSpec spec = TopicSpec.builder(name)
                .partitions(1)
                .replicationFactor(3)
                .retention(Duration.ofDays(1))
                .build();

        TopicPlan plan = admin.topics().plan(List.of(spec));
        assertThat(plan.hasNoActions()).isTrue();
        assertThat(plan.drift())
                .extracting(TopicChange::kind, TopicChange::key, TopicChange::current, TopicChange::desired)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.REPLICATION_DRIFT, "replication.factor", "1", "3"),
                        org.assertj.core.groups.Tuple.tuple(Kind.CONFIG_DRIFT, "retention.ms", "1000", "86400000"));

        ApplyResult result = admin.topics().apply(List.of(spec));
        assertThat(result.applied()).isEmpty();
        assertThat(result.drift()).hasSize(2);
        assertThat(config(name, "retention.ms")).isEqualTo("1000");
        assertThat(describe(name).partitions().get(0).replicas()).hasSize(1);
    }

    /**
     * An admin client of the real broker whose topic descriptions lag behind its creations, as a broker's
     * metadata does behind the controller, and its leaders behind its metadata: after a topic is
     * created, the next {@code hiddenDescribes} descriptions of it answer "unknown topic", and the next
     * {@code unledListings} offset listings of its partitions answer "not the leader".
     */
    private static final class LaggingAdmin extends ForwardingAdmin {
        private final int hiddenDescribes;
        private final int unledListings;
        private final Map<String, AtomicInteger> hidden = new HashMap<>();
        private final Map<String, AtomicInteger> unled = new HashMap<>();
        final AtomicInteger describedAfterCreate = new AtomicInteger();
        final AtomicInteger listedAfterCreate = new AtomicInteger();

        LaggingAdmin(KafkaCluster kafka, int hiddenDescribes, int unledListings) {
            super(new HashMap<>(kafka.adminClientProperties()));
            this.hiddenDescribes = hiddenDescribes;
            this.unledListings = unledListings;
        }

        @Override
        public synchronized CreateTopicsResult createTopics(Collection<NewTopic> topics, CreateTopicsOptions options) {
            topics.forEach(t -> {
                hidden.put(t.name(), new AtomicInteger(hiddenDescribes));
                unled.put(t.name(), new AtomicInteger(unledListings));
            });
            return super.createTopics(topics, options);
        }

        @Override
        public synchronized ListOffsetsResult listOffsets(
                Map<TopicPartition, OffsetSpec> offsets, ListOffsetsOptions options) {
            ListOffsetsResult real = super.listOffsets(offsets, options);
            boolean answersNotLeader = false;
            for (String topic : offsets.keySet().stream()
                    .map(TopicPartition::topic)
                    .distinct()
                    .toList()) {
                if (unled.containsKey(topic)) {
                    listedAfterCreate.incrementAndGet();
                    answersNotLeader |= unled.get(topic).getAndDecrement() > 0;
                }
            }
            if (!answersNotLeader) {
                return real;
            }
            Map<TopicPartition, KafkaFuture<ListOffsetsResult.ListOffsetsResultInfo>> failed = new HashMap<>();
            offsets.keySet().forEach(tp -> {
                KafkaFutureImpl<ListOffsetsResult.ListOffsetsResultInfo> notLeader = new KafkaFutureImpl<>();
                notLeader.completeExceptionally(new NotLeaderOrFollowerException("not loaded yet: " + tp));
                failed.put(tp, notLeader);
            });
            return new ListOffsetsResult(failed);
        }

        @Override
        public synchronized DescribeTopicsResult describeTopics(TopicCollection topics, DescribeTopicsOptions options) {
            Map<String, KafkaFuture<TopicDescription>> answers =
                    new HashMap<>(super.describeTopics(topics, options).topicNameValues());
            hidden.forEach((topic, left) -> {
                if (answers.containsKey(topic)) {
                    describedAfterCreate.incrementAndGet();
                    if (left.getAndDecrement() > 0) {
                        KafkaFutureImpl<TopicDescription> unknown = new KafkaFutureImpl<>();
                        unknown.completeExceptionally(
                                new UnknownTopicOrPartitionException("this broker does not know " + topic + " yet"));
                        answers.put(topic, unknown);
                    }
                }
            });
            return new DescribeTopicsResult(null, answers) {};
        }
    }

    @Test
    void applyReturnsOnlyOnceTheBrokersDescribeTheCreatedTopic(KafkaCluster kafka) throws Exception {
        String name = kafka.uniqueTopicName("apply-lagging");
        TopicSpec spec = TopicSpec.builder(name).partitions(2).build();
        try (LaggingAdmin lagging = new LaggingAdmin(kafka, 3, 2);
                SdkAdmin sdk = SdkAdmin.wrap(
                        lagging,
                        AdminOptions.builder()
                                .callTimeout(Duration.ofSeconds(15))
                                .build())) {
            ApplyResult result = sdk.topics().apply(List.of(spec));

            assertThat(result.applied()).extracting(TopicChange::topic).containsExactly(name);
            assertThat(lagging.describedAfterCreate)
                    .as("three descriptions answered 'unknown topic', the next three found it")
                    .hasValue(6);
            assertThat(lagging.listedAfterCreate)
                    .as("then two offset listings answered 'not the leader', the third was answered")
                    .hasValue(3);
            assertThat(sdk.topics().plan(List.of(spec)).hasNoActions()).isTrue();
        }
    }

    @Test
    void applyThatTheBrokersDoNotServeInTimeFailsNamingTheTopicAndTheChangeStays(KafkaCluster kafka) throws Exception {
        String name = kafka.uniqueTopicName("apply-unserved");
        TopicSpec spec = TopicSpec.builder(name).partitions(2).build();
        try (LaggingAdmin lagging = new LaggingAdmin(kafka, Integer.MAX_VALUE, 0);
                SdkAdmin sdk = SdkAdmin.wrap(
                        lagging,
                        AdminOptions.builder()
                                .callTimeout(Duration.ofSeconds(1))
                                .build())) {
            assertThatThrownBy(() -> sdk.topics().apply(List.of(spec)))
                    .isInstanceOf(RetriableKafkaSdkException.class)
                    .hasMessageContaining("applied " + name + ": create")
                    .hasMessageContaining("after 1000 ms (AdminOptions callTimeout)")
                    .hasMessageContaining("topic '" + name + "' is not described yet")
                    .hasMessageContaining("apply again");
        }
        assertThat(describe(name).partitions()).hasSize(2);
    }
}
