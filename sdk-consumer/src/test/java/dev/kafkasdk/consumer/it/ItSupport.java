package dev.kafkasdk.consumer.it;

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

    static ConsumerSettings.Builder settings(String bootstrap, String group, GroupProtocol protocol) {
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
