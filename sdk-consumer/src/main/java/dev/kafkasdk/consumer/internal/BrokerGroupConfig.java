package dev.kafkasdk.consumer.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the broker-side session timeout and heartbeat interval of KIP-848 consumer groups with
 * {@code describeConfigs}: the group's own {@code consumer.session.timeout.ms} /
 * {@code consumer.heartbeat.interval.ms} when set, else the broker's
 * {@code group.consumer.session.timeout.ms} / {@code group.consumer.heartbeat.interval.ms}.
 */
final class BrokerGroupConfig {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerGroupConfig.class);

    static final String BROKER_SESSION = "group.consumer.session.timeout.ms";
    static final String BROKER_HEARTBEAT = "group.consumer.heartbeat.interval.ms";
    static final String GROUP_SESSION = "consumer.session.timeout.ms";
    static final String GROUP_HEARTBEAT = "consumer.heartbeat.interval.ms";

    /** The values read; empty where they could not be read. */
    record Timeouts(Optional<Duration> session, Optional<Duration> heartbeat) {
        static final Timeouts UNKNOWN = new Timeouts(Optional.empty(), Optional.empty());
    }

    private BrokerGroupConfig() {}

    static Timeouts read(Admin admin, Optional<String> groupId, Duration timeout) {
        try {
            Collection<Node> nodes = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                return Timeouts.UNKNOWN;
            }
            ConfigResource broker = new ConfigResource(
                    ConfigResource.Type.BROKER,
                    Integer.toString(nodes.iterator().next().id()));
            Config brokerConfig = admin.describeConfigs(List.of(broker))
                    .all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .get(broker);
            Optional<Duration> brokerSession = millis(brokerConfig, BROKER_SESSION);
            Optional<Duration> brokerHeartbeat = millis(brokerConfig, BROKER_HEARTBEAT);
            Optional<Config> group = groupId.flatMap(id -> groupConfig(admin, id, timeout));
            return new Timeouts(
                    group.flatMap(c -> explicitMillis(c, GROUP_SESSION)).or(() -> brokerSession),
                    group.flatMap(c -> explicitMillis(c, GROUP_HEARTBEAT)).or(() -> brokerHeartbeat));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Timeouts.UNKNOWN;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.info(
                    "Cannot read the broker's consumer group timeouts ({}); assuming the broker defaults",
                    e.toString());
            return Timeouts.UNKNOWN;
        }
    }

    private static Optional<Config> groupConfig(Admin admin, String groupId, Duration timeout) {
        ConfigResource group = new ConfigResource(ConfigResource.Type.GROUP, groupId);
        try {
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(List.of(group)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.ofNullable(configs.get(group));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debug("No group-level config for {} ({})", groupId, e.toString());
            return Optional.empty();
        }
    }

    private static Optional<Duration> millis(Config config, String key) {
        ConfigEntry entry = config == null ? null : config.get(key);
        if (entry == null || entry.value() == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Long.parseLong(entry.value().trim())));
    }

    private static Optional<Duration> explicitMillis(Config config, String key) {
        ConfigEntry entry = config.get(key);
        if (entry == null || entry.source() != ConfigEntry.ConfigSource.DYNAMIC_GROUP_CONFIG) {
            return Optional.empty();
        }
        return millis(config, key);
    }
}
