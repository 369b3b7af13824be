package dev.kafkasdk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.admin.TopicChange.Kind;
import dev.kafkasdk.core.config.CleanupPolicy;
import dev.kafkasdk.core.config.TopicSpec;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
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
        assertThat(describe(name).partitions()).hasSize(3);
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
        // the controller has committed the change; brokers serve the new partitions a moment later
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(describe(name).partitions()).hasSize(4));

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
}
