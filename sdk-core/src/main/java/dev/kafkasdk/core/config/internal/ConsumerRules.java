package dev.kafkasdk.core.config.internal;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.AssignmentStrategy;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.Durations;
import dev.kafkasdk.core.config.GroupProtocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.CLIENT_ID_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.FETCH_MAX_BYTES_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.FETCH_MIN_BYTES_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_INSTANCE_ID_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_PROTOCOL_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.MAX_POLL_RECORDS_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG;

/**
 * Renders {@link ConsumerSettings} as kafka-clients properties and checks them: ranges, raw
 * properties, group id needs, the KIP-848 protocol's forbidden keys and the heartbeat rule.
 * Not part of the API.
 */
public final class ConsumerRules {

    private static final KafkaKeys.Client CLIENT = KafkaKeys.Client.CONSUMER;
    private static final List<String> COMMON_KEYS = List.of(GROUP_ID_CONFIG, GROUP_PROTOCOL_CONFIG,
            AUTO_OFFSET_RESET_CONFIG, ISOLATION_LEVEL_CONFIG, ENABLE_AUTO_COMMIT_CONFIG, AUTO_COMMIT_INTERVAL_MS_CONFIG,
            MAX_POLL_INTERVAL_MS_CONFIG, MAX_POLL_RECORDS_CONFIG, FETCH_MIN_BYTES_CONFIG, FETCH_MAX_WAIT_MS_CONFIG,
            FETCH_MAX_BYTES_CONFIG, MAX_PARTITION_FETCH_BYTES_CONFIG, REQUEST_TIMEOUT_MS_CONFIG,
            GROUP_INSTANCE_ID_CONFIG, CLIENT_ID_CONFIG);
    private static final Map<String, String> BROKER_SIDE = Map.of(
            SESSION_TIMEOUT_MS_CONFIG, "the broker sets the session timeout for the group "
                    + "(group.consumer.session.timeout.ms)",
            HEARTBEAT_INTERVAL_MS_CONFIG, "the broker sets the heartbeat interval for the group "
                    + "(group.consumer.heartbeat.interval.ms)",
            PARTITION_ASSIGNMENT_STRATEGY_CONFIG, "the broker assigns partitions (group.consumer.assignors; "
                    + "a client may only pick one with group.remote.assignor)");

    private ConsumerRules() {
    }

    /**
     * The kafka-clients keys the consumer settings model for a protocol.
     *
     * @param protocol the group protocol
     * @return the keys whose defaults {@code describe()} shows
     */
    public static List<String> typedKeys(GroupProtocol protocol) {
        List<String> keys = new ArrayList<>(COMMON_KEYS);
        if (protocol == GroupProtocol.CLASSIC) {
            keys.addAll(List.of(SESSION_TIMEOUT_MS_CONFIG, HEARTBEAT_INTERVAL_MS_CONFIG));
        }
        return keys;
    }

    /**
     * Renders the settings.
     *
     * @param s the settings
     * @return the property table
     */
    public static PropertyTable render(ConsumerSettings s) {
        ClientRendering r = new ClientRendering(CLIENT, s.name(), s.cluster(), s.origins());
        r.clientId(s.name(), s.origins().containsKey("client-id") ? s.clientId() : Optional.empty(), s.cluster());
        r.typed("group-id", GROUP_ID_CONFIG, s.groupId().orElse(null));
        r.typedOrDefault("group-protocol", GROUP_PROTOCOL_CONFIG, s.groupProtocol().kafkaValue(), null);
        r.typed("auto-offset-reset", AUTO_OFFSET_RESET_CONFIG, s.autoOffsetReset().map(e -> e.kafkaValue()).orElse(null));
        r.typed("isolation-level", ISOLATION_LEVEL_CONFIG, s.isolationLevel().map(e -> e.kafkaValue()).orElse(null));
        r.typedOrDefault("enable-auto-commit", ENABLE_AUTO_COMMIT_CONFIG, s.enableAutoCommit(), false);
        r.typed("auto-commit-interval", AUTO_COMMIT_INTERVAL_MS_CONFIG, s.autoCommitInterval().orElse(null));
        r.typed("session-timeout", SESSION_TIMEOUT_MS_CONFIG, s.sessionTimeout().orElse(null));
        r.typed("heartbeat-interval", HEARTBEAT_INTERVAL_MS_CONFIG, s.heartbeatInterval().orElse(null));
        r.typed("max-poll-interval", MAX_POLL_INTERVAL_MS_CONFIG, s.maxPollInterval().orElse(null));
        r.typed("max-poll-records", MAX_POLL_RECORDS_CONFIG, s.maxPollRecords());
        r.typed("fetch-min-bytes", FETCH_MIN_BYTES_CONFIG, s.fetchMinBytes());
        r.typed("fetch-max-wait", FETCH_MAX_WAIT_MS_CONFIG, s.fetchMaxWait());
        r.typed("fetch-max-bytes", FETCH_MAX_BYTES_CONFIG, s.fetchMaxBytes());
        r.typed("max-partition-fetch-bytes", MAX_PARTITION_FETCH_BYTES_CONFIG, s.maxPartitionFetchBytes());
        r.typed("request-timeout", REQUEST_TIMEOUT_MS_CONFIG, s.requestTimeout().orElse(null));
        r.typed("group-instance-id", GROUP_INSTANCE_ID_CONFIG, s.groupInstanceId().orElse(null));
        r.typedOrDefault("assignment-strategy", PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                s.assignmentStrategy().map(AssignmentStrategy::kafkaValue).orElse(null),
                s.groupProtocol() == GroupProtocol.CLASSIC ? AssignmentStrategy.COOPERATIVE_STICKY.kafkaValue() : null);
        r.raw(s.properties(), "properties");
        return r.table();
    }

