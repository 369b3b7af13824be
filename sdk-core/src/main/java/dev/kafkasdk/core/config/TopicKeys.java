package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.Problems;
import java.time.Duration;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The key table of {@link TopicSpec}: every topic setting, declared once. {@code partitions}
 * and {@code replication-factor} are arguments of {@code NewTopic}, not topic configs; the
 * rest render to {@code TopicConfig} names. The cross-field rule sits below the table.
 */
public final class TopicKeys {

    static final KeyTable<KeyTable.NoPreset> TABLE = new KeyTable<>("topics.<name>", "topic", null, null, "configs");

    /** The partition count. */
    public static final SettingKey<Integer> PARTITIONS =
            TABLE.integer("partitions", null).atLeast(1).doc("Partition count; broker default when unset.");
    /** The replication factor. */
    public static final SettingKey<Integer> REPLICATION_FACTOR = TABLE.integer("replication-factor", null)
            .atLeast(1)
            .atMost(Short.MAX_VALUE, "the largest replication factor Kafka accepts")
            .doc("Copies of each partition; broker default when unset.");
    /** {@code min.insync.replicas}. */
    public static final SettingKey<Integer> MIN_INSYNC_REPLICAS = TABLE.integer(
                    "min-insync-replicas", TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)
            .atLeast(1)
            .doc("In-sync replicas an acks=all write needs; at most the replication factor.");
    /** {@code retention.ms}. */
    public static final SettingKey<Duration> RETENTION = TABLE.duration("retention", TopicConfig.RETENTION_MS_CONFIG)
            .positive()
            .doc("How long records are kept.");
    /** {@code retention.bytes}. */
    public static final SettingKey<ByteSize> RETENTION_BYTES = TABLE.byteSize(
                    "retention-bytes", TopicConfig.RETENTION_BYTES_CONFIG)
            .positive()
            .doc("Bytes kept per partition.");
    /** {@code cleanup.policy}. */
    public static final SettingKey<CleanupPolicy> CLEANUP_POLICY = TABLE.enumeration(
                    "cleanup-policy",
                    TopicConfig.CLEANUP_POLICY_CONFIG,
                    CleanupPolicy.class,
                    CleanupPolicy::parse,
                    CleanupPolicy::kafkaValue)
            .doc("delete old segments, compact by key, or both.");
    /** {@code compression.type}. */
    public static final SettingKey<TopicCompression> COMPRESSION_TYPE = TABLE.enumeration(
                    "compression-type",
                    TopicConfig.COMPRESSION_TYPE_CONFIG,
                    TopicCompression.class,
                    TopicCompression::parse,
                    TopicCompression::kafkaValue)
            .doc("How the broker stores batches; producer keeps the producer's.");
    /** {@code max.message.bytes}. */
    public static final SettingKey<ByteSize> MAX_MESSAGE_BYTES = TABLE.byteSize(
                    "max-message-bytes", TopicConfig.MAX_MESSAGE_BYTES_CONFIG)
            .positive()
            .atMost(Integer.MAX_VALUE, "")
            .doc("Largest record batch the topic accepts.");
    /** {@code unclean.leader.election.enable}. */
    public static final SettingKey<Boolean> UNCLEAN_LEADER_ELECTION = TABLE.bool(
                    "unclean-leader-election", TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG)
            .doc("Availability over durability: may lose records.");

    private TopicKeys() {}

    /** min-insync-replicas <= replication-factor. */
    static void crossField(TopicSpec t, String prefix, Problems p) {
        if (t.replicationFactor().isPresent()
                && t.minInsyncReplicas().isPresent()
                && t.minInsyncReplicas().getAsInt() > t.replicationFactor().getAsInt()) {
            int rf = t.replicationFactor().getAsInt();
            p.invalid(
                    prefix + "min-insync-replicas",
                    Integer.toString(t.minInsyncReplicas().getAsInt()),
                    "is more than replication-factor (" + rf + "): acks=all writes could never succeed; use at "
                            + "most " + rf + " (usually replication-factor - 1)");
        }
    }
}
