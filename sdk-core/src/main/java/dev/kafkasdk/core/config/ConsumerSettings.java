package dev.kafkasdk.core.config;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.internal.ConsumerRules;
import dev.kafkasdk.core.config.internal.DescribeTable;
import dev.kafkasdk.core.config.internal.KafkaKeys;
import dev.kafkasdk.core.config.internal.PropertyTable;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The settings of one named consumer. Values resolve as for {@link ProducerSettings}: fetch
 * preset, document, environment overrides, code, then raw properties (which may not repeat
 * a typed setting). SDK defaults that differ from kafka-clients': auto commit is off (commit
 * after the work is durable) and classic consumers use the cooperative-sticky assignor. A
 * consumer without a group id is allowed only for {@code assign()} use, without auto commit.
 * Immutable and thread-safe; always valid once built.
 */
public final class ConsumerSettings {

    private final ClientValues v;
    private volatile PropertyTable table;

    private ConsumerSettings(ClientValues values) {
        this.v = values;
    }

    /**
     * A consumer in a group with every other value defaulted.
     *
     * @param cluster the cluster to connect to
     * @param groupId the consumer group
     * @return the settings, named {@code default}
     */
    public static ConsumerSettings defaults(ClusterSettings cluster, String groupId) {
        return builder().cluster(cluster).groupId(groupId).build();
    }

    /**
     * Starts empty settings named {@code default}; a cluster is required.
     *
     * @return a new builder; values set on it have origin {@link Origin#CODE}
     */
    public static Builder builder() {
        return new Builder(new ClientValues());
    }

    /**
     * Starts from a copy of existing settings, origins included.
     *
     * @param base the settings to copy
     * @return a new builder
     */
    public static Builder from(ConsumerSettings base) {
        return new Builder(base.v.copy());
    }

    /** @return the consumer's name in the configuration */
    public String name() {
        return v.name;
    }

    /** @return the cluster it connects to */
    public ClusterSettings cluster() {
        return v.cluster;
    }

    /** @return {@code group.id}, or empty for an assign-only consumer */
    public Optional<String> groupId() {
        return v.get("group-id", String.class);
    }

    /** @return the fetch preset; {@link FetchPreset#BALANCED} unless set */
    public FetchPreset preset() {
        return v.get("preset", FetchPreset.class).orElse(FetchPreset.BALANCED);
    }

    /** @return {@code group.protocol}: explicit, else a raw {@code group.protocol}, else CLASSIC */
    public GroupProtocol groupProtocol() {
        return v.get("group-protocol", GroupProtocol.class).or(() -> Optional.ofNullable(v.raw.get("group.protocol"))
                .flatMap(ConsumerSettings::parseProtocol)).orElse(GroupProtocol.CLASSIC);
    }

    /** @return {@code auto.offset.reset}, or empty for kafka-clients' default (latest) */
    public Optional<OffsetReset> autoOffsetReset() {
        return v.get("auto-offset-reset", OffsetReset.class);
    }

    /** @return {@code isolation.level}, or empty for kafka-clients' default (read_uncommitted) */
    public Optional<IsolationLevel> isolationLevel() {
        return v.get("isolation-level", IsolationLevel.class);
    }

    /** @return {@code enable.auto.commit}: explicit, else {@code false} (the SDK's default) */
    public boolean enableAutoCommit() {
        return v.get("enable-auto-commit", Boolean.class).orElse(false);
    }

    /** @return {@code auto.commit.interval.ms}, or empty (5 s) */
    public Optional<Duration> autoCommitInterval() {
        return v.get("auto-commit-interval", Duration.class);
    }

    /** @return {@code session.timeout.ms} (classic protocol only), or empty (45 s) */
    public Optional<Duration> sessionTimeout() {
        return v.get("session-timeout", Duration.class);
    }

