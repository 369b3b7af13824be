package dev.kafkasdk.consumer.it;

import dev.kafkasdk.core.compat.BrokerFeature;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.config.OffsetReset;
import java.time.Duration;

/** Settings shared by the integration tests: short liveness timeouts so rebalances are quick. */
final class ItSupport {

    /** Broker settings that let KIP-848 groups expire dead members as fast as classic ones. */
    static final String GROUP_TIMEOUTS_1 = "group.consumer.min.session.timeout.ms=6000";

    static final String GROUP_TIMEOUTS_2 = "group.consumer.session.timeout.ms=6000";
    static final String GROUP_TIMEOUTS_3 = "group.consumer.min.heartbeat.interval.ms=500";
    static final String GROUP_TIMEOUTS_4 = "group.consumer.heartbeat.interval.ms=1000";

    private ItSupport() {}

    /**
     * Consumer settings for a test; a {@link GroupProtocol#CONSUMER} test is skipped (assumption naming
     * the feature) on a cluster without the KIP-848 protocol, such as Kafka 3.9 in the -Pcompat matrix.
     */
    static ConsumerSettings.Builder settings(String bootstrap, String group, GroupProtocol protocol) {
        if (protocol == GroupProtocol.CONSUMER && group != null) {
            BrokerAssumptions.assumeSupported(bootstrap, BrokerFeature.CONSUMER_GROUP_PROTOCOL);
        }
        ConsumerSettings.Builder builder = ConsumerSettings.builder()
                .name("it")
                .cluster(ClusterSettings.of(bootstrap))
                .groupProtocol(protocol)
                .autoOffsetReset(OffsetReset.EARLIEST)
                .maxPollRecords(10);
        if (group != null) {
            builder.groupId(group);
        }
        if (protocol == GroupProtocol.CLASSIC) {
            builder.sessionTimeout(Duration.ofSeconds(6)).heartbeatInterval(Duration.ofSeconds(1));
        }
        return builder;
    }
}
