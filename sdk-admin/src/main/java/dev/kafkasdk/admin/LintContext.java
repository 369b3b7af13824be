package dev.kafkasdk.admin;

import dev.kafkasdk.admin.internal.SettingsFacts;
import dev.kafkasdk.core.compat.ClusterFeatures;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.config.ShareConsumerSettings;
import dev.kafkasdk.core.config.TopicSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The settings a {@link ConfigLinter} checks, as plain Kafka property names and values.
 *
 * <p>Offline, the producers, consumers and topics come from a config file and the brokers are unknown
 * (rules fall back to Kafka's documented broker defaults). Online, {@link ClusterOperations#lintContext}
 * adds every broker's configuration, the live topics and the partition replicas each broker hosts.
 * Immutable and thread-safe; build one with {@link #builder()}.
 *
 * @since 0.1
 */
public final class LintContext {

    /** Where the settings came from. */
    public enum Mode {
        /** From a config file only. */
        OFFLINE,
        /** From a config file and a live cluster. */
        ONLINE
    }

    /**
     * A producer's or consumer's kafka-clients properties as they would be passed to the client.
     *
     * @param name the name in the config file, for example {@code default}
     * @param properties kafka-clients property names and values; defaults need not be present
     */
    public record ClientFacts(String name, Map<String, String> properties) {
        /**
         * Copies the properties.
         *
         * @param name the name in the config file, for example {@code default}
         * @param properties kafka-clients property names and values; defaults need not be present
         */
        public ClientFacts {
            Objects.requireNonNull(name, "name");
            properties = Map.copyOf(properties);
        }
    }

    /**
     * A topic: its shape and the configs set on the topic itself (not inherited from the broker).
     *
     * @param name topic name
     * @param partitions partition count
     * @param replicationFactor replication factor
     * @param configs topic-level config overrides, such as {@code min.insync.replicas}
     * @param exists whether the topic exists on the cluster (always false offline)
     */
    public record TopicFacts(
            String name, int partitions, int replicationFactor, Map<String, String> configs, boolean exists) {
        /**
         * Copies the configs.
         *
         * @param name topic name
         * @param partitions partition count
         * @param replicationFactor replication factor
         * @param configs topic-level config overrides, such as {@code min.insync.replicas}
         * @param exists whether the topic exists on the cluster (always false offline)
         */
        public TopicFacts {
            Objects.requireNonNull(name, "name");
            configs = Map.copyOf(configs);
        }
    }

    /**
     * A consumer with retry topics: the tier topics its config derives for each main topic it reads.
     *
     * @param consumer the consumer's name in the config file
     * @param tierTopics main topic to its tier topics, first tier first; empty when the consumer sets
     *     {@code retry-topics} but not {@code topics}, so the main topics are unknown
     */
    public record RetryFacts(String consumer, Map<String, List<String>> tierTopics) {
        /**
         * Copies the map, keeping its order.
         *
         * @param consumer the consumer's name in the config file
         * @param tierTopics main topic to its tier topics, first tier first
         */
        public RetryFacts {
            Objects.requireNonNull(consumer, "consumer");
            Map<String, List<String>> copy = new LinkedHashMap<>();
            tierTopics.forEach((main, tiers) -> copy.put(main, List.copyOf(tiers)));
            tierTopics = Collections.unmodifiableMap(copy);
        }

        /**
         * The dead-letter topic a retry-topics consumer writes to after the last tier, unless its code
         * names another.
         *
         * @param mainTopic a main topic
         * @return {@code <mainTopic>.DLT}
         */
        public static String deadLetterTopic(String mainTopic) {
            return mainTopic + ".DLT";
        }
    }

    /**
     * A broker's effective configuration.
     *
     * @param id the broker's node id
     * @param configs broker config names and values
     */
    public record BrokerFacts(int id, Map<String, String> configs) {
        /**
         * Copies the configs.
         *
         * @param id the broker's node id
         * @param configs broker config names and values
         */
        public BrokerFacts {
            configs = Map.copyOf(configs);
        }
    }

    /**
     * A share consumer as lint sees it: its share group, the group configs it sets on the group
     * ({@code share.record.lock.duration.ms}, {@code share.delivery.count.limit}, ...) and its
     * handler attempts before the exhausted action.
     *
     * @param name the share consumer's name in the configuration
     * @param groupId the share group
     * @param groupConfigs the group configs the consumer sets, by their broker names
     * @param maxDeliveryAttempts deliveries whose handler may fail before the exhausted action
     */
    public record ShareConsumerFacts(
            String name, String groupId, Map<String, String> groupConfigs, int maxDeliveryAttempts) {
        /** Copies the map. */
        public ShareConsumerFacts {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(groupId, "groupId");
            groupConfigs = Map.copyOf(groupConfigs);
        }
    }

    private final Mode mode;
    private final List<ShareConsumerFacts> shareConsumers;
    private final List<ClientFacts> producers;
    private final List<ClientFacts> consumers;
    private final List<TopicFacts> topics;
    private final List<RetryFacts> retries;
    private final List<BrokerFacts> brokers;
    private final OptionalInt brokerCount;
    private final int partitionBudgetPerBroker;
    private final Map<Integer, Integer> replicasPerBroker;
    private final @Nullable ClusterFeatures clusterFeatures;
    private final @Nullable String brokerRelease;

    private LintContext(Builder b) {
        this.mode = b.mode;
        this.shareConsumers = List.copyOf(b.shareConsumers);
        this.producers = List.copyOf(b.producers);
        this.consumers = List.copyOf(b.consumers);
        this.topics = List.copyOf(b.topics);
        this.retries = List.copyOf(b.retries);
        this.brokers = List.copyOf(b.brokers);
        this.brokerCount =
                b.brokerCount.isPresent() || b.brokers.isEmpty() ? b.brokerCount : OptionalInt.of(b.brokers.size());
        this.partitionBudgetPerBroker = b.partitionBudgetPerBroker;
        this.replicasPerBroker = Map.copyOf(b.replicasPerBroker);
        this.clusterFeatures = b.clusterFeatures;
        this.brokerRelease = b.brokerRelease;
    }

    /** @return a builder for an offline context */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * An offline context with every producer, consumer and topic of a configuration.
     *
     * @param config the configuration
     * @return a builder holding them, to add a broker count or budget before building
     */
    public static Builder builder(KafkaSdkConfig config) {
        Builder builder = new Builder();
        config.producers().values().forEach(builder::producer);
        config.consumers().values().forEach(builder::consumer);
        config.shareConsumers().values().forEach(builder::shareConsumer);
        config.topics().values().forEach(builder::topic);
        config.cluster().brokerVersion().ifPresent(builder::brokerRelease);
        return builder;
    }

    /** @return where the settings came from */
    public Mode mode() {
        return mode;
    }

    /** @return the producers to check */
    public List<ClientFacts> producers() {
        return producers;
    }

    /** @return the consumers to check */
    public List<ClientFacts> consumers() {
        return consumers;
    }

    /** @return the share consumers to check */
    public List<ShareConsumerFacts> shareConsumers() {
        return shareConsumers;
    }

    /** @return the topics to check */
    public List<TopicFacts> topics() {
        return topics;
    }

    /** @return the consumers with retry topics and their tier topics */
    public List<RetryFacts> retries() {
        return retries;
    }

    /**
     * One topic by name.
     *
     * @param name a topic name
     * @return its facts, when the context holds it
     */
    public Optional<TopicFacts> topic(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** @return the brokers' configurations; empty offline */
    public List<BrokerFacts> brokers() {
        return brokers;
    }

    /** @return the number of brokers, when known */
    public OptionalInt brokerCount() {
        return brokerCount;
    }

    /** @return partition replicas one broker should host at most */
    public int partitionBudgetPerBroker() {
        return partitionBudgetPerBroker;
    }

    /** @return partition replicas each broker hosts now, by broker id; empty offline */
    public Map<Integer, Integer> replicasPerBroker() {
        return new TreeMap<>(replicasPerBroker);
    }

    /**
     * What the cluster supports, read online with {@code describeFeatures}; empty offline or when the
     * cluster did not say.
     *
     * @return the cluster's features, if known
     */
    public Optional<ClusterFeatures> clusterFeatures() {
        return Optional.ofNullable(clusterFeatures);
    }

    /**
     * The Kafka release the configuration declares for its brokers ({@code cluster.broker-version}):
     * offline, the feature rules report what that release lacks; online, the cluster's own features
     * take precedence.
     *
     * @return the declared release, such as {@code 3.9}, if any
     */
    public Optional<String> brokerRelease() {
        return Optional.ofNullable(brokerRelease);
    }

    /**
     * Starts a builder holding this context's values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder()
                .mode(mode)
                .partitionBudgetPerBroker(partitionBudgetPerBroker)
                .replicasPerBroker(replicasPerBroker);
        producers.forEach(b::producer);
        consumers.forEach(b::consumer);
        retries.forEach(b::retry);
        shareConsumers.forEach(b::shareConsumer);
        topics.forEach(b::topic);
        brokers.forEach(b::broker);
        brokerCount.ifPresent(b::brokerCount);
        if (clusterFeatures != null) {
            b.clusterFeatures(clusterFeatures);
        }
        if (brokerRelease != null) {
            b.brokerRelease(brokerRelease);
        }
        return b;
    }

    /** Collects a {@link LintContext}. Not thread-safe. */
    public static final class Builder {
        private Mode mode = Mode.OFFLINE;
        private @Nullable ClusterFeatures clusterFeatures;
        private @Nullable String brokerRelease;
        private final List<ClientFacts> producers = new ArrayList<>();
        private final List<ClientFacts> consumers = new ArrayList<>();
        private final List<ShareConsumerFacts> shareConsumers = new ArrayList<>();
        private final List<TopicFacts> topics = new ArrayList<>();
        private final List<RetryFacts> retries = new ArrayList<>();
        private final List<BrokerFacts> brokers = new ArrayList<>();
        private OptionalInt brokerCount = OptionalInt.empty();
        private int partitionBudgetPerBroker = SizingRequest.DEFAULT_PARTITION_BUDGET_PER_BROKER;
        private Map<Integer, Integer> replicasPerBroker = Map.of();

        private Builder() {}

        /**
         * Sets what the cluster supports (online lint reads it with {@code describeFeatures}).
         *
         * @param features the cluster's features
         * @return this builder
         */
        public Builder clusterFeatures(ClusterFeatures features) {
            this.clusterFeatures = Objects.requireNonNull(features, "features");
            return this;
        }

        /**
         * Declares the brokers' Kafka release ({@code cluster.broker-version}), for offline checks.
         *
         * @param release such as {@code 3.9} or {@code 3.9.2}
         * @return this builder
         * @throws IllegalArgumentException if {@code release} is not {@code major.minor[.patch]}
         */
        public Builder brokerRelease(String release) {
            ClusterFeatures.compareReleases(Objects.requireNonNull(release, "release"), release);
            this.brokerRelease = release;
            return this;
        }

        /**
         * @param mode where the settings came from
         * @return this builder
         */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * @param producer a producer to check
         * @return this builder
         */
        public Builder producer(ClientFacts producer) {
            producers.add(Objects.requireNonNull(producer, "producer"));
            return this;
        }

        /**
         * @param consumer a consumer to check
         * @return this builder
         */
        public Builder consumer(ClientFacts consumer) {
            consumers.add(Objects.requireNonNull(consumer, "consumer"));
            return this;
        }

        /**
         * @param shareConsumer a share consumer to check
         * @return this builder
         */
        public Builder shareConsumer(ShareConsumerFacts shareConsumer) {
            shareConsumers.add(Objects.requireNonNull(shareConsumer, "shareConsumer"));
            return this;
        }

        /**
         * Adds a share consumer from the config model: its group, group configs and attempts.
         *
         * @param settings the share consumer
         * @return this builder
         */
        public Builder shareConsumer(ShareConsumerSettings settings) {
            return shareConsumer(new ShareConsumerFacts(
                    settings.name(), settings.groupId(), settings.groupConfigs(), settings.maxDeliveryAttempts()));
        }

        /**
         * Adds a producer from the config model, as the properties it renders for kafka-clients.
         *
         * @param settings the producer
         * @return this builder
         */
        public Builder producer(ProducerSettings settings) {
            return producer(SettingsFacts.producer(settings));
        }

        /**
         * Adds a consumer from the config model, as the properties it renders for kafka-clients, and
         * its retry tiers when it has {@code retry-topics}.
         *
         * @param settings the consumer
         * @return this builder
         */
        public Builder consumer(ConsumerSettings settings) {
            SettingsFacts.retry(settings).ifPresent(this::retry);
            return consumer(SettingsFacts.consumer(settings));
        }

        /**
         * Adds a consumer's retry tiers ({@link #consumer(ConsumerSettings)} adds them from the config).
         *
         * @param retry the consumer's tier topics
         * @return this builder
         */
        public Builder retry(RetryFacts retry) {
            retries.add(Objects.requireNonNull(retry, "retry"));
            return this;
        }

        /**
         * Adds a topic spec; an unset partition count or replication factor counts as Kafka's broker
         * default (1) until {@link ClusterOperations#lintContext} reads the real topic.
         *
         * @param spec the topic spec
         * @return this builder
         */
        public Builder topic(TopicSpec spec) {
            return topic(SettingsFacts.topic(spec));
        }

        /**
         * Adds a topic, replacing an earlier one of the same name.
         *
         * @param topic a topic to check
         * @return this builder
         */
        public Builder topic(TopicFacts topic) {
            Objects.requireNonNull(topic, "topic");
            topics.removeIf(t -> t.name().equals(topic.name()));
            topics.add(topic);
            return this;
        }

        /**
         * @param broker a broker's configuration
         * @return this builder
         */
        public Builder broker(BrokerFacts broker) {
            brokers.add(Objects.requireNonNull(broker, "broker"));
            return this;
        }

        /**
         * Sets the broker count; defaults to the number of {@link #broker brokers} added, if any.
         *
         * @param count number of brokers
         * @return this builder
         */
        public Builder brokerCount(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("brokerCount: " + count + " is invalid; must be positive");
            }
            this.brokerCount = OptionalInt.of(count);
            return this;
        }

        /**
         * @param budget partition replicas one broker should host at most (default 2,000)
         * @return this builder
         */
        public Builder partitionBudgetPerBroker(int budget) {
            if (budget < 1) {
                throw new IllegalArgumentException(
                        "partitionBudgetPerBroker: " + budget + " is invalid; must be positive");
            }
            this.partitionBudgetPerBroker = budget;
            return this;
        }

        /**
         * @param replicas partition replicas each broker hosts now, by broker id
         * @return this builder
         */
        public Builder replicasPerBroker(Map<Integer, Integer> replicas) {
            this.replicasPerBroker = Map.copyOf(replicas);
            return this;
        }

        /** @return the context */
        public LintContext build() {
            return new LintContext(this);
        }
    }
}
