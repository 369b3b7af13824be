package dev.kafkasdk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

/**
 * Topics as code creates a retry-topics consumer's tier and dead-letter topics from the config file with
 * the main topic's partitions; online lint warns while they are missing or smaller and is quiet after.
 */
@KafkaBroker(brokerProperties = "auto.create.topics.enable=false")
class RetryTopicsApplyIT {

    @Test
    void applyCreatesTierAndDeadLetterTopicsShapedLikeTheMainTopicAndLintSeesThem(KafkaCluster kafka) throws Exception {
        String main = kafka.uniqueTopicName("retry-apply");
        KafkaSdkConfig config = KafkaSdkConfig.loader()
                .environment(Map.of())
                .yaml("""
                        cluster:
                          bootstrap-servers: "%s"
                        consumers:
                          billing:
                            group-id: billing
                            retry-topics: [5s, 1m]
                            topics: [%s]
                        topics:
                          %s:
                            partitions: 3
                            replication-factor: 1
                        """.formatted(kafka.bootstrapServers(), main, main))
                .load();
        List<String> derived = List.of(main + "-retry-5s", main + "-retry-1m", main + ".DLT");
        kafka.createTopic(main, 3);
        kafka.createTopic(main + "-retry-1m", 1);

        try (Admin raw = Admin.create(kafka.adminClientProperties());
                SdkAdmin admin = SdkAdmin.wrap(
                        raw,
                        AdminOptions.builder()
                                .callTimeout(Duration.ofSeconds(15))
                                .build())) {
            LintContext offline = LintContext.builder(config).build();
            LintReport before = ConfigLinter.defaults().lint(admin.cluster().lintContext(offline));
            assertThat(before.findingsOf("KSDK-L019"))
                    .extracting(LintFinding::subject)
                    .containsExactlyInAnyOrder(
                            "topic '" + main + "-retry-5s'",
                            "topic '" + main + "-retry-1m'",
                            "topic '" + main + ".DLT'");

            ApplyResult applied = admin.topics().apply(RetryTopicSpecs.withDerived(config));

            assertThat(applied.applied())
                    .extracting(TopicChange::topic)
                    .containsExactlyInAnyOrder(main + "-retry-5s", main + ".DLT", main + "-retry-1m");
            Map<String, TopicDescription> described =
                    raw.describeTopics(derived).allTopicNames().get(15, TimeUnit.SECONDS);
            assertThat(described.values())
                    .allSatisfy(d -> assertThat(d.partitions()).hasSize(3));
            LintReport after = ConfigLinter.defaults().lint(admin.cluster().lintContext(offline));
            assertThat(after.findingsOf("KSDK-L019")).isEmpty();

            raw.createPartitions(Map.of(main, NewPartitions.increaseTo(4)))
                    .all()
                    .get(15, TimeUnit.SECONDS);
            assertThat(ConfigLinter.defaults()
                            .lint(admin.cluster().lintContext(offline))
                            .findingsOf("KSDK-L019"))
                    .extracting(LintFinding::subject)
                    .containsExactlyInAnyOrderElementsOf(derived.subList(0, 2).stream()
                            .map(t -> "topic '" + t + "'")
                            .toList());
        }
    }
}
