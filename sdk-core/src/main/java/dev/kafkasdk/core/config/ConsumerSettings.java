package dev.kafkasdk.core.config;

import static dev.kafkasdk.core.config.ConsumerKeys.ASSIGNMENT_STRATEGY;
import static dev.kafkasdk.core.config.ConsumerKeys.AUTO_COMMIT_INTERVAL;
import static dev.kafkasdk.core.config.ConsumerKeys.AUTO_OFFSET_RESET;
import static dev.kafkasdk.core.config.ConsumerKeys.CLIENT_ID;
import static dev.kafkasdk.core.config.ConsumerKeys.ENABLE_AUTO_COMMIT;
import static dev.kafkasdk.core.config.ConsumerKeys.FETCH_MAX_BYTES;
import static dev.kafkasdk.core.config.ConsumerKeys.FETCH_MAX_WAIT;
import static dev.kafkasdk.core.config.ConsumerKeys.FETCH_MIN_BYTES;
import static dev.kafkasdk.core.config.ConsumerKeys.GROUP_ID;
import static dev.kafkasdk.core.config.ConsumerKeys.GROUP_INSTANCE_ID;
import static dev.kafkasdk.core.config.ConsumerKeys.GROUP_PROTOCOL;
import static dev.kafkasdk.core.config.ConsumerKeys.HEARTBEAT_INTERVAL;
import static dev.kafkasdk.core.config.ConsumerKeys.ISOLATION_LEVEL;
import static dev.kafkasdk.core.config.ConsumerKeys.MAX_PARTITION_FETCH_BYTES;
import static dev.kafkasdk.core.config.ConsumerKeys.MAX_POLL_INTERVAL;
import static dev.kafkasdk.core.config.ConsumerKeys.MAX_POLL_RECORDS;
import static dev.kafkasdk.core.config.ConsumerKeys.PRESET;
import static dev.kafkasdk.core.config.ConsumerKeys.REQUEST_TIMEOUT;
import static dev.kafkasdk.core.config.ConsumerKeys.SESSION_TIMEOUT;

import dev.kafkasdk.core.config.internal.Problems;
import dev.kafkasdk.core.config.internal.PropertyTable;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one named consumer; its keys are declared once in {@link ConsumerKeys}.
 * Values resolve as for {@link ProducerSettings}: fetch preset, document, environment
 * overrides, code, then raw properties (which may not repeat a typed setting). SDK defaults
 * that differ from kafka-clients': auto commit is off (commit after the work is durable) and
 * classic consumers use the cooperative-sticky assignor. A consumer without a group id is
 * allowed only for {@code assign()} use, without auto commit. Immutable and thread-safe;
 * always valid once built.
 */
public final class ConsumerSettings extends ClientSettings {

    /** The section holding the resolved {@code dead-letter-producer}. */
    private static final String DEAD_LETTER_SECTION = "dead-letter-producer";

