package dev.kafkasdk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.admin.LintContext.BrokerFacts;
import dev.kafkasdk.admin.LintContext.ClientFacts;
import dev.kafkasdk.admin.LintContext.TopicFacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One failing case per built-in rule, plus the settings that pass every rule. */
class ConfigLinterTest {

    private final ConfigLinter linter = ConfigLinter.defaults();

    private static ClientFacts producer(Map<String, String> props) {
        return new ClientFacts("p", props);
    }

    private static ClientFacts consumer(Map<String, String> props) {
        return new ClientFacts("c", props);
    }

    private static TopicFacts durableTopic(Map<String, String> configs) {
        return new TopicFacts("orders", 6, 3, configs, false);
    }

    /** Settings that follow every rule: acks=all, RF 3, min ISR 2, consistent sizes, classic timeouts. */
    private static LintContext.Builder clean() {
        return LintContext.builder()
                .producer(producer(Map.of("acks", "all", "max.request.size", "1048576")))
                .consumer(consumer(Map.of("session.timeout.ms", "45000", "heartbeat.interval.ms", "3000")))
                .topic(durableTopic(Map.of("min.insync.replicas", "2")))
                .brokerCount(3);
    }

    private LintReport lint(LintContext.Builder context) {
        return linter.lint(context.build());
    }

    @Test
    void durableConsistentSettingsPassEveryRule() {
        LintReport report = lint(clean());

        assertThat(report.findings()).isEmpty();
        assertThat(report.rulesRun()).hasSize(19).first().isEqualTo("KSDK-L001");
    }

