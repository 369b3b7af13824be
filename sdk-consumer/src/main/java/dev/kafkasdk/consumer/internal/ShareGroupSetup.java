package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.compat.BrokerFeature;
import dev.kafkasdk.core.compat.ClusterFeatures;
import dev.kafkasdk.core.compat.UnsupportedBrokerFeatureException;
import dev.kafkasdk.core.config.ShareConsumerSettings;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a share consumer does with an admin client before it subscribes, on its poll thread: checks
 * that the cluster has share groups turned on ({@link BrokerFeature#SHARE_GROUPS}), sets the share
 * group configs its settings ask for, and reads the group's acquisition lock duration (group config
 * {@code share.record.lock.duration.ms}, else the broker's {@code group.share.record.lock.duration.ms})
 * that lock renewal is timed against. Each step waits a bounded time.
 */
final class ShareGroupSetup {

    static final String GROUP_LOCK_DURATION = "share.record.lock.duration.ms";
    static final String BROKER_LOCK_DURATION = "group.share.record.lock.duration.ms";
    /** Kafka's default {@code group.share.record.lock.duration.ms}. */
    static final Duration BROKER_DEFAULT_LOCK = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(ShareGroupSetup.class);
    private static final Duration FEATURE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration GROUP_CONFIG_TIMEOUT = Duration.ofSeconds(30);

    private ShareGroupSetup() {}

    /**
     * Runs the three steps.
     *
     * @param admin an admin client of the cluster; used, not closed
     * @param settings the share consumer's settings
     * @param clientId names the consumer in messages
     * @return the group's acquisition lock duration
     * @throws UnsupportedBrokerFeatureException if the cluster lacks share groups
     * @throws IllegalStateException if the group configs could not be set
     */
    static Duration run(Admin admin, ShareConsumerSettings settings, String clientId) {
        checkFeature(admin, clientId);
        applyGroupConfigs(admin, settings);
        return lockDuration(admin, settings, clientId);
    }

    /** Fails at once when share groups are off; starts anyway when the cluster cannot tell. */
    static void checkFeature(Admin admin, String clientId) {
        ClusterFeatures features;
        try {
            features = ClusterFeatures.detect(admin, FEATURE_TIMEOUT);
        } catch (KafkaSdkException e) {
            LOG.info(
                    "Share consumer {}: cannot read the cluster's features ({}); starting without the check",
                    clientId,
                    e.getMessage());
            return;
        }
        Optional<String> problem = features.problem(BrokerFeature.SHARE_GROUPS);
        if (problem.isPresent()) {
            throw new UnsupportedBrokerFeatureException(
                    BrokerFeature.SHARE_GROUPS, "Share consumer " + clientId + ": " + problem.get());
        }
    }

    private static void applyGroupConfigs(Admin admin, ShareConsumerSettings settings) {
        Map<String, String> configs = settings.groupConfigs();
        if (configs.isEmpty()) {
            return;
        }
        ConfigResource group = new ConfigResource(ConfigResource.Type.GROUP, settings.groupId());
        List<AlterConfigOp> ops = configs.entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        Map<ConfigResource, Collection<AlterConfigOp>> request = Map.of(group, ops);
        try {
            admin.incrementalAlterConfigs(request).all().get(GROUP_CONFIG_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting share group configs", e);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "could not set the share group configs " + configs + " of group '" + settings.groupId()
                            + "' within " + GROUP_CONFIG_TIMEOUT.toSeconds() + "s: " + e,
                    e);
        }
    }

    /** The group's lock duration as the broker reports it; the settings' or Kafka's default if it cannot. */
    static Duration lockDuration(Admin admin, ShareConsumerSettings settings, String clientId) {
        Duration fallback = settings.recordLockDuration().orElse(BROKER_DEFAULT_LOCK);
        try {
            ConfigResource group = new ConfigResource(ConfigResource.Type.GROUP, settings.groupId());
            Optional<Long> fromGroup = read(admin, group, GROUP_LOCK_DURATION);
            if (fromGroup.isPresent()) {
                return Duration.ofMillis(fromGroup.get());
            }
            Collection<Node> nodes = admin.describeCluster(
                            new DescribeClusterOptions().timeoutMs((int) READ_TIMEOUT.toMillis()))
                    .nodes()
                    .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!nodes.isEmpty()) {
                ConfigResource broker = new ConfigResource(
                        ConfigResource.Type.BROKER,
                        Integer.toString(nodes.iterator().next().id()));
                Optional<Long> fromBroker = read(admin, broker, BROKER_LOCK_DURATION);
                if (fromBroker.isPresent()) {
                    return Duration.ofMillis(fromBroker.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        } catch (Exception e) {
            LOG.info(
                    "Share consumer {}: cannot read the acquisition lock duration ({}); renewing against {} ms",
                    clientId,
                    e.toString(),
                    fallback.toMillis());
        }
        return fallback;
    }

    private static Optional<Long> read(Admin admin, ConfigResource resource, String name) throws Exception {
        Config config = admin.describeConfigs(
                        List.of(resource), new DescribeConfigsOptions().timeoutMs((int) READ_TIMEOUT.toMillis()))
                .all()
                .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .get(resource);
        ConfigEntry entry = config == null ? null : config.get(name);
        if (entry == null || entry.value() == null || entry.value().isBlank()) {
            return Optional.empty();
        }
        long millis = Long.parseLong(entry.value().trim());
        return millis > 0 ? Optional.of(millis) : Optional.empty();
    }
}
