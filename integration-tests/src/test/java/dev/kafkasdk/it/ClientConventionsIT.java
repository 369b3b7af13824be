package dev.kafkasdk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.admin.GroupDescription;
import dev.kafkasdk.admin.GroupMember;
import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.config.AdminSettings;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.OffsetReset;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.config.TopicSpec;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.junit.jupiter.api.Test;

/**
 * The one convention of every SDK client, against a real broker: clients built from the same
 * settings get distinct client ids and thread names (the broker sees each member apart), and an
 * admin built with {@code metrics(registry, tags)} times every call with its outcome.
 */
@KafkaBroker
class ClientConventionsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static ClusterSettings cluster(KafkaCluster kafka) {
        return ClusterSettings.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .clientIdPrefix("conv-it")
                .build();
    }

    private static Set<String> liveThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).collect(Collectors.toSet());
    }

    @Test
    void twoConsumersFromOneSettingsAreDistinctGroupMembersWithTheirOwnPollThreads(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("conv-consumers");
        String group = topic + "-group";
        kafka.createTopic(topic, 2, 1);
        ConsumerSettings settings = ConsumerSettings.builder()
                .name("audit")
                .cluster(cluster(kafka))
                .groupId(group)
                .autoOffsetReset(OffsetReset.EARLIEST)
                .build();
        Set<String> seen = ConcurrentHashMap.newKeySet();

        try (SdkConsumer<String, String> first = SdkConsumer.create(
                        settings, Serdes.string(), Serdes.string(), record -> seen.add(record.value()), topic);
                SdkConsumer<String, String> second = SdkConsumer.create(
                        settings, Serdes.string(), Serdes.string(), record -> seen.add(record.value()), topic);
                SdkAdmin admin = SdkAdmin.create(AdminSettings.defaults(cluster(kafka)))) {
            assertThat(first.clientId()).matches("conv-it-audit-\\d+");
            assertThat(second.clientId()).matches("conv-it-audit-\\d+").isNotEqualTo(first.clientId());
            first.start();
            second.start();

            String firstThread = first.clientId().replace("conv-it-", "kafka-sdk-consumer-") + "-poll";
            String secondThread = second.clientId().replace("conv-it-", "kafka-sdk-consumer-") + "-poll";
            await().atMost(WAIT).until(() -> liveThreadNames().containsAll(List.of(firstThread, secondThread)));

            // the group exists once the first member has joined; until then describe says it does not
            await().atMost(WAIT)
                    .ignoreExceptionsMatching(e -> e.getCause() instanceof GroupIdNotFoundException)
                    .untilAsserted(() -> {
                        GroupDescription described = admin.groups().describe(group);
                        assertThat(described.members())
                                .extracting(GroupMember::clientId)
                                .containsExactlyInAnyOrder(first.clientId(), second.clientId());
                        assertThat(described.members())
                                .allSatisfy(m -> assertThat(m.assignment()).hasSize(1));
                    });
            kafka.produce(topic, "k", "hello");
            await().atMost(WAIT).until(() -> seen.contains("hello"));
            assertThat(first.state()).isIn(ConsumerState.RUNNING, ConsumerState.REBALANCING);
            assertThat(first.close(Duration.ofSeconds(20))).isTrue();
            assertThat(second.close(Duration.ofSeconds(20))).isTrue();
            // the poll thread reports termination as its last step, then ends
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(liveThreadNames()).doesNotContain(firstThread, secondThread));
        }
    }

    @Test
    void twoProducersFromOneSettingsHaveTheirOwnClientIdsAndCompletionThreads(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("conv-producers");
        kafka.createTopic(topic, 1, 1);
        ProducerSettings settings = ProducerSettings.builder()
                .name("orders")
                .cluster(cluster(kafka))
                .build();
        try (SdkProducer<String, String> first = SdkProducer.create(settings, Serdes.string(), Serdes.string());
                SdkProducer<String, String> second = SdkProducer.create(settings, Serdes.string(), Serdes.string())) {
            assertThat(first.clientId()).matches("conv-it-orders-\\d+");
            assertThat(second.clientId()).matches("conv-it-orders-\\d+").isNotEqualTo(first.clientId());

            String firstThread = first.send(topic, "k", "1")
                    .thenApply(r -> Thread.currentThread().getName())
                    .get(60, TimeUnit.SECONDS);
            String secondThread = second.send(topic, "k", "2")
                    .thenApply(r -> Thread.currentThread().getName())
                    .get(60, TimeUnit.SECONDS);

            assertThat(firstThread)
                    .isEqualTo(first.clientId().replace("conv-it-", "kafka-sdk-producer-") + "-completions");
            assertThat(secondThread)
                    .isEqualTo(second.clientId().replace("conv-it-", "kafka-sdk-producer-") + "-completions");
            assertThat(first.close(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void adminCallsAreTimedPerOperationWithTheirOutcome(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("conv-admin");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (SdkAdmin admin = SdkAdmin.builder(AdminSettings.defaults(cluster(kafka)))
                .metrics(registry, Tags.of("app", "conventions-it"))
                .build()) {
            assertThat(admin.clientId()).matches("conv-it-default-\\d+");

            admin.topics().apply(List.of(TopicSpec.builder(topic).partitions(2).build()));
            assertThatThrownBy(() -> admin.topics()
                            .apply(List.of(TopicSpec.builder(topic + "-bad")
                                    .partitions(1)
                                    .config("segment.bytes", "1")
                                    .build())))
                    .isInstanceOf(KafkaSdkException.class);

            Timer created = registry.find("kafka.sdk.admin.call")
                    .tags(
                            "operation",
                            "create-topic",
                            "outcome",
                            "success",
                            "exception",
                            "none",
                            "client.id",
                            admin.clientId(),
                            "app",
                            "conventions-it")
                    .timer();
            assertThat(created).isNotNull();
            assertThat(created.count()).isEqualTo(1);
            assertThat(created.totalTime(TimeUnit.NANOSECONDS)).isPositive();
            Timer rejected = registry.find("kafka.sdk.admin.call")
                    .tags("operation", "create-topic", "outcome", "failure", "client.id", admin.clientId())
                    .timer();
            assertThat(rejected).isNotNull();
            assertThat(rejected.count()).isEqualTo(1);
            assertThat(rejected.getId().getTag("exception")).isEqualTo("InvalidConfigurationException");
            assertThat(registry.find("kafka.sdk.admin.call")
                            .tag("operation", "describe-topics")
                            .timers())
                    .isNotEmpty();
            // kafka-clients' own admin metrics are bound through KafkaClientMetrics with the same tags
            await().atMost(WAIT)
                    .until(() -> !registry.find("kafka.admin.client.request.total")
                            .tag("app", "conventions-it")
                            .meters()
                            .isEmpty());
        }
        assertThat(registry.find("kafka.admin.client.request.total").meters()).isEmpty();
    }
}
