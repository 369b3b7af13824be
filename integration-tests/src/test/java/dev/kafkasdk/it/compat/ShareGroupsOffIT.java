package dev.kafkasdk.it.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.admin.ConfigLinter;
import dev.kafkasdk.admin.LintContext;
import dev.kafkasdk.admin.LintFinding;
import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.SdkShareConsumer;
import dev.kafkasdk.core.compat.BrokerFeature;
import dev.kafkasdk.core.compat.ClusterFeatures;
import dev.kafkasdk.core.compat.UnsupportedBrokerFeatureException;
import dev.kafkasdk.core.config.AdminSettings;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ShareConsumerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Kafka 4.4 cluster with share groups turned off ({@code share.version=0}, as a cluster upgraded from
 * 4.0 or one whose operator disabled them): the share consumer fails at start, the admin's share-group
 * calls fail at once, and online lint reports it, all in the same words naming the feature, the release
 * and feature level it needs, what the cluster runs and the fix. The same errors on real 3.9 and 4.0
 * brokers are in the {@code -Pcompat} matrix ({@link BrokerCompatibilityIT}).
 */
@KafkaBroker
class ShareGroupsOffIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROBLEM = "The cluster does not support share groups (KIP-932 share consumers): it"
            + " needs Kafka 4.2 or newer with share.version >= 1, and the cluster runs Kafka 4.4 (metadata.version ";
    private static final String FIX = ". Fix: upgrade every broker to Kafka 4.2 or newer and"
            + " enable the feature with kafka-features.sh --bootstrap-server <servers> upgrade --feature"
            + " share.version=1.";

    @BeforeAll
    static void turnShareGroupsOff(KafkaCluster kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.updateFeatures(
                            Map.of(
                                    "share.version",
                                    new FeatureUpdate((short) 0, FeatureUpdate.UpgradeType.SAFE_DOWNGRADE)),
                            new UpdateFeaturesOptions())
                    .all()
                    .get();
            await().atMost(WAIT)
                    .until(() -> !ClusterFeatures.detect(admin, WAIT).supports(BrokerFeature.SHARE_GROUPS));
        }
    }

    private static ClusterSettings cluster(KafkaCluster kafka) {
        return ClusterSettings.of(kafka.bootstrapServers());
    }

    @Test
    void aShareConsumerFailsAtStartNamingTheFeatureTheReleaseAndTheFix(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("share-off");
        kafka.createTopic(topic, 1);
        ShareConsumerSettings settings = ShareConsumerSettings.builder()
                .name("jobs")
                .cluster(cluster(kafka))
                .groupId(topic + "-share")
                .build();
        SdkShareConsumer<String, String> consumer =
                SdkShareConsumer.create(settings, Serdes.string(), Serdes.string(), List.of(topic), r -> {});
        try {
            consumer.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> consumer.state() == ConsumerState.FAILED);
            assertThat(consumer.failureCause())
                    .get()
                    .isInstanceOf(UnsupportedBrokerFeatureException.class)
                    .satisfies(e -> assertThat(((UnsupportedBrokerFeatureException) e).feature())
                            .isEqualTo(BrokerFeature.SHARE_GROUPS))
                    .extracting(Throwable::getMessage)
                    .asString()
                    .startsWith("Share consumer " + consumer.clientId() + ": " + PROBLEM)
                    .endsWith(FIX);
        } finally {
            consumer.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void theAdminsShareGroupCallsFailAtOnceInTheSameWords(KafkaCluster kafka) {
        try (SdkAdmin admin = SdkAdmin.create(AdminSettings.defaults(cluster(kafka)))) {
            assertThatThrownBy(() -> admin.shareGroups().list())
                    .isInstanceOf(UnsupportedBrokerFeatureException.class)
                    .hasMessageStartingWith("Cannot list share groups: " + PROBLEM)
                    .hasMessageEndingWith(FIX);
            assertThatThrownBy(() -> admin.shareGroups().describe("jobs"))
                    .isInstanceOf(UnsupportedBrokerFeatureException.class)
                    .hasMessageStartingWith("Cannot describe share group 'jobs': " + PROBLEM);
        }
    }

    @Test
    void onlineLintReportsTheShareConsumerAsAnErrorInTheSameWords(KafkaCluster kafka) {
        try (SdkAdmin admin = SdkAdmin.create(AdminSettings.defaults(cluster(kafka)))) {
            LintContext online = admin.cluster()
                    .lintContext(LintContext.builder()
                            .shareConsumer(new LintContext.ShareConsumerFacts("jobs", "jobs", Map.of(), 5))
                            .build());

            List<LintFinding> findings = ConfigLinter.defaults().lint(online).findingsOf("KSDK-L018");

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.subject()).isEqualTo("share consumer 'jobs'");
                assertThat(f.message()).startsWith(PROBLEM).endsWith(FIX);
            });
        }
    }
}
