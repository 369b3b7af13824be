package dev.kafkasdk.core.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterFeaturesTest {

    /** What a new Kafka 3.9.2 cluster finalizes (read from a real broker). */
    private static final ClusterFeatures KAFKA_3_9 = ClusterFeatures.of(Map.of("metadata.version", (short) 21));

    /** What a new Kafka 4.0.2 cluster finalizes. */
    private static final ClusterFeatures KAFKA_4_0 = ClusterFeatures.of(
            Map.of("metadata.version", (short) 25, "group.version", (short) 1, "transaction.version", (short) 2));

    @Test
    void namesTheReleaseOfTheMetadataVersion() {
        assertThat(KAFKA_3_9.release()).contains("3.9");
        assertThat(KAFKA_4_0.release()).contains("4.0");
        assertThat(ClusterFeatures.of(Map.of("metadata.version", (short) 29)).release())
                .contains("4.2");
        assertThat(ClusterFeatures.of(Map.of("metadata.version", (short) 33)).release())
                .contains("4.4");
        assertThat(ClusterFeatures.of(Map.of()).release()).isEmpty();
        assertThat(ClusterFeatures.of(Map.of()).describe()).contains("ZooKeeper mode");
    }

    @Test
    void consumerProtocolOnKafka39FailsNamingFeatureReleaseClusterAndFix() {
        assertThat(KAFKA_3_9.supports(BrokerFeature.CONSUMER_GROUP_PROTOCOL)).isFalse();
        assertThatThrownBy(() -> KAFKA_3_9.require(BrokerFeature.CONSUMER_GROUP_PROTOCOL))
                .isInstanceOf(UnsupportedBrokerFeatureException.class)
                .hasMessage("The cluster does not support the KIP-848 consumer group protocol"
                        + " (group-protocol: consumer): it needs Kafka 4.0 or newer with group.version >= 1, and the"
                        + " cluster runs Kafka 3.9 (metadata.version 21) with group.version unset. Fix: use"
                        + " group-protocol: classic, or upgrade every broker to Kafka 4.0 or newer and enable the"
                        + " feature with kafka-features.sh --bootstrap-server <servers> upgrade --feature"
                        + " group.version=1.")
                .extracting(e -> ((UnsupportedBrokerFeatureException) e).feature())
                .isEqualTo(BrokerFeature.CONSUMER_GROUP_PROTOCOL);
    }

    @Test
    void aFeatureFinalizedAtLevelZeroIsReportedAsSuch() {
        ClusterFeatures upgraded =
                ClusterFeatures.of(Map.of("metadata.version", (short) 25, "group.version", (short) 0));
        assertThat(upgraded.problem(BrokerFeature.CONSUMER_GROUP_PROTOCOL))
                .hasValueSatisfying(
                        m -> assertThat(m).contains("runs Kafka 4.0 (metadata.version 25) with group.version=0"));
    }

    @Test
    void shareGroupsNeedShareVersion() {
        assertThat(KAFKA_4_0.supports(BrokerFeature.CONSUMER_GROUP_PROTOCOL)).isTrue();
        assertThat(KAFKA_4_0.missing(java.util.List.of(BrokerFeature.values())))
                .containsExactly(BrokerFeature.SHARE_GROUPS, BrokerFeature.STREAMS_GROUPS);
        assertThat(KAFKA_4_0.problem(BrokerFeature.SHARE_GROUPS))
                .hasValueSatisfying(m -> assertThat(m)
                        .startsWith("The cluster does not support share groups (KIP-932 share consumers): it needs"
                                + " Kafka 4.2 or newer with share.version >= 1")
                        .contains("upgrade --feature share.version=1"));
    }

    @Test
    void aDeclaredReleaseGivesTheSameWordsAsTheClustersLevels() {
        String online = KAFKA_3_9.problem(BrokerFeature.CONSUMER_GROUP_PROTOCOL).orElseThrow();
        String declared = ClusterFeatures.problemForRelease(BrokerFeature.CONSUMER_GROUP_PROTOCOL, "3.9")
                .orElseThrow();

        String shared = "The cluster does not support the KIP-848 consumer group protocol (group-protocol: consumer):"
                + " it needs Kafka 4.0 or newer with group.version >= 1, and the cluster runs Kafka 3.9";
        assertThat(online).startsWith(shared);
        assertThat(declared).startsWith(shared + " (cluster.broker-version). Fix: use group-protocol: classic");
        assertThat(ClusterFeatures.problemForRelease(BrokerFeature.SHARE_GROUPS, "4.0.2"))
                .hasValueSatisfying(m -> assertThat(m).contains("it needs Kafka 4.2 or newer with share.version >= 1"));
        assertThat(ClusterFeatures.problemForRelease(BrokerFeature.SHARE_GROUPS, "4.2"))
                .isEmpty();
        assertThat(ClusterFeatures.problemForRelease(BrokerFeature.CONSUMER_GROUP_PROTOCOL, "10.1"))
                .isEmpty();
    }

    @Test
    void aReleaseThatIsNotMajorMinorIsRejectedNamingTheValue() {
        assertThatThrownBy(() -> ClusterFeatures.compareReleases("three-nine", "4.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'three-nine' is not a Kafka release; use major.minor or major.minor.patch, e.g. 3.9");
    }
}
