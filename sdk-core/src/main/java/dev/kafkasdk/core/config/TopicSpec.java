package dev.kafkasdk.core.config;

import static dev.kafkasdk.core.config.TopicKeys.CLEANUP_POLICY;
import static dev.kafkasdk.core.config.TopicKeys.COMPRESSION_TYPE;
import static dev.kafkasdk.core.config.TopicKeys.MAX_MESSAGE_BYTES;
import static dev.kafkasdk.core.config.TopicKeys.MIN_INSYNC_REPLICAS;
import static dev.kafkasdk.core.config.TopicKeys.PARTITIONS;
import static dev.kafkasdk.core.config.TopicKeys.REPLICATION_FACTOR;
import static dev.kafkasdk.core.config.TopicKeys.RETENTION;
import static dev.kafkasdk.core.config.TopicKeys.RETENTION_BYTES;
import static dev.kafkasdk.core.config.TopicKeys.UNCLEAN_LEADER_ELECTION;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.internal.Checks;
import dev.kafkasdk.core.config.internal.KafkaKeys;
import dev.kafkasdk.core.config.internal.Problems;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The desired shape of one topic: partitions, replication and topic configs; its keys are
 * declared once in {@link TopicKeys}. Unset values are left to the broker's defaults. Raw
 * {@link #configs()} must be topic config names ({@code TopicConfig}) and may not repeat a
 * typed setting. Not a client: it has no cluster. Immutable and thread-safe; always valid
 * once built.
 */
public final class TopicSpec extends TypedSettings {

    private TopicSpec(Values values) {
        super(values);
    }

    /**
     * Starts a spec for a topic.
     *
     * @param name the topic name
     * @return a new builder; values set on it have origin {@link Origin#CODE}
     */
    public static Builder builder(String name) {
        return new Builder(new Values()).name(name);
    }

    /**
     * Starts from a copy of an existing spec, origins included.
     *
     * @param base the spec to copy
     * @return a new builder
     */
    public static Builder from(TopicSpec base) {
        return new Builder(base.v.copy());
    }

    @Override
    KeyTable<?> table() {
        return TopicKeys.TABLE;
    }

    /** @return the topic name */
    public String name() {
        return v.name;
    }

    /** @return the partition count, or empty for the broker default */
    public OptionalInt partitions() {
        return get(PARTITIONS).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** @return the replication factor (1 to 32767; {@code NewTopic} takes it as a short), or empty for the broker default */
    public OptionalInt replicationFactor() {
        return get(REPLICATION_FACTOR).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** @return {@code min.insync.replicas}, or empty */
    public OptionalInt minInsyncReplicas() {
        return get(MIN_INSYNC_REPLICAS).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** @return {@code retention.ms}, or empty */
    public Optional<Duration> retention() {
        return get(RETENTION);
    }

    /** @return {@code retention.bytes} per partition, or empty */
    public Optional<ByteSize> retentionBytes() {
        return get(RETENTION_BYTES);
    }

    /** @return {@code cleanup.policy}, or empty */
    public Optional<CleanupPolicy> cleanupPolicy() {
        return get(CLEANUP_POLICY);
    }

    /** @return {@code compression.type}, or empty */
    public Optional<TopicCompression> compressionType() {
        return get(COMPRESSION_TYPE);
    }

    /** @return {@code max.message.bytes}, or empty */
    public Optional<ByteSize> maxMessageBytes() {
        return get(MAX_MESSAGE_BYTES);
    }

    /** @return {@code unclean.leader.election.enable}, or empty */
    public Optional<Boolean> uncleanLeaderElection() {
        return get(UNCLEAN_LEADER_ELECTION);
    }

    /** @return the raw topic configs */
    public Map<String, String> configs() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(v.raw));
    }

    /**
     * The topic configs for {@code NewTopic.configs(...)} or incremental alter: typed values
     * under {@code TopicConfig} names (durations in ms, sizes in bytes) plus raw configs.
     *
     * @return a new sorted, modifiable map the caller owns
     */
    public Map<String, String> toTopicConfigs() {
        Map<String, String> configs = new TreeMap<>(typedConfigs());
        configs.putAll(v.raw);
        return configs;
    }

    private Map<String, String> typedConfigs() {
        Map<String, String> m = new LinkedHashMap<>();
        for (SettingKey<?> key : table().keys()) {
            key.kafkaKey().ifPresent(k -> explicit(key).ifPresent(value -> m.put(k, key.render(value))));
        }
        return m;
    }

    /** @return the name, partitions, replication factor and configs */
    @Override
    public String toString() {
        return "TopicSpec[name=" + v.name + ", partitions=" + v.values.get(PARTITIONS) + ", replicationFactor="
                + v.values.get(REPLICATION_FACTOR) + ", configs=" + toTopicConfigs() + "]";
    }

    private void check() {
        Problems p = new Problems();
        String prefix = "topics." + v.name + ".";
        if (v.name.isBlank()) {
            p.invalid("topics", v.name, "is not a valid topic name");
        }
        checkKeys(p, prefix);
        TopicKeys.crossField(this, prefix, p);
        Map<String, String> typed = typedConfigs();
        v.raw.forEach((key, value) -> {
            String path = prefix + "configs." + key;
            if (!KafkaKeys.topicConfigNames().contains(key)) {
                p.missing(path, "unknown topic config" + Checks.didYouMean(key, KafkaKeys.topicConfigNames(), "topic"));
            } else if (typed.containsKey(key)) {
                p.missing(
                        path,
                        "conflicts with the typed setting for " + key + " on topics." + v.name
                                + "; keep only one of them");
            }
        });
        p.throwIfAny();
    }

    /**
     * Builds {@link TopicSpec}: {@link #set(SettingKey, Object)} sets any key of
     * {@link TopicKeys}. Setting a value to {@code null} clears it. Not thread-safe.
     */
    public static final class Builder extends TypedSettings.Builder<TopicSpec, Builder> {

        private Builder(Values values) {
            super(values, TopicKeys.TABLE);
        }

        /** Sets the topic name; returns this builder. */
        public Builder name(String name) {
            v.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Sets at least 1; returns this builder. */
        public Builder partitions(@Nullable Integer partitions) {
            return set(PARTITIONS, partitions);
        }

        /** Sets 1 to 32767; returns this builder. */
        public Builder replicationFactor(@Nullable Integer replicationFactor) {
            return set(REPLICATION_FACTOR, replicationFactor);
        }

        /** Sets at least 1, at most the replication factor; returns this builder. */
        public Builder minInsyncReplicas(@Nullable Integer minInsyncReplicas) {
            return set(MIN_INSYNC_REPLICAS, minInsyncReplicas);
        }

        /** Sets {@code retention.ms}; returns this builder. */
        public Builder retention(@Nullable Duration retention) {
            return set(RETENTION, retention);
        }

        /** Sets {@code retention.bytes}; returns this builder. */
        public Builder retentionBytes(@Nullable ByteSize retentionBytes) {
            return set(RETENTION_BYTES, retentionBytes);
        }

        /** Sets {@code cleanup.policy}; returns this builder. */
        public Builder cleanupPolicy(@Nullable CleanupPolicy policy) {
            return set(CLEANUP_POLICY, policy);
        }

        /** Sets {@code compression.type}; returns this builder. */
        public Builder compressionType(@Nullable TopicCompression compression) {
            return set(COMPRESSION_TYPE, compression);
        }

        /** Sets {@code max.message.bytes}; returns this builder. */
        public Builder maxMessageBytes(@Nullable ByteSize maxMessageBytes) {
            return set(MAX_MESSAGE_BYTES, maxMessageBytes);
        }

        /** Sets {@code unclean.leader.election.enable}: availability over durability; returns this builder. */
        public Builder uncleanLeaderElection(@Nullable Boolean enable) {
            return set(UNCLEAN_LEADER_ELECTION, enable);
        }

        /**
         * Sets a raw topic config.
         *
         * @param key   a {@code TopicConfig} name, e.g. {@code segment.ms}
         * @param value its value as text; {@code null} removes it
         * @return this builder
         */
        public Builder config(String key, String value) {
            v.raw(key, value, "configs");
            return this;
        }

        /**
         * Checks and builds the spec.
         *
         * @return the spec
         * @throws ConfigException listing every problem, with paths {@code topics.<name>.<key>}
         */
        @Override
        public TopicSpec build() {
            TopicSpec spec = new TopicSpec(v.copy());
            spec.check();
            return spec;
        }
    }
}
