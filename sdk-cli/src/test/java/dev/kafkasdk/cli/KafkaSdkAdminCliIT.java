package dev.kafkasdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line run in-process against a real broker. */
@KafkaBroker
class KafkaSdkAdminCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path config(Path dir, KafkaCluster kafka, String topicsYaml) throws Exception {
        Path file = dir.resolve("kafka-sdk.yaml");
        Files.writeString(
                file, "cluster:\n  bootstrap-servers: \"" + kafka.bootstrapServers() + "\"\ntopics:\n" + topicsYaml);
        return file;
    }

    @Test
    void topicsPlanAndApplyAreIdempotentAndExitNonZeroOnRefusal(KafkaCluster kafka, @TempDir Path dir)
            throws Exception {
        String a = kafka.uniqueTopicName("cli-a");
        String b = kafka.uniqueTopicName("cli-b");
        Path file = config(dir, kafka, """
                  %s: { partitions: 3, replication-factor: 1, retention: 1d }
                  %s: { partitions: 1, replication-factor: 1 }
                """.formatted(a, b));

        CliRun plan = CliRun.of("topics", "plan", "-c", file.toString());
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("Plan: 2 to create, 0 partition increases");

        CliRun apply = CliRun.of("topics", "apply", "-c", file.toString());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("Applied 2 changes");

        CliRun again = CliRun.of("topics", "apply", "-c", file.toString(), "-o", "json");
        JsonNode doc = JSON.readTree(again.out());
        assertThat(again.exitCode()).isZero();
        assertThat(doc.get("applied")).isEmpty();
        assertThat(doc.get("upToDate")).extracting(JsonNode::asText).containsExactly(a, b);

        Path shrink = config(dir, kafka, "  %s: { partitions: 2, replication-factor: 1 }\n".formatted(a));
        CliRun refused = CliRun.of("topics", "apply", "-c", shrink.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.out()).contains("PARTITION_DECREASE_REFUSED", "refused");
    }

    @Test
    void groupsListLagAndResetWithDryRunAndRefusal(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("cli-groups");
        String group = topic + "-g";
        kafka.createTopic(topic, 2, 1);
        kafka.produceValues(topic, List.of("a", "b", "c", "d", "e", "f"));
        String bs = kafka.bootstrapServers();
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            admin.alterConsumerGroupOffsets(
                            group,
                            Map.of(
                                    new TopicPartition(topic, 0),
                                    new OffsetAndMetadata(0),
                                    new TopicPartition(topic, 1),
                                    new OffsetAndMetadata(0)))
                    .all()
                    .get(10, TimeUnit.SECONDS);

            CliRun list = CliRun.of("groups", "list", "-b", bs);
            assertThat(list.exitCode()).as(list.toString()).isZero();
            assertThat(list.out()).contains(group);

            CliRun lag = CliRun.of("groups", "lag", group, "-b", bs);
            assertThat(lag.exitCode()).as(lag.toString()).isZero();
            assertThat(lag.out()).contains("total lag 6 over 2 partitions");

            CliRun dry = CliRun.of("groups", "reset", group, "--to-latest", "-b", bs);
            assertThat(dry.exitCode()).as(dry.toString()).isZero();
            assertThat(dry.out()).contains("dry run (latest): nothing committed");
            assertThat(committedTotal(admin, group)).isZero();

            CliRun execute = CliRun.of("groups", "reset", group, "--to-latest", "--execute", "-b", bs, "-o", "json");
            assertThat(execute.exitCode()).as(execute.toString()).isZero();
            assertThat(JSON.readTree(execute.out()).get("dryRun").asBoolean()).isFalse();
            assertThat(committedTotal(admin, group)).isEqualTo(6);

            Map<String, Object> props = kafka.consumerProperties();
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
                consumer.subscribe(List.of(topic));
                await().atMost(Duration.ofSeconds(30))
                        .pollInSameThread()
                        .pollInterval(Duration.ZERO)
                        .until(() -> {
                            consumer.poll(Duration.ofMillis(200));
                            return !consumer.assignment().isEmpty();
                        });
                CliRun active = CliRun.of("groups", "reset", group, "--to-earliest", "--execute", "-b", bs);
                assertThat(active.exitCode()).as(active.toString()).isEqualTo(ExitCodes.FAILED);
                assertThat(active.err()).contains("refused: consumer group '" + group + "' has 1 active member");
                assertThat(committedTotal(admin, group)).isEqualTo(6);
            }
        }
    }

    private static long committedTotal(Admin admin, String group) throws Exception {
        return admin
                .listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS)
                .values()
                .stream()
                .mapToLong(OffsetAndMetadata::offset)
                .sum();
    }

    @Test
    void clusterHealthIsOkOnAHealthyBrokerInTableAndJson(KafkaCluster kafka) throws Exception {
        CliRun table = CliRun.of("cluster", "health", "-b", kafka.bootstrapServers());
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).contains(": OK", "KRaft quorum: leader 0");

        CliRun json =
                CliRun.of("cluster", "health", "--bootstrap-servers", kafka.bootstrapServers(), "--output", "json");
        JsonNode doc = JSON.readTree(json.out());
        assertThat(doc.get("verdict").asText()).isEqualTo("OK");
        assertThat(doc.get("quorum").get("voters")).hasSize(1);
        assertThat(doc.get("brokers").get(0).get("serving").asBoolean()).isTrue();
    }

    @Test
    void onlineLintReadsTheBrokerAndFailsOnErrors(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        String planned = kafka.uniqueTopicName("cli-lint");
        Path file = config(dir, kafka, "  %s: { partitions: 3, replication-factor: 3 }\n".formatted(planned));

        CliRun offline = CliRun.of("lint", "-c", file.toString());
        CliRun online = CliRun.of("lint", "-c", file.toString(), "--online");

        assertThat(offline.exitCode()).as(offline.toString()).isZero();
        assertThat(online.exitCode()).as(online.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(online.out()).contains("ERROR KSDK-L007 topic '" + planned + "'", "lint (online)");
    }
}