    /** @return {@code heartbeat.interval.ms} (classic protocol only), or empty (3 s) */
    public Optional<Duration> heartbeatInterval() {
        return v.get("heartbeat-interval", Duration.class);
    }

    /** @return {@code max.poll.interval.ms}, or empty (5 m) */
    public Optional<Duration> maxPollInterval() {
        return v.get("max-poll-interval", Duration.class);
    }

    /** @return {@code max.poll.records}: explicit, else the preset's */
    public int maxPollRecords() {
        return v.get("max-poll-records", Integer.class).orElse(preset().maxPollRecords());
    }

    /** @return {@code fetch.min.bytes}: explicit, else the preset's */
    public ByteSize fetchMinBytes() {
        return v.get("fetch-min-bytes", ByteSize.class).orElse(preset().fetchMinBytes());
    }

    /** @return {@code fetch.max.wait.ms}: explicit, else the preset's */
    public Duration fetchMaxWait() {
        return v.get("fetch-max-wait", Duration.class).orElse(preset().fetchMaxWait());
    }

    /** @return {@code fetch.max.bytes}: explicit, else the preset's */
    public ByteSize fetchMaxBytes() {
        return v.get("fetch-max-bytes", ByteSize.class).orElse(preset().fetchMaxBytes());
    }

    /** @return {@code max.partition.fetch.bytes}: explicit, else the preset's */
    public ByteSize maxPartitionFetchBytes() {
        return v.get("max-partition-fetch-bytes", ByteSize.class).orElse(preset().maxPartitionFetchBytes());
    }

    /** @return {@code request.timeout.ms}, or empty (30 s) */
    public Optional<Duration> requestTimeout() {
        return v.get("request-timeout", Duration.class);
    }

    /** @return {@code group.instance.id} (static membership), or empty */
    public Optional<String> groupInstanceId() {
        return v.get("group-instance-id", String.class);
    }

    /**
     * The assignor: explicit, else COOPERATIVE_STICKY for the classic protocol; always empty
     * for the consumer protocol, where the broker assigns.
     *
     * @return {@code partition.assignment.strategy}
     */
    public Optional<AssignmentStrategy> assignmentStrategy() {
        Optional<AssignmentStrategy> explicit = v.get("assignment-strategy", AssignmentStrategy.class);
        if (explicit.isPresent() || groupProtocol() == GroupProtocol.CONSUMER) {
            return explicit;
        }
        return Optional.of(AssignmentStrategy.COOPERATIVE_STICKY);
    }

    /** @return {@code client.id}: explicit, else {@code <client-id-prefix>-<name>}, else empty */
    public Optional<String> clientId() {
        return v.get("client-id", String.class).or(() -> v.cluster.clientIdPrefix().map(p -> p + "-" + v.name));
    }

    // --- concurrent processing (issue 13); not kafka-clients properties, read by sdk-consumer ---

    /** @return {@code ordering}: how records are ordered when handled concurrently; PARTITION unless set */
    public Ordering ordering() {
        return v.get("ordering", Ordering.class).orElse(Ordering.PARTITION);
    }

    /** @return {@code concurrency}: records handled at once across the consumer; 1 (sequential) unless set */
    public int concurrency() {
        return v.get("concurrency", Integer.class).orElse(1);
    }

    /**
     * Records of one partition taken from Kafka and not yet completed (queued or running); when
     * reached the partition is paused until it drains.
     *
     * @return {@code max-in-flight-per-partition}: explicit, else max(1000, 2 x concurrency)
     */
    public int maxInFlightPerPartition() {
        return v.get("max-in-flight-per-partition", Integer.class).orElse(Math.max(1000, 2 * concurrency()));
    }

    /** @return {@code instances}: group members the SDK runs in this process from these settings; 1 unless set */
    public int instances() {
        return v.get("instances", Integer.class).orElse(1);
    }

    /** @return whether the consumer hands records to a worker pool (ordering not PARTITION, or concurrency above 1) */
    public boolean concurrent() {
        return ordering() != Ordering.PARTITION || concurrency() > 1;
    }