    /**
     * Checks the settings.
     *
     * @param s the settings
     * @throws ConfigException listing every problem
     */
    public static void check(ConsumerSettings s) {
        Problems p = new Problems();
        String prefix = "consumers." + s.name() + ".";
        Checks.notBlank(p, prefix + "group-id", s.groupId());
        Checks.notBlank(p, prefix + "group-instance-id", s.groupInstanceId());
        Checks.notBlank(p, prefix + "client-id", s.clientId());
        Checks.duration(p, prefix + "auto-commit-interval", s.autoCommitInterval(), false, true);
        Checks.duration(p, prefix + "session-timeout", s.sessionTimeout(), false, true);
        Checks.duration(p, prefix + "heartbeat-interval", s.heartbeatInterval(), false, true);
        Checks.duration(p, prefix + "max-poll-interval", s.maxPollInterval(), false, true);
        Checks.duration(p, prefix + "fetch-max-wait", Optional.of(s.fetchMaxWait()), true, true);
        Checks.duration(p, prefix + "request-timeout", s.requestTimeout(), false, true);
        Checks.atLeast(p, prefix + "max-poll-records", Optional.of(s.maxPollRecords()), 1);
        Checks.size(p, prefix + "fetch-min-bytes", Optional.of(s.fetchMinBytes()), true, true);
        Checks.size(p, prefix + "fetch-max-bytes", Optional.of(s.fetchMaxBytes()), false, true);
        Checks.size(p, prefix + "max-partition-fetch-bytes", Optional.of(s.maxPartitionFetchBytes()), false, true);
        checkConcurrency(s, prefix, p);
        PropertyTable table = render(s);
        Checks.raw(p, CLIENT, prefix, s.properties(), table);
        checkGroup(table, prefix, p);
        if (s.groupProtocol() == GroupProtocol.CONSUMER) {
            BROKER_SIDE.keySet().stream().sorted().forEach(key -> table.get(key)
                    .filter(e -> e.origin().isExplicit())
                    .ifPresent(e -> p.invalid(e.setting(), e.value(), "is not allowed with group-protocol: consumer "
                            + "(KIP-848): " + BROKER_SIDE.get(key) + "; remove it")));
        } else {
            checkHeartbeat(table, prefix, p);
        }
        p.throwIfAny();
    }

    /** The concurrent-processing settings (issue 13): ranges and the need for a group when instances > 1. */
    private static void checkConcurrency(ConsumerSettings s, String prefix, Problems p) {
        int concurrency = s.concurrency();
        if (concurrency < 1 || concurrency > 10_000) {
            p.invalid(prefix + "concurrency", Integer.toString(concurrency), "must be 1 to 10000 (records handled "
                    + "at once across the consumer)");
        }
        Checks.atLeast(p, prefix + "max-in-flight-per-partition", Optional.of(s.maxInFlightPerPartition()), 1);
        int instances = s.instances();
        if (instances < 1 || instances > 256) {
            p.invalid(prefix + "instances", Integer.toString(instances), "must be 1 to 256 (group members in this "
                    + "process)");
        } else if (instances > 1 && s.groupId().isEmpty()) {
            p.invalid(prefix + "instances", Integer.toString(instances), "needs a group-id: several instances share "
                    + "the partitions through the group; set " + prefix + "group-id or instances: 1");
        }
    }

    private static void checkGroup(PropertyTable table, String prefix, Problems p) {
        if (table.get(GROUP_ID_CONFIG).isPresent()) {
            return;
        }
        table.get(ENABLE_AUTO_COMMIT_CONFIG).filter(e -> Boolean.parseBoolean(e.value().trim()))
                .ifPresent(e -> p.invalid(e.setting(), e.value(), "needs a group-id: offsets are committed for a "
                        + "consumer group; set " + prefix + "group-id, or enable-auto-commit: false for an "
                        + "assign-only consumer"));
        table.get(GROUP_INSTANCE_ID_CONFIG).ifPresent(e -> p.invalid(e.setting(), e.value(),
                "needs a group-id: static membership is for group members; set " + prefix + "group-id"));
    }

    private static void checkHeartbeat(PropertyTable table, String prefix, Problems p) {
        long session = effectiveMs(table, SESSION_TIMEOUT_MS_CONFIG);
        long heartbeat = effectiveMs(table, HEARTBEAT_INTERVAL_MS_CONFIG);
        if (heartbeat * 3 > session) {
            String path = table.get(HEARTBEAT_INTERVAL_MS_CONFIG).filter(e -> e.origin().isExplicit())
                    .map(PropertyTable.Entry::setting).orElse(prefix + "session-timeout");
            String shown = path.endsWith("session-timeout") ? fmt(session) : fmt(heartbeat);
            p.invalid(path, shown, "breaks the rule heartbeat-interval <= session-timeout / 3: heartbeat-interval is "
                    + fmt(heartbeat) + " and session-timeout " + fmt(session) + "; lower the heartbeat interval or "
                    + "raise the session timeout");
        }
    }

    private static long effectiveMs(PropertyTable table, String key) {
        long fallback = CLIENT.defaultLong(key);
        return table.get(key).map(e -> {
            try {
                return Long.parseLong(e.value().trim());
            } catch (NumberFormatException ex) {
                return fallback;
            }
        }).orElse(fallback);
    }

    private static String fmt(long ms) {
        return Durations.format(Duration.ofMillis(ms));
    }
}
