package dev.kafkasdk.core.config;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.internal.TopicRules;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The desired shape of one topic: partitions, replication and topic configs. Unset values
 * are left to the broker's defaults. Raw {@link #configs()} must be topic config names
 * ({@code TopicConfig}) and may not repeat a typed setting. Immutable and thread-safe;
 * always valid once built.
 */
public final class TopicSpec {

    private final ClientValues v;

    private TopicSpec(ClientValues values) {
        this.v = values;
    }

    /**
     * Starts a spec for a topic.
     *
     * @param name the topic name
     * @return a new builder; values set on it have origin {@link Origin#CODE}
     */
    public static Builder builder(String name) {
        return new Builder(new ClientValues()).name(name);
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

    /** @return the topic name */
    public String name() {
        return v.name;
    }

    /** @return the partition count, or empty for the broker default */
    public OptionalInt partitions() {
        return v.get("partitions", Integer.class).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** @return the replication factor (1 to 32767; {@code NewTopic} takes it as a short), or empty for the broker default */
    public OptionalInt replicationFactor() {
        return v.get("replication-factor", Integer.class).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** @return {@code min.insync.replicas}, or empty */
    public OptionalInt minInsyncReplicas() {
        return v.get("min-insync-replicas", Integer.class).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** @return {@code retention.ms}, or empty */
    public Optional<Duration> retention() {
        return v.get("retention", Duration.class);
    }

    /** @return {@code retention.bytes} per partition, or empty */
    public Optional<ByteSize> retentionBytes() {
        return v.get("retention-bytes", ByteSize.class);
    }

    /** @return {@code cleanup.policy}, or empty */
    public Optional<CleanupPolicy> cleanupPolicy() {
        return v.get("cleanup-policy", CleanupPolicy.class);
    }

    /** @return {@code compression.type}, or empty */
    public Optional<TopicCompression> compressionType() {
        return v.get("compression-type", TopicCompression.class);
    }

    /** @return {@code max.message.bytes}, or empty */
    public Optional<ByteSize> maxMessageBytes() {
        return v.get("max-message-bytes", ByteSize.class);
    }

    /** @return {@code unclean.leader.election.enable}, or empty */
    public Optional<Boolean> uncleanLeaderElection() {
        return v.get("unclean-leader-election", Boolean.class);
    }

    /** @return the raw topic configs */
    public Map<String, String> configs() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(v.raw));
    }

    /**
     * Where each explicitly set value came from, keyed by file key; raw configs as
     * {@code configs.<key>}.
     *
     * @return an unmodifiable map
     */
    public Map<String, Origin> origins() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(v.origins));
    }

    /**
     * The topic configs for {@code NewTopic.configs(...)} or incremental alter: typed values
     * under {@code TopicConfig} names (durations in ms, sizes in bytes) plus raw configs.
     *
     * @return a new sorted, modifiable map the caller owns
     */
    public Map<String, String> toTopicConfigs() {
        return TopicRules.render(this);
    }

    /**
     * Compares name and every value; origins are not compared.
     *
     * @param o another object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof TopicSpec t && v.sameValues(t.v);
    }

    /** @return a hash of name and values */
    @Override
    public int hashCode() {
        return v.valuesHash();
    }

    /** @return the name, partitions, replication factor and configs */
    @Override
    public String toString() {
        return "TopicSpec[name=" + v.name + ", partitions=" + v.values.get("partitions") + ", replicationFactor="
                + v.values.get("replication-factor") + ", configs=" + toTopicConfigs() + "]";
    }

    /** Builds {@link TopicSpec}. Setting a value to {@code null} clears it. Not thread-safe. */
    public static final class Builder {
        private final ClientValues v;

        private Builder(ClientValues values) {
            this.v = values;
        }

        /**
         * Sets the origin recorded for values set after this call ({@link Origin#CODE} until changed).
         *
         * @param origin the origin
         * @return this builder
         */
        public Builder origin(Origin origin) {
            v.origin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /** Sets the topic name; returns this builder. */
        public Builder name(String name) {
            v.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Sets at least 1; returns this builder. */
        public Builder partitions(Integer partitions) {
            return set("partitions", partitions);
        }

        /** Sets 1 to 32767; returns this builder. */
        public Builder replicationFactor(Integer replicationFactor) {
            return set("replication-factor", replicationFactor);
        }

        /** Sets at least 1, at most the replication factor; returns this builder. */
        public Builder minInsyncReplicas(Integer minInsyncReplicas) {
            return set("min-insync-replicas", minInsyncReplicas);
        }

        /** Sets {@code retention.ms}; returns this builder. */
        public Builder retention(Duration retention) {
            return set("retention", retention);
        }

        /** Sets {@code retention.bytes}; returns this builder. */
        public Builder retentionBytes(ByteSize retentionBytes) {
            return set("retention-bytes", retentionBytes);
        }

        /** Sets {@code cleanup.policy}; returns this builder. */
        public Builder cleanupPolicy(CleanupPolicy policy) {
            return set("cleanup-policy", policy);
        }

        /** Sets {@code compression.type}; returns this builder. */
        public Builder compressionType(TopicCompression compression) {
            return set("compression-type", compression);
        }

        /** Sets {@code max.message.bytes}; returns this builder. */
        public Builder maxMessageBytes(ByteSize maxMessageBytes) {
            return set("max-message-bytes", maxMessageBytes);
        }

        /** Sets {@code unclean.leader.election.enable}: availability over durability; returns this builder. */
        public Builder uncleanLeaderElection(Boolean enable) {
            return set("unclean-leader-election", enable);
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
        public TopicSpec build() {
            TopicSpec spec = new TopicSpec(v.copy());
            TopicRules.check(spec);
            return spec;
        }

        private Builder set(String key, Object value) {
            v.set(key, value);
            return this;
        }
    }
}