    private ConsumerSettings(Values values) {
        super(values);
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
        return new Builder(new Values());
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

    @Override
    KeyTable<?> table() {
        return ConsumerKeys.TABLE;
    }

    @Override
    void crossField(PropertyTable table, String prefix, Problems p) {
        ConsumerKeys.crossField(this, table, prefix, p);
    }

    /** @return {@code group.id}, or empty for an assign-only consumer */
    public Optional<String> groupId() {
        return get(GROUP_ID);
    }

    /** @return the fetch preset; {@link FetchPreset#BALANCED} unless set */
    public FetchPreset preset() {
        return get(PRESET).orElseThrow();
    }

    /** @return {@code group.protocol}: explicit, else a raw {@code group.protocol}, else CLASSIC */
    public GroupProtocol groupProtocol() {
        return effective(GROUP_PROTOCOL).orElse(GroupProtocol.CLASSIC);
    }

    /** @return {@code auto.offset.reset}, or empty for kafka-clients' default (latest) */
    public Optional<OffsetReset> autoOffsetReset() {
        return get(AUTO_OFFSET_RESET);
    }

    /** @return {@code isolation.level}, or empty for kafka-clients' default (read_uncommitted) */
    public Optional<IsolationLevel> isolationLevel() {
        return get(ISOLATION_LEVEL);
    }

    /** @return {@code enable.auto.commit}: explicit, else {@code false} (the SDK's default) */
    public boolean enableAutoCommit() {
        return get(ENABLE_AUTO_COMMIT).orElseThrow();
    }

    /** @return {@code auto.commit.interval.ms}, or empty (5 s) */
    public Optional<Duration> autoCommitInterval() {
        return get(AUTO_COMMIT_INTERVAL);
    }

    /** @return {@code session.timeout.ms} (classic protocol only), or empty (45 s) */
    public Optional<Duration> sessionTimeout() {
        return get(SESSION_TIMEOUT);
    }

    /** @return {@code heartbeat.interval.ms} (classic protocol only), or empty (3 s) */
    public Optional<Duration> heartbeatInterval() {
        return get(HEARTBEAT_INTERVAL);
    }

    /** @return {@code max.poll.interval.ms}, or empty (5 m) */
    public Optional<Duration> maxPollInterval() {
        return get(MAX_POLL_INTERVAL);
    }

    /** @return {@code ordering}: how records are ordered when handled concurrently (default partition) */
    public Ordering ordering() {
        return effective(ConsumerKeys.ORDERING).orElseThrow();
    }

    /** @return {@code concurrency}: records handled at once across the consumer (default 1) */
    public int concurrency() {
        return effective(ConsumerKeys.CONCURRENCY).orElseThrow();
    }

    /** @return {@code max-in-flight-per-partition}: explicit, else max(1000, 2 x concurrency) */
    public int maxInFlightPerPartition() {
        return effective(ConsumerKeys.MAX_IN_FLIGHT_PER_PARTITION).orElseThrow();
    }

    /** @return {@code instances}: group members run in this process from these settings (default 1) */
    public int instances() {
        return effective(ConsumerKeys.INSTANCES).orElseThrow();
    }

    /**
     * @return {@code retry-topics}: the retry tiers' delays, first tier first; empty when records are
     *     retried in place
     */
    public java.util.List<Duration> retryTopics() {
        return get(ConsumerKeys.RETRY_TOPICS).orElse(java.util.List.of()).stream()
                .map(Durations::parse)
                .toList();
    }

    /**
     * @return {@code topics}: the main topics this consumer reads, as the config file declares them for
     *     topics-as-code and lint (the code's {@code subscribe(...)} decides what is read); empty when unset
     */
    public java.util.List<String> topics() {
        return get(ConsumerKeys.TOPICS).orElse(java.util.List.of());
    }

    /**
     * The retry-tier topics of one main topic, named as the consumer names them:
     * {@code <topic><retry-topic-suffix><delay>}, first tier first.
     *
     * @param mainTopic a topic the consumer reads
     * @return the tier topics; empty without {@code retry-topics}
     */
    public java.util.List<String> retryTierTopics(String mainTopic) {
        return retryTopics().stream()
                .map(delay -> mainTopic + retryTopicSuffix() + Durations.format(delay))
                .toList();
    }

    /** @return {@code retry-topic-suffix}: the text between a topic and a tier's delay (default -retry-) */
    public String retryTopicSuffix() {
        return effective(ConsumerKeys.RETRY_TOPIC_SUFFIX).orElseThrow();
    }

    /** @return {@code start-timeout}: how long the consumer may take to reach the cluster (default 30 s) */
    public Duration startTimeout() {
        return effective(ConsumerKeys.START_TIMEOUT).orElseThrow();
    }

    /** @return {@code missing-topics}: what a topic still missing after the start timeout does (default fail) */
    public MissingTopics missingTopics() {
        return effective(ConsumerKeys.MISSING_TOPICS).orElseThrow();
    }

    /** @return whether records go to a worker pool: ordering other than partition, or concurrency above 1 */
    public boolean concurrent() {
        return ordering() != Ordering.PARTITION || concurrency() > 1;
    }

    /** @return {@code max.poll.records}: explicit, else the preset's */
    public int maxPollRecords() {
        return get(MAX_POLL_RECORDS).orElseThrow();
    }

    /** @return {@code fetch.min.bytes}: explicit, else the preset's */
    public ByteSize fetchMinBytes() {
        return get(FETCH_MIN_BYTES).orElseThrow();
    }

    /** @return {@code fetch.max.wait.ms}: explicit, else the preset's */
    public Duration fetchMaxWait() {
        return get(FETCH_MAX_WAIT).orElseThrow();
    }

    /** @return {@code fetch.max.bytes}: explicit, else the preset's */
    public ByteSize fetchMaxBytes() {
        return get(FETCH_MAX_BYTES).orElseThrow();
    }

    /** @return {@code max.partition.fetch.bytes}: explicit, else the preset's */
    public ByteSize maxPartitionFetchBytes() {
        return get(MAX_PARTITION_FETCH_BYTES).orElseThrow();
    }

    /** @return {@code request.timeout.ms}, or empty (30 s) */
    public Optional<Duration> requestTimeout() {
        return get(REQUEST_TIMEOUT);
    }

    /** @return {@code group.instance.id} (static membership), or empty */
    public Optional<String> groupInstanceId() {
        return get(GROUP_INSTANCE_ID);
    }

    /**
     * The assignor: explicit, else COOPERATIVE_STICKY for the classic protocol; always empty
     * for the consumer protocol, where the broker assigns.
     *
     * @return {@code partition.assignment.strategy}
     */
    public Optional<AssignmentStrategy> assignmentStrategy() {
        return get(ASSIGNMENT_STRATEGY);
    }

    /** @return {@code client.id}: explicit, else {@code <client-id-prefix>-<name>}, else empty */
    public Optional<String> clientId() {
        return get(CLIENT_ID);
    }

    /** @return {@code dead-letter-producer}: the name of the producer that publishes dead letters, or empty */
    public Optional<String> deadLetterProducerName() {
        return get(ConsumerKeys.DEAD_LETTER_PRODUCER);
    }

    /**
     * The settings of the producer named by {@code dead-letter-producer}, attached when the consumer
     * comes from a {@link KafkaSdkConfig} (which resolves the name) or through
     * {@link Builder#deadLetterProducer(ProducerSettings)}.
     *
     * @return the producer's settings, or empty: dead letters then use the consumer's cluster settings
     */
    public Optional<ProducerSettings> deadLetterProducer() {
        return section(DEAD_LETTER_SECTION, ProducerSettings.class);
    }

    /** @return {@code dead-letter-timeout}: the bound on storing one dead letter (default 30 s) */
    public Duration deadLetterTimeout() {
        return effective(ConsumerKeys.DEAD_LETTER_TIMEOUT).orElseThrow();
    }

    /** @return {@code create-dead-letter-topics}: whether missing dead-letter topics are created (default false) */
    public boolean createDeadLetterTopics() {
        return effective(ConsumerKeys.CREATE_DEAD_LETTER_TOPICS).orElseThrow();
    }

    /**
     * Builds {@link ConsumerSettings}: {@link #set(SettingKey, Object)} sets any key of
     * {@link ConsumerKeys}; the named setters below are shortcuts. Setting a value to
     * {@code null} clears it. Not thread-safe.
     */
    public static final class Builder extends ClientBuilder<ConsumerSettings, Builder> {

        private Builder(Values values) {
            super(values, ConsumerKeys.TABLE);
        }

        @Override
        ConsumerSettings create(Values values) {
            return new ConsumerSettings(values);
        }

        /** Sets {@code group.id}; needed for commits; returns this builder. */
        public Builder groupId(@Nullable String groupId) {
            return set(GROUP_ID, groupId);
        }

        /** Sets the fetch preset (default BALANCED); returns this builder. */
        public Builder preset(@Nullable FetchPreset preset) {
            return set(PRESET, preset);
        }

        /** Sets {@code group.protocol}; returns this builder. */
        public Builder groupProtocol(@Nullable GroupProtocol protocol) {
            return set(GROUP_PROTOCOL, protocol);
        }

        /** Sets {@code auto.offset.reset}; returns this builder. */
        public Builder autoOffsetReset(@Nullable OffsetReset reset) {
            return set(AUTO_OFFSET_RESET, reset);
        }

        /** Sets {@code isolation.level}; returns this builder. */
        public Builder isolationLevel(@Nullable IsolationLevel level) {
            return set(ISOLATION_LEVEL, level);
        }

        /** Sets {@code enable.auto.commit}; {@code true} needs a group id; returns this builder. */
        public Builder enableAutoCommit(@Nullable Boolean enable) {
            return set(ENABLE_AUTO_COMMIT, enable);
        }

        /** Sets {@code auto.commit.interval.ms}; returns this builder. */
        public Builder autoCommitInterval(@Nullable Duration interval) {
            return set(AUTO_COMMIT_INTERVAL, interval);
        }

        /** Sets {@code session.timeout.ms}; classic protocol only; returns this builder. */
        public Builder sessionTimeout(@Nullable Duration timeout) {
            return set(SESSION_TIMEOUT, timeout);
        }

        /** Sets {@code heartbeat.interval.ms}; at most a third of the session timeout; returns this builder. */
        public Builder heartbeatInterval(@Nullable Duration interval) {
            return set(HEARTBEAT_INTERVAL, interval);
        }

        /** Sets {@code max.poll.interval.ms}; returns this builder. */
        public Builder maxPollInterval(@Nullable Duration interval) {
            return set(MAX_POLL_INTERVAL, interval);
        }

        /** Sets {@code max.poll.records}, at least 1; returns this builder. */
        public Builder maxPollRecords(@Nullable Integer records) {
            return set(MAX_POLL_RECORDS, records);
        }

        /** Sets {@code ordering} (default partition); returns this builder. */
        public Builder ordering(@Nullable Ordering ordering) {
            return set(ConsumerKeys.ORDERING, ordering);
        }

        /** Sets {@code concurrency}, 1 to 10,000 (default 1); returns this builder. */
        public Builder concurrency(@Nullable Integer concurrency) {
            return set(ConsumerKeys.CONCURRENCY, concurrency);
        }

        /** Sets {@code max-in-flight-per-partition}, at least 1; returns this builder. */
        public Builder maxInFlightPerPartition(@Nullable Integer max) {
            return set(ConsumerKeys.MAX_IN_FLIGHT_PER_PARTITION, max);
        }

        /** Sets {@code instances}, 1 to 256 group members in this process (default 1); returns this builder. */
        public Builder instances(@Nullable Integer instances) {
            return set(ConsumerKeys.INSTANCES, instances);
        }

        /** Sets {@code retry-topics}, the retry tiers' delays such as {@code 5s}; returns this builder. */
        public Builder retryTopics(java.util.@Nullable List<String> delays) {
            return set(ConsumerKeys.RETRY_TOPICS, delays);
        }

        /** Sets {@code topics}, the main topics the consumer reads (for topics-as-code and lint); returns this builder. */
        public Builder topics(java.util.@Nullable List<String> topics) {
            return set(ConsumerKeys.TOPICS, topics);
        }

        /** Sets {@code retry-topic-suffix} (default {@code -retry-}); returns this builder. */
        public Builder retryTopicSuffix(@Nullable String suffix) {
            return set(ConsumerKeys.RETRY_TOPIC_SUFFIX, suffix);
        }

        /** Sets {@code start-timeout}, positive (default 30 s); returns this builder. */
        public Builder startTimeout(@Nullable Duration timeout) {
            return set(ConsumerKeys.START_TIMEOUT, timeout);
        }

        /** Sets {@code missing-topics} (default fail); returns this builder. */
        public Builder missingTopics(@Nullable MissingTopics action) {
            return set(ConsumerKeys.MISSING_TOPICS, action);
        }

        /** Sets {@code fetch.min.bytes}; returns this builder. */
        public Builder fetchMinBytes(@Nullable ByteSize size) {
            return set(FETCH_MIN_BYTES, size);
        }

        /** Sets {@code fetch.max.wait.ms}; returns this builder. */
        public Builder fetchMaxWait(@Nullable Duration wait) {
            return set(FETCH_MAX_WAIT, wait);
        }

        /** Sets {@code fetch.max.bytes}; returns this builder. */
        public Builder fetchMaxBytes(@Nullable ByteSize size) {
            return set(FETCH_MAX_BYTES, size);
        }

        /** Sets {@code max.partition.fetch.bytes}; returns this builder. */
        public Builder maxPartitionFetchBytes(@Nullable ByteSize size) {
            return set(MAX_PARTITION_FETCH_BYTES, size);
        }

        /** Sets {@code request.timeout.ms}; returns this builder. */
        public Builder requestTimeout(@Nullable Duration timeout) {
            return set(REQUEST_TIMEOUT, timeout);
        }

        /** Sets {@code group.instance.id}; needs a group id; returns this builder. */
        public Builder groupInstanceId(@Nullable String id) {
            return set(GROUP_INSTANCE_ID, id);
        }

        /** Sets {@code partition.assignment.strategy}; classic protocol only; returns this builder. */
        public Builder assignmentStrategy(@Nullable AssignmentStrategy strategy) {
            return set(ASSIGNMENT_STRATEGY, strategy);
        }

        /** Sets {@code dead-letter-timeout}, positive (default 30 s); returns this builder. */
        public Builder deadLetterTimeout(@Nullable Duration timeout) {
            return set(ConsumerKeys.DEAD_LETTER_TIMEOUT, timeout);
        }

        /** Sets {@code create-dead-letter-topics} (default false); returns this builder. */
        public Builder createDeadLetterTopics(@Nullable Boolean create) {
            return set(ConsumerKeys.CREATE_DEAD_LETTER_TOPICS, create);
        }

        /**
         * Publishes dead letters with these producer settings (their cluster, security and
         * {@code max-block}); sets {@code dead-letter-producer} to their name.
         *
         * @param producer the producer settings, or {@code null} to use the consumer's cluster settings
         * @return this builder
         */
        public Builder deadLetterProducer(@Nullable ProducerSettings producer) {
            set(ConsumerKeys.DEAD_LETTER_PRODUCER, producer == null ? null : producer.name());
            return section(DEAD_LETTER_SECTION, producer);
        }

        /** Attaches the producer {@code dead-letter-producer} already names, keeping the key's origin. */
        Builder resolvedDeadLetterProducer(ProducerSettings producer) {
            return section(DEAD_LETTER_SECTION, producer);
        }

        /** Sets {@code client.id}; returns this builder. */
        public Builder clientId(@Nullable String clientId) {
            return set(CLIENT_ID, clientId);
        }
    }
}
