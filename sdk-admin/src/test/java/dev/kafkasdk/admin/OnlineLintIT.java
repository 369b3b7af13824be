package dev.kafkasdk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Online lint reads broker and topic configuration that the config file does not contain. */
@KafkaBroker(brokerProperties = {"log.flush.interval.messages=10000"})
class OnlineLintIT {

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

    @Test
    void onlineLintFindsWhatOnlyTheClusterKnows(KafkaCluster kafka) {
        String existing = kafka.uniqueTopicName("lint-existing");
        String planned = kafka.uniqueTopicName("lint-planned");
        kafka.createTopic(existing, 2, 1, Map.of("flush.ms", "1000", "min.insync.replicas", "2"));
        KafkaSdkConfig config = KafkaSdkConfig.loader()
                .environment(Map.of())
                .yaml("""
                cluster:
                  bootstrap-servers: "%s"
                producers:
                  events:
                    acks: all
                topics:
                  %s:
                    partitions: 2
                    replication-factor: 1
                  %s:
                    partitions: 3
                    replication-factor: 3
                    min-insync-replicas: 2
                """.formatted(kafka.bootstrapServers(), existing, planned))
                .load();
        LintContext offline = LintContext.builder(config).build();

        LintReport offlineReport = ConfigLinter.defaults().lint(offline);
        LintReport online = ConfigLinter.defaults().lint(admin.cluster().lintContext(offline));

        assertThat(offlineReport.findingsOf("KSDK-L007")).isEmpty();
        assertThat(offlineReport.findingsOf("KSDK-L013")).isEmpty();
        assertThat(online.mode()).isEqualTo(LintContext.Mode.ONLINE);
        assertThat(online.findingsOf("KSDK-L007"))
                .singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("topic '" + planned + "'"));
        assertThat(online.findingsOf("KSDK-L008"))
                .singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("topic '" + existing + "'"));
        assertThat(online.findingsOf("KSDK-L013"))
                .extracting(LintFinding::subject)
                .containsExactly("broker 0", "topic '" + existing + "'");
        assertThat(online.hasErrors()).isTrue();
    }

    @Test
    void withoutConfiguredTopicsOnlineLintChecksEveryClusterTopic(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("lint-all");
        kafka.createTopic(topic, 1, 1, Map.of("flush.messages", "1"));

        LintReport report = ConfigLinter.defaults()
                .lint(admin.cluster().lintContext(LintContext.builder().build()));

        assertThat(report.findingsOf("KSDK-L013"))
                .extracting(LintFinding::subject)
                .contains("topic '" + topic + "'");
        assertThat(report.findings()).noneMatch(f -> f.subject().contains("__consumer_offsets"));
    }
}