    @Test
    void l001ProducerRequestLargerThanTopicMaxMessageBytes() {
        LintReport report = lint(clean().producer(producer(Map.of("max.request.size", "5242880")))
                .topic(durableTopic(Map.of("min.insync.replicas", "2", "max.message.bytes", "2097152"))));

        assertThat(report.findingsOf("KSDK-L001")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("max.request.size=5242880 (5 MiB)", "topic 'orders' (2097152)");
            assertThat(f.fix()).contains("lower max.request.size to 2097152");
        });
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void l001ComparesWithTheBrokerWhenNoTopicIsConfigured() {
        LintReport report = lint(LintContext.builder()
                .producer(producer(Map.of("acks", "1", "max.request.size", "2000000")))
                .broker(new BrokerFacts(1, Map.of("message.max.bytes", "1000000"))));

        assertThat(report.findingsOf("KSDK-L001"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("the broker (message.max.bytes) (1000000)"));
    }

    @Test
    void l002ConsumerFetchMaxBytesBelowTheLargestBatch() {
        LintReport report = lint(
                clean().consumer(consumer(Map.of("fetch.max.bytes", "1048576", "max.partition.fetch.bytes", "8388608")))
                        .topic(durableTopic(Map.of("min.insync.replicas", "2", "max.message.bytes", "8388608"))));

        assertThat(report.findingsOf("KSDK-L002"))
                .extracting(LintFinding::severity)
                .containsExactly(Severity.WARN, Severity.INFO);
    }

    @Test
    void l003ConsumerPartitionFetchBelowTheLargestBatch() {
        LintReport report =
                lint(clean().topic(durableTopic(Map.of("min.insync.replicas", "2", "max.message.bytes", "4194304"))));

        assertThat(report.findingsOf("KSDK-L003")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.fix()).contains("at least 4194304");
        });
    }

    @Test
    void l004AcksAllWithMinIsrOfOne() {
        LintReport report = lint(clean().topic(durableTopic(Map.of())));

        assertThat(report.findingsOf("KSDK-L004")).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("topic 'orders'");
            assertThat(f.message()).contains("min.insync.replicas=1");
        });
    }

    @Test
    void l004ReadsTheBrokerDefaultMinIsrOnline() {
        LintReport inherited = lint(
                clean().topic(durableTopic(Map.of())).broker(new BrokerFacts(1, Map.of("min.insync.replicas", "2"))));

        assertThat(inherited.findingsOf("KSDK-L004")).isEmpty();
    }

    @Test
    void l005AcksAllWithReplicationBelowThree() {
        LintReport report =
                lint(clean().topic(new TopicFacts("orders", 6, 2, Map.of("min.insync.replicas", "2"), false)));

        assertThat(report.findingsOf("KSDK-L005"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("replication factor 2"));
    }

    @Test
    void l006UncleanLeaderElectionOnADurableTopic() {
        LintReport report = lint(clean().topic(
                        durableTopic(Map.of("min.insync.replicas", "2", "unclean.leader.election.enable", "true"))));

        assertThat(report.findingsOf("KSDK-L006"))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void l006IgnoresASingleReplicaTopicWithoutDurabilityDemands() {
        LintReport report = lint(LintContext.builder()
                .producer(producer(Map.of("acks", "1")))
                .topic(new TopicFacts("scratch", 1, 1, Map.of("unclean.leader.election.enable", "true"), false)));

        assertThat(report.findingsOf("KSDK-L006")).isEmpty();
    }

    @Test
    void l007ReplicationFactorAboveTheBrokerCount() {
        LintReport report = lint(clean().brokerCount(2));

        assertThat(report.findingsOf("KSDK-L007"))
                .singleElement()
                .satisfies(f -> assertThat(f.fix()).contains("at most 2"));
    }

    @Test
    void l008MinIsrAboveTheReplicationFactor() {
        LintReport report = lint(clean().topic(durableTopic(Map.of("min.insync.replicas", "4"))));

        assertThat(report.findingsOf("KSDK-L008"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("NotEnoughReplicas"));
    }

    @Test
    void l009HeartbeatMoreThanAThirdOfTheSessionTimeout() {
        LintReport report = lint(
                clean().consumer(consumer(Map.of("session.timeout.ms", "10000", "heartbeat.interval.ms", "5000"))));

        assertThat(report.findingsOf("KSDK-L009"))
                .singleElement()
                .satisfies(f -> assertThat(f.fix()).contains("at most 3333"));
    }

    @Test
    void l010SessionTimeoutOutsideTheBrokerRangeOrBelowGcPauses() {
        LintReport belowBrokerMinimum =
                lint(clean().consumer(consumer(Map.of("session.timeout.ms", "3000", "heartbeat.interval.ms", "1000"))));
        assertThat(belowBrokerMinimum.findingsOf("KSDK-L010"))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));

        LintReport belowGcFloor =
                lint(clean().consumer(consumer(Map.of("session.timeout.ms", "2000", "heartbeat.interval.ms", "500")))
                        .broker(new BrokerFacts(1, Map.of("group.min.session.timeout.ms", "1000"))));
        assertThat(belowGcFloor.findingsOf("KSDK-L010"))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARN));
    }

    @Test
    void l011ConsumerProtocolWithClientSideLivenessSettings() {
        LintReport report = lint(clean().consumer(consumer(
                Map.of("group.protocol", "consumer", "session.timeout.ms", "45000", "heartbeat.interval.ms", "3000"))));

        assertThat(report.findingsOf("KSDK-L011")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("session.timeout.ms, heartbeat.interval.ms");
        });
        assertThat(report.findingsOf("KSDK-L009")).isEmpty();
    }

    @Test
    void l012PartitionsPerBrokerAboveTheBudget() {
        assertThat(lint(clean().partitionBudgetPerBroker(6)).findingsOf("KSDK-L012"))
                .isEmpty();
        LintReport offline = lint(clean().partitionBudgetPerBroker(5));
        assertThat(offline.findingsOf("KSDK-L012"))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .contains("about 6 partition replicas per broker on 3 brokers", "above the budget of 5"));

        LintReport online = lint(clean().replicasPerBroker(Map.of(1, 2_100, 2, 1_500, 3, 1_500)));
        assertThat(online.findingsOf("KSDK-L012"))
                .singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("broker 1"));
    }

    @Test
    void l013ForcedFlushOnTheBrokerOrTopic() {
        LintReport report = lint(clean().topic(durableTopic(Map.of("min.insync.replicas", "2", "flush.messages", "1")))
                .broker(new BrokerFacts(
                        1,
                        Map.of(
                                "log.flush.interval.ms",
                                "1000",
                                "log.flush.interval.messages",
                                Long.toString(Long.MAX_VALUE)))));

        assertThat(report.findingsOf("KSDK-L013"))
                .extracting(LintFinding::subject)
                .containsExactly("broker 1", "topic 'orders'");
    }

    @Test
    void reportSortsBySeverityAndLinterCanDropRules() {
        LintContext context =
                clean().brokerCount(2).topic(durableTopic(Map.of())).build();
        LintReport report = linter.lint(context);

        assertThat(report.findings()).extracting(LintFinding::severity).isSortedAccordingTo(Enum::compareTo);
        assertThat(linter.without(List.of("KSDK-L004", "KSDK-L007"))
                        .lint(context)
                        .findings())
                .isEmpty();
    }

    @Test
    void rejectsTwoRulesWithTheSameId() {
        LintRule rule = linter.rules().get(0);
        assertThatThrownBy(() -> linter.with(rule)).hasMessageContaining("KSDK-L001");
    }

    @Test
    void consumerProtocolAgainstAKafka3ClusterIsAnErrorWithTheConsumersStartMessage() {
        LintContext kafka39 = LintContext.builder()
                .mode(LintContext.Mode.ONLINE)
                .consumer(consumer(Map.of("group.protocol", "consumer")))
                .clusterFeatures(dev.kafkasdk.core.compat.ClusterFeatures.of(Map.of("metadata.version", (short) 21)))
                .build();

        assertThat(ConfigLinter.defaults().lint(kafka39).findingsOf("KSDK-L014"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.subject()).isEqualTo("consumer 'c'");
                    assertThat(f.message())
                            .startsWith("The cluster does not support the KIP-848 consumer group protocol"
                                    + " (group-protocol: consumer): it needs Kafka 4.0 or newer with group.version >= 1,"
                                    + " and the cluster runs Kafka 3.9");
                    assertThat(f.fix()).startsWith("use group-protocol: classic");
                });
    }

    @Test
    void consumerProtocolOfflineIsANoteAndOnA40ClusterNothing() {
        LintContext offline = LintContext.builder()
                .consumer(consumer(Map.of("group.protocol", "consumer")))
                .build();
        assertThat(ConfigLinter.defaults().lint(offline).findingsOf("KSDK-L014"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.message()).contains("needs brokers of Kafka 4.0 or newer with group.version >= 1");
                });

        LintContext kafka40 = offline.toBuilder()
                .mode(LintContext.Mode.ONLINE)
                .clusterFeatures(dev.kafkasdk.core.compat.ClusterFeatures.of(
                        Map.of("metadata.version", (short) 25, "group.version", (short) 1)))
                .build();
        assertThat(ConfigLinter.defaults().lint(kafka40).findingsOf("KSDK-L014"))
                .isEmpty();
    }

    @Test
    void aDeclaredKafka39ReleaseMakesTheOfflineFindingsErrorsInTheOnlineWords() {
        LintContext offline = LintContext.builder()
                .brokerRelease("3.9")
                .consumer(consumer(Map.of("group.protocol", "consumer")))
                .shareConsumer(new LintContext.ShareConsumerFacts("jobs", "jobs", Map.of(), 5))
                .build();
        LintContext online = LintContext.builder()
                .mode(LintContext.Mode.ONLINE)
                .consumer(consumer(Map.of("group.protocol", "consumer")))
                .shareConsumer(new LintContext.ShareConsumerFacts("jobs", "jobs", Map.of(), 5))
                .clusterFeatures(dev.kafkasdk.core.compat.ClusterFeatures.of(Map.of("metadata.version", (short) 21)))
                .build();

        LintReport offlineReport = ConfigLinter.defaults().lint(offline);
        LintReport onlineReport = ConfigLinter.defaults().lint(online);

        for (String rule : List.of("KSDK-L014", "KSDK-L018")) {
            LintFinding declared = offlineReport.findingsOf(rule).get(0);
            LintFinding read = onlineReport.findingsOf(rule).get(0);
            assertThat(declared.severity()).isEqualTo(Severity.ERROR);
            assertThat(read.severity()).isEqualTo(Severity.ERROR);
            assertThat(declared.subject()).isEqualTo(read.subject());
            assertThat(declared.fix()).isEqualTo(read.fix());
            String common = read.message().substring(0, read.message().indexOf(" (metadata.version"));
            assertThat(declared.message()).startsWith(common + " (cluster.broker-version). Fix: ");
        }
        assertThat(offlineReport.findingsOf("KSDK-L018").get(0).message())
                .startsWith("The cluster does not support share groups (KIP-932 share consumers): it needs Kafka 4.2"
                        + " or newer with share.version >= 1, and the cluster runs Kafka 3.9");
    }

    @Test
    void aDeclaredReleaseThatHasTheFeaturesGivesNoFeatureFinding() {
        LintContext kafka42 = LintContext.builder()
                .brokerRelease("4.2.2")
                .consumer(consumer(Map.of("group.protocol", "consumer")))
                .shareConsumer(new LintContext.ShareConsumerFacts("jobs", "jobs", Map.of(), 5))
                .build();

        LintReport report = ConfigLinter.defaults().lint(kafka42);

        assertThat(report.findingsOf("KSDK-L014")).isEmpty();
        assertThat(report.findingsOf("KSDK-L018")).isEmpty();
    }

    @Test
    void theConfigFilesBrokerVersionReachesOfflineLint() {
        dev.kafkasdk.core.config.KafkaSdkConfig config =
                dev.kafkasdk.core.config.KafkaSdkConfig.loader().yaml("""
                        cluster:
                          bootstrap-servers: b:9092
                          broker-version: "4.0"
                        share-consumers:
                          jobs:
                            group-id: jobs
                        """).load();

        LintReport report =
                ConfigLinter.defaults().lint(LintContext.builder(config).build());

        assertThat(report.findingsOf("KSDK-L018"))
                .singleElement()
                .satisfies(
                        f -> assertThat(f.message()).contains("the cluster runs Kafka 4.0 (cluster.broker-version)"));
    }
}
