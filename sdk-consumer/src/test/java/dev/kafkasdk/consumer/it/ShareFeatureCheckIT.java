package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.SdkShareConsumer;
import dev.kafkasdk.core.compat.BrokerFeature;
import dev.kafkasdk.core.compat.UnsupportedBrokerFeatureException;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ShareConsumerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.junit.jupiter.api.Test;

/** A share consumer against a broker whose share groups are turned off ({@code share.version=0}). */
@KafkaBroker
class ShareFeatureCheckIT {

    private final KafkaCluster kafka;

    ShareFeatureCheckIT(KafkaCluster kafka) {
        this.kafka = kafka;
    }

    @Test
    void failsAtOnceNamingTheFeatureTheReleaseAndTheFixWhenShareGroupsAreOff() throws Exception {
        // the kit formats 4.4 brokers with share.version on; this class's own broker turns it off
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            admin.updateFeatures(
                            Map.of(
                                    "share.version",
                                    new FeatureUpdate((short) 0, FeatureUpdate.UpgradeType.UNSAFE_DOWNGRADE)),
                            new UpdateFeaturesOptions())
                    .all()
                    .get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !admin.describeFeatures()
                            .featureMetadata()
                            .get()
                            .finalizedFeatures()
                            .containsKey("share.version"));
        }
        String topic = kafka.uniqueTopicName("share-off");
        kafka.createTopic(topic, 1);
        ShareConsumerSettings s = ShareConsumerSettings.builder()
                .name("jobs")
                .cluster(ClusterSettings.of(kafka.bootstrapServers()))
                .groupId("share-" + topic)
                .build();
        SdkShareConsumer<String, String> consumer =
                SdkShareConsumer.create(s, Serdes.string(), Serdes.string(), List.of(topic), r -> {});
        try {
            consumer.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> consumer.state() == ConsumerState.FAILED);
        } finally {
            consumer.close(Duration.ofSeconds(10));
        }
        assertThat(consumer.failureCause()).get().isInstanceOfSatisfying(UnsupportedBrokerFeatureException.class, e -> {
            assertThat(e.feature()).isEqualTo(BrokerFeature.SHARE_GROUPS);
            assertThat(e.getMessage())
                    .contains("Share consumer " + consumer.clientId())
                    .contains("share groups")
                    .contains("Kafka 4.2 or newer")
                    .contains("share.version unset")
                    .contains("kafka-features.sh --bootstrap-server <servers> upgrade --feature share.version=1");
        });
    }
}
