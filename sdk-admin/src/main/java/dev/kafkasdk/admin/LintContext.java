package dev.kafkasdk.admin;

import dev.kafkasdk.admin.internal.SettingsFacts;
import dev.kafkasdk.core.compat.ClusterFeatures;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.config.TopicSpec;
import java.util.ArrayList;
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

    private final Mode mode;
    private final List<ClientFacts> producers;
    private final List<ClientFacts> consumers;
    private final List<TopicFacts> topics;
    private final List<BrokerFacts> brokers;
    private final OptionalInt brokerCount;
    private final int partitionBudgetPerBroker;
    private final Map<Integer, Integer> replicasPerBroker;
    private final @Nullable ClusterFeatures clusterFeatures;
    private final @Nullable String brokerRelease;
    private final List<String> shareConsumers;

    private LintContext(Builder b) {
        this.mode = b.mode;
        this.producers = List.copyOf(b.producers);
        this.consumers = List.copyOf(b.consumers);
        this.topics = List.copyOf(b.topics);
        this.brokers = List.copyOf(b.brokers);
        this.brokerCount =
                b.brokerCount.isPresent() || b.brokers.isEmpty() ? b.brokerCount : OptionalInt.of(b.brokers.size());
        this.partitionBudgetPerBroker = b.partitionBudgetPerBroker;
        this.replicasPerBroker = Map.copyOf(b.replicasPerBroker);
        this.clusterFeatures = b.clusterFeatures;
        this.brokerRelease = b.brokerRelease;
        this.shareConsumers = List.copyOf(b.shareConsumers);
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
        config.topics().values().forEach(builder::topic);
        config.shareConsumers().keySet().forEach(builder::shareConsumer);
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

    /** @return the topics to check */
    public List<TopicFacts> topics() {
        return topics;
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

    /** @return the names of the share consumers (KIP-932) of the configuration */
    public List<String> shareConsumers() {
        return shareConsumers;
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
        topics.forEach(b::topic);
        brokers.forEach(b::broker);
        brokerCount.ifPresent(b::brokerCount);
        if (clusterFeatures != null) {
            b.clusterFeatures(clusterFeatures);
        }
        if (brokerRelease != null) {
            b.brokerRelease(brokerRelease);
        }
        shareConsumers.forEach(b::shareConsumer);
        return b;
    }

    /** Collects a {@link LintContext}. Not thread-safe. */
    public static final class Builder {
        private Mode mode = Mode.OFFLINE;
        private @Nullable ClusterFeatures clusterFeatures;
        private @Nullable String brokerRelease;
        private final List<String> shareConsumers = new ArrayList<>();
        private final List<ClientFacts> producers = new ArrayList<>();
        private final List<ClientFacts> consumers = new ArrayList<>();
        private final List<TopicFacts> topics = new ArrayList<>();
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
         * @param name a share consumer of the configuration, checked against the share-group feature
         * @return this builder
         */
        public Builder shareConsumer(String name) {
            shareConsumers.add(Objects.requireNonNull(name, "name"));
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
         * Adds a producer from the config model, as the properties it renders for kafka-clients.
         *
         * @param settings the producer
         * @return this builder
         */
        public Builder producer(ProducerSettings settings) {
            return producer(SettingsFacts.producer(settings));
        }

        /**
         * Adds a consumer from the config model, as the properties it renders for kafka-clients.
         *
         * @param settings the consumer
         * @return this builder
         */
        public Builder consumer(ConsumerSettings settings) {
            return consumer(SettingsFacts.consumer(settings));
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