    // --- end of concurrent processing ---

    /** @return the raw kafka-clients properties, applied last */
    public Map<String, String> properties() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(v.raw));
    }

    /**
     * Where each explicitly set value came from, keyed by file key; raw properties as
     * {@code properties.<key>}.
     *
     * @return an unmodifiable map
     */
    public Map<String, Origin> origins() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(v.origins));
    }

    /**
     * The exact properties to create a {@code KafkaConsumer} with (deserializers excluded);
     * durations in ms, sizes in bytes, as strings.
     *
     * @return a new modifiable map the caller owns; it holds secrets: do not log it
     */
    public Map<String, Object> toProperties() {
        return table().toMap();
    }

    /**
     * Where the effective value of a kafka-clients key came from.
     *
     * @param kafkaKey e.g. {@code max.poll.records}
     * @return its origin; {@link Origin#DEFAULT} if nobody set it
     */
    public Origin origin(String kafkaKey) {
        return table().get(kafkaKey).map(PropertyTable.Entry::origin).orElse(Origin.DEFAULT);
    }

    /**
     * A table of every effective property with values (secrets masked) and origins.
     *
     * @return multi-line text
     */
    public String describe() {
        return DescribeTable.render("consumer '" + v.name + "' (preset " + preset() + ")", table(),
                KafkaKeys.Client.CONSUMER, ConsumerRules.typedKeys(groupProtocol()), preset().name());
    }

    /**
     * Compares name, cluster and every value; origins are not compared.
     *
     * @param o another object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ConsumerSettings c && v.sameValues(c.v);
    }

    /** @return a hash of name, cluster and values */
    @Override
    public int hashCode() {
        return v.valuesHash();
    }

    /** @return the name, preset and effective properties with secrets masked */
    @Override
    public String toString() {
        return "ConsumerSettings[name=" + v.name + ", preset=" + preset() + ", properties=" + table().toMaskedMap()
                + "]";
    }

    private PropertyTable table() {
        PropertyTable t = table;
        if (t == null) {
            t = ConsumerRules.render(this);
            table = t;
        }
        return t;
    }

    private static Optional<GroupProtocol> parseProtocol(String text) {
        try {
            return Optional.of(GroupProtocol.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Builds {@link ConsumerSettings}. Setting a value to {@code null} clears it. Not thread-safe. */
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

        /** Sets the consumer's name (default {@code default}); returns this builder. */
        public Builder name(String name) {
            v.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Sets the cluster to connect to (required); returns this builder. */
        public Builder cluster(ClusterSettings cluster) {
            v.cluster = cluster;
            return this;
        }

        /** Sets {@code group.id}; needed for commits; returns this builder. */
        public Builder groupId(String groupId) {
            return set("group-id", groupId);
        }

        /** Sets the fetch preset (default BALANCED); returns this builder. */
        public Builder preset(FetchPreset preset) {
            return set("preset", preset);
        }

        /** Sets {@code group.protocol}; returns this builder. */
        public Builder groupProtocol(GroupProtocol protocol) {
            return set("group-protocol", protocol);
        }

        /** Sets {@code auto.offset.reset}; returns this builder. */
        public Builder autoOffsetReset(OffsetReset reset) {
            return set("auto-offset-reset", reset);
        }

        /** Sets {@code isolation.level}; returns this builder. */
        public Builder isolationLevel(IsolationLevel level) {
            return set("isolation-level", level);
        }

        /** Sets {@code enable.auto.commit}; {@code true} needs a group id; returns this builder. */
        public Builder enableAutoCommit(Boolean enable) {
            return set("enable-auto-commit", enable);
        }

        /** Sets {@code auto.commit.interval.ms}; returns this builder. */
        public Builder autoCommitInterval(Duration interval) {
            return set("auto-commit-interval", interval);
        }

        /** Sets {@code session.timeout.ms}; classic protocol only; returns this builder. */
        public Builder sessionTimeout(Duration timeout) {
            return set("session-timeout", timeout);
        }

        /** Sets {@code heartbeat.interval.ms}; at most a third of the session timeout; returns this builder. */
        public Builder heartbeatInterval(Duration interval) {
            return set("heartbeat-interval", interval);
        }

        /** Sets {@code max.poll.interval.ms}; returns this builder. */
        public Builder maxPollInterval(Duration interval) {
            return set("max-poll-interval", interval);
        }

        /** Sets {@code max.poll.records}, at least 1; returns this builder. */
        public Builder maxPollRecords(Integer records) {
            return set("max-poll-records", records);
        }

        /** Sets {@code fetch.min.bytes}; returns this builder. */
        public Builder fetchMinBytes(ByteSize size) {
            return set("fetch-min-bytes", size);
        }

        /** Sets {@code fetch.max.wait.ms}; returns this builder. */
        public Builder fetchMaxWait(Duration wait) {
            return set("fetch-max-wait", wait);
        }

        /** Sets {@code fetch.max.bytes}; returns this builder. */
        public Builder fetchMaxBytes(ByteSize size) {
            return set("fetch-max-bytes", size);
        }

        /** Sets {@code max.partition.fetch.bytes}; returns this builder. */
        public Builder maxPartitionFetchBytes(ByteSize size) {
            return set("max-partition-fetch-bytes", size);
        }

        /** Sets {@code request.timeout.ms}; returns this builder. */
        public Builder requestTimeout(Duration timeout) {
            return set("request-timeout", timeout);
        }

        /** Sets {@code group.instance.id}; needs a group id; returns this builder. */
        public Builder groupInstanceId(String id) {
            return set("group-instance-id", id);
        }

        /** Sets {@code partition.assignment.strategy}; classic protocol only; returns this builder. */
        public Builder assignmentStrategy(AssignmentStrategy strategy) {
            return set("assignment-strategy", strategy);
        }

        /** Sets {@code client.id}; returns this builder. */
        public Builder clientId(String clientId) {
            return set("client-id", clientId);
        }

        // --- concurrent processing (issue 13) ---

        /** Sets {@code ordering} (default PARTITION); returns this builder. */
        public Builder ordering(Ordering ordering) {
            return set("ordering", ordering);
        }

        /** Sets {@code concurrency}, 1 to 10,000 (default 1); returns this builder. */
        public Builder concurrency(Integer concurrency) {
            return set("concurrency", concurrency);
        }

        /** Sets {@code max-in-flight-per-partition}, at least 1; returns this builder. */
        public Builder maxInFlightPerPartition(Integer max) {
            return set("max-in-flight-per-partition", max);
        }

        /** Sets {@code instances}, 1 to 256 group members in this process (default 1); returns this builder. */
        public Builder instances(Integer instances) {
            return set("instances", instances);
        }

        // --- end of concurrent processing ---

        /**
         * Sets a raw kafka-clients property, applied after every typed setting. The key must be a
         * consumer config of kafka-clients and must not repeat a typed setting set on this consumer.
         *
         * @param key   a {@code ConsumerConfig} key
         * @param value its value as text; {@code null} removes it
         * @return this builder
         */
        public Builder property(String key, String value) {
            v.raw(key, value, "properties");
            return this;
        }

        /**
         * Checks and builds the settings.
         *
         * @return the settings
         * @throws ConfigException listing every problem, with paths {@code consumers.<name>.<key>}
         */
        public ConsumerSettings build() {
            ClientValues values = v.copy();
            values.requireCluster("consumers");
            ConsumerSettings settings = new ConsumerSettings(values);
            ConsumerRules.check(settings);
            return settings;
        }

        private Builder set(String key, Object value) {
            v.set(key, value);
            return this;
        }
    }
}
