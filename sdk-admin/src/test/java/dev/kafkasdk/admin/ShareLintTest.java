package dev.kafkasdk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.admin.LintContext.BrokerFacts;
import dev.kafkasdk.admin.LintContext.ShareConsumerFacts;
import dev.kafkasdk.core.compat.ClusterFeatures;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ShareConsumerSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The share consumer rules KSDK-L015 to KSDK-L018 against the broker's group.share.* settings. */
class ShareLintTest {

    private static LintReport lint(LintContext.Builder context) {
        return ConfigLinter.defaults().lint(context.build());
    }

    private static ShareConsumerFacts share(Map<String, String> groupConfigs, int attempts) {
        return new ShareConsumerFacts("jobs", "workers", groupConfigs, attempts);
    }

    @Test
    void aShareConsumerWithinTheBrokerDefaultsPassesEveryShareRule() {
        ShareConsumerSettings settings = ShareConsumerSettings.builder()
                .name("jobs")
                .cluster(ClusterSettings.of("127.0.0.1:9092"))
                .groupId("workers")
                .recordLockDuration(Duration.ofSeconds(45))
                .deliveryCountLimit(6)
                .maxDeliveryAttempts(6)
                .build();

        LintReport report = lint(LintContext.builder().shareConsumer(settings));

        // offline with no cluster.broker-version, KSDK-L018 can only note that share groups need Kafka 4.2+
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(report.findingsOf("KSDK-L018")).singleElement();
        assertThat(report.rulesRun()).contains("KSDK-L015", "KSDK-L016", "KSDK-L017", "KSDK-L018");
    }

    @Test
    void l015ALockDurationBelowTheBrokersMinimumIsAnErrorNamingTheRange() {
        LintReport report =
                lint(LintContext.builder().shareConsumer(share(Map.of("share.record.lock.duration.ms", "5000"), 5)));

        assertThat(report.findingsOf("KSDK-L015")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.subject()).isEqualTo("share consumer 'jobs' (group 'workers')");
            assertThat(f.message()).contains("record-lock-duration 5000 ms", "[15000, 60000]");
            assertThat(f.fix()).contains("between 15000 and 60000 ms");
        });
    }

    @Test
    void l015UsesTheBrokersOwnRangeOnline() {
        LintContext.Builder online = LintContext.builder()
                .mode(LintContext.Mode.ONLINE)
                .broker(new BrokerFacts(
                        1,
                        Map.of(
                                "group.share.min.record.lock.duration.ms", "1000",
                                "group.share.max.record.lock.duration.ms", "20000")))
                .shareConsumer(share(Map.of("share.record.lock.duration.ms", "5000"), 5));
        assertThat(lint(online).findingsOf("KSDK-L015")).isEmpty();

        online.shareConsumer(new ShareConsumerFacts("slow", "g2", Map.of("share.record.lock.duration.ms", "30000"), 5));
        assertThat(lint(online).findingsOf("KSDK-L015"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("30000 ms", "[1000, 20000]"));
    }

    @Test
    void l016ADeliveryLimitAboveTheBrokersMaximumIsAnError() {
        LintReport report =
                lint(LintContext.builder().shareConsumer(share(Map.of("share.delivery.count.limit", "12"), 5)));

        assertThat(report.findingsOf("KSDK-L016")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("delivery-count-limit 12", "[2, 10]");
        });
    }

    @Test
    void l017AttemptsAboveTheBrokersDeliveryLimitWarnThatTheDeadLetterPathNeverRuns() {
        LintReport report = lint(LintContext.builder().shareConsumer(share(Map.of(), 8)));

        assertThat(report.findingsOf("KSDK-L017")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.message()).contains("max-delivery-attempts 8", "group.share.delivery.count.limit 5");
            assertThat(f.fix()).contains("at most 5");
        });
        LintReport raisedOnBroker = lint(LintContext.builder()
                .broker(new BrokerFacts(1, Map.of("group.share.delivery.count.limit", "8")))
                .shareConsumer(share(Map.of(), 8)));
        assertThat(raisedOnBroker.findingsOf("KSDK-L017")).isEmpty();
    }

    @Test
    void l018ShareConsumersAgainstAClusterWithoutShareGroupsAreAnError() {
        LintContext.Builder off = LintContext.builder()
                .mode(LintContext.Mode.ONLINE)
                .clusterFeatures(ClusterFeatures.of(Map.of("metadata.version", (short) 31)))
                .shareConsumer(share(Map.of(), 5));

        assertThat(lint(off).findingsOf("KSDK-L018")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("share groups", "Kafka 4.2 or newer", "share.version unset");
            assertThat(f.fix()).contains("share.version=1");
        });
        LintContext.Builder on = LintContext.builder()
                .mode(LintContext.Mode.ONLINE)
                .clusterFeatures(ClusterFeatures.of(Map.of("metadata.version", (short) 31, "share.version", (short) 1)))
                .shareConsumer(share(Map.of(), 5));
        assertThat(lint(on).findingsOf("KSDK-L018")).isEmpty();
    }
}
