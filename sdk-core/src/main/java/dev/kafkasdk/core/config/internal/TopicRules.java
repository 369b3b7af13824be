package dev.kafkasdk.core.config.internal;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.TopicSpec;
import org.apache.kafka.common.config.TopicConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Renders and checks {@link TopicSpec}. Not part of the API.
 */
public final class TopicRules {

    private TopicRules() {
    }

    /**
     * The topic configs of a spec.
     *
     * @param t the spec
     * @return typed configs, then raw ones, sorted by name
     */
    public static Map<String, String> render(TopicSpec t) {
        Map<String, String> configs = new TreeMap<>(typed(t));
        configs.putAll(t.configs());
        return configs;
    }

    private static Map<String, String> typed(TopicSpec t) {
        Map<String, String> m = new LinkedHashMap<>();
        t.minInsyncReplicas().ifPresent(v -> m.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(v)));
        t.retention().ifPresent(v -> m.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(v.toMillis())));
        t.retentionBytes().ifPresent(v -> m.put(TopicConfig.RETENTION_BYTES_CONFIG, Long.toString(v.toBytes())));
        t.cleanupPolicy().ifPresent(v -> m.put(TopicConfig.CLEANUP_POLICY_CONFIG, v.kafkaValue()));
        t.compressionType().ifPresent(v -> m.put(TopicConfig.COMPRESSION_TYPE_CONFIG, v.kafkaValue()));
        t.maxMessageBytes().ifPresent(v -> m.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Long.toString(v.toBytes())));
        t.uncleanLeaderElection().ifPresent(v -> m.put(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG,
                Boolean.toString(v)));
        return m;
    }

    /**
     * Checks a spec.
     *
     * @param t the spec
     * @throws ConfigException listing every problem
     */
    public static void check(TopicSpec t) {
        Problems p = new Problems();
        String prefix = "topics." + t.name() + ".";
        if (t.name().isBlank()) {
            p.invalid("topics", t.name(), "is not a valid topic name");
        }
        Optional<Integer> rf = boxed(t.replicationFactor());
        Checks.atLeast(p, prefix + "partitions", boxed(t.partitions()), 1);
        Checks.atLeast(p, prefix + "replication-factor", rf, 1);
        rf.filter(v -> v > Short.MAX_VALUE).ifPresent(v -> p.invalid(prefix + "replication-factor", v.toString(),
                "is more than " + Short.MAX_VALUE + ", the largest replication factor Kafka accepts"));
        Checks.atLeast(p, prefix + "min-insync-replicas", boxed(t.minInsyncReplicas()), 1);
        if (rf.isPresent() && t.minInsyncReplicas().isPresent() && t.minInsyncReplicas().getAsInt() > rf.get()) {
            p.invalid(prefix + "min-insync-replicas", Integer.toString(t.minInsyncReplicas().getAsInt()),
                    "is more than replication-factor (" + rf.get() + "): acks=all writes could never succeed; use at "
                            + "most " + rf.get() + " (usually replication-factor - 1)");
        }
        Checks.duration(p, prefix + "retention", t.retention(), false, false);
        Checks.size(p, prefix + "retention-bytes", t.retentionBytes(), false, false);
        Checks.size(p, prefix + "max-message-bytes", t.maxMessageBytes(), false, true);
        Map<String, String> typed = typed(t);
        t.configs().forEach((key, value) -> {
            String path = prefix + "configs." + key;
            if (!KafkaKeys.topicConfigNames().contains(key)) {
                p.missing(path, "unknown topic config" + Checks.didYouMean(key, KafkaKeys.topicConfigNames(), "topic"));
            } else if (typed.containsKey(key)) {
                p.missing(path, "conflicts with the typed setting for " + key + " on " + prefix.substring(0,
                        prefix.length() - 1) + "; keep only one of them");
            }
        });
        p.throwIfAny();
    }

    private static Optional<Integer> boxed(OptionalInt value) {
        return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
    }
}
