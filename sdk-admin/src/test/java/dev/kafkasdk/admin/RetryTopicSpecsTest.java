package dev.kafkasdk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.admin.LintContext.TopicFacts;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.config.TopicSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Topics-as-code derives retry-tier and dead-letter topics from a config file, and lint rule
 * {@code KSDK-L019} says what the config alone tells (offline) and what the cluster has (online).
 */
class RetryTopicSpecsTest {

    private static final String CONFIG = """
            cluster:
              bootstrap-servers: broker1:9092
            consumers:
              billing:
                group-id: billing
                retry-topics: [5s, 1m]
                topics: [orders, refunds]
              audit:
                group-id: audit
                retry-topics: [5s]
            topics:
              orders:
                partitions: 6
                replication-factor: 3
                min-insync-replicas: 2
                cleanup-policy: compact
                max-message-bytes: 2MiB
              orders-retry-1m:
                partitions: 2
                replication-factor: 3
            """;

    private static KafkaSdkConfig config() {
        return KafkaSdkConfig.loader().environment(Map.of()).yaml(CONFIG).load();
    }

    @Test
    void derivesEveryTierAndTheDeadLetterTopicWithTheMainTopicsShapeButNotItsCompaction() {
        List<TopicSpec> derived =
                RetryTopicSpecs.derived(config(), config().topics().keySet());

        assertThat(derived).extracting(TopicSpec::name).containsExactly("orders-retry-5s", "orders.DLT");
        assertThat(derived).allSatisfy(spec -> {
            assertThat(spec.partitions()).hasValue(6);
            assertThat(spec.replicationFactor()).hasValue(3);
            assertThat(spec.minInsyncReplicas()).hasValue(2);
            assertThat(spec.maxMessageBytes())
                    .isEqualTo(config().topic("orders").maxMessageBytes());
            assertThat(spec.cleanupPolicy()).isEmpty();
        });
    }

    @Test
    void withDerivedKeepsDeclaredTopicsFirstAndADeclaredTierWins() {
        List<TopicSpec> all = RetryTopicSpecs.withDerived(config());

        assertThat(all)
                .extracting(TopicSpec::name)
                .containsExactly("orders", "orders-retry-1m", "orders-retry-5s", "orders.DLT");
        assertThat(all.get(1).partitions()).hasValue(2);
    }

    @Test
    void aConsumerWithoutRetryTopicsDerivesNothing() {
        KafkaSdkConfig plain =
                KafkaSdkConfig.loader().environment(Map.of()).yaml("""
                        cluster:
                          bootstrap-servers: b:9092
                        consumers:
                          c:
                            group-id: g
                            topics: [orders]
                        topics:
                          orders:
                            partitions: 3
                        """).load();

        assertThat(RetryTopicSpecs.withDerived(plain))
                .extracting(TopicSpec::name)
                .containsExactly("orders");
        assertThat(RetryTopicSpecs.of(plain.topic("orders"), plain.consumer("c")))
                .isEmpty();
    }

    @Test
    void offlineLintNamesTheUnknownMainTopicTheUndersizedTierAndTheConsumerWithoutTopics() {
        LintReport report =
                ConfigLinter.defaults().lint(LintContext.builder(config()).build());

        List<LintFinding> findings = report.findingsOf("KSDK-L019");
        assertThat(findings)
                .extracting(LintFinding::subject)
                .containsExactlyInAnyOrder("topic 'orders-retry-1m'", "topic 'refunds'", "consumer 'audit'");
        assertThat(findings)
                .filteredOn(f -> f.subject().equals("topic 'orders-retry-1m'"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARN);
                    assertThat(f.message()).contains("2 partitions, fewer than the 6 of 'orders'", "'billing'");
                    assertThat(f.fix()).contains("topics.orders-retry-1m.partitions: 6");
                });
        assertThat(findings)
                .filteredOn(f -> f.subject().equals("topic 'refunds'"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.fix()).contains("declare topics.refunds", "refunds-retry-5s", "refunds.DLT");
                });
        assertThat(findings)
                .filteredOn(f -> f.subject().equals("consumer 'audit'"))
                .singleElement()
                .satisfies(f -> assertThat(f.fix()).contains("consumers.audit.topics"));
    }

    @Test
    void onlineLintWarnsAboutAMissingTierAMissingDeadLetterTopicAndFewerPartitions() {
        LintContext online = LintContext.builder(config())
                .mode(LintContext.Mode.ONLINE)
                .topic(new TopicFacts("orders", 6, 3, Map.of(), true))
                .topic(new TopicFacts("orders-retry-1m", 4, 3, Map.of(), true))
                .build();

        LintReport report = ConfigLinter.defaults().lint(online);

        assertThat(report.findingsOf("KSDK-L019"))
                .extracting(LintFinding::subject)
                .containsExactlyInAnyOrder(
                        "topic 'orders-retry-5s'", "topic 'orders-retry-1m'", "topic 'orders.DLT'", "consumer 'audit'");
        assertThat(finding(report, "topic 'orders-retry-5s'")).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.message()).contains("does not exist", "'orders'", "'billing'");
            assertThat(f.fix()).contains("topics apply", "6 partitions and replication factor 3");
        });
        assertThat(finding(report, "topic 'orders-retry-1m'").message()).contains("4 partitions, fewer than the 6");
        assertThat(finding(report, "topic 'orders.DLT'").message()).contains("dead-letter topic", "does not exist");
    }

    private static LintFinding finding(LintReport report, String subject) {
        return report.findingsOf("KSDK-L019").stream()
                .filter(f -> f.subject().equals(subject))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void onlineLintIsQuietWhenEveryTierHasTheMainTopicsPartitions() {
        LintContext.Builder online = LintContext.builder()
                .mode(LintContext.Mode.ONLINE)
                .consumer(config().consumer("billing"))
                .topic(new TopicFacts("orders", 6, 3, Map.of(), true));
        for (String t : List.of("orders-retry-5s", "orders-retry-1m", "orders.DLT")) {
            online.topic(new TopicFacts(t, 6, 3, Map.of(), true));
        }

        assertThat(ConfigLinter.defaults().lint(online.build()).findingsOf("KSDK-L019"))
                .isEmpty();
    }
}
