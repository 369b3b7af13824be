package dev.kafkasdk.core.config;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.internal.ConfigLoading;
import dev.kafkasdk.core.config.internal.Limits;
import dev.kafkasdk.core.config.internal.Problems;
import dev.kafkasdk.core.config.internal.PropertyTable;
import dev.kafkasdk.core.config.internal.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One configuration: the cluster connection and any number of named producers, consumers,
 * admin clients and topics. Load it from YAML, JSON or properties ({@link #load(Path)},
 * {@link #loader()}) or build it in code ({@link #builder()}). Immutable and thread-safe;
 * always valid once created.
 */
public final class KafkaSdkConfig {

    private final ClusterSettings cluster;
    private final Map<String, ProducerSettings> producers;
    private final Map<String, ConsumerSettings> consumers;
    private final Map<String, AdminSettings> admins;
    private final Map<String, TopicSpec> topics;
    private final Map<String, ShareConsumerSettings> shareConsumers;

    private KafkaSdkConfig(
            ClusterSettings cluster,
            Map<String, ProducerSettings> producers,
            Map<String, ConsumerSettings> consumers,
            Map<String, AdminSettings> admins,
            Map<String, TopicSpec> topics,
            Map<String, ShareConsumerSettings> shareConsumers) {
        this.cluster = cluster;
        this.shareConsumers = Collections.unmodifiableMap(shareConsumers);
        this.producers = Collections.unmodifiableMap(producers);
        this.consumers = Collections.unmodifiableMap(consumers);
        this.admins = Collections.unmodifiableMap(admins);
        this.topics = Collections.unmodifiableMap(topics);
    }

    /**
     * Loads a file, with substitution and overrides from {@link System#getenv()}. The format
     * comes from the extension: {@code .yaml}, {@code .yml}, {@code .json}, {@code .properties}.
     *
     * @param file the file
     * @return the configuration
     * @throws ConfigException with every problem: unreadable or malformed file, unknown keys,
     *                         bad values, missing environment variables, broken rules
     */
    public static KafkaSdkConfig load(Path file) {
        return loader().file(file).load();
    }

    /**
     * Starts loading from files or text.
     *
     * @return a new loader; not thread-safe
     */
    public static Loader loader() {
        return new Loader();
    }

    /**
     * Starts building in code; every value has origin {@link Origin#CODE}.
     *
     * @return a new builder; not thread-safe
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the cluster connection */
    public ClusterSettings cluster() {
        return cluster;
    }

    /** @return every producer by name, in document order */
    public Map<String, ProducerSettings> producers() {
        return producers;
    }

    /**
     * One producer.
     *
     * @param name its name
     * @return the settings
     * @throws ConfigException if none has that name; the message lists the known names
     */
    public ProducerSettings producer(String name) {
        return named(producers, "producers", "producer", name);
    }

    /** @return every consumer by name, in document order */
    public Map<String, ConsumerSettings> consumers() {
        return consumers;
    }

    /**
     * One consumer.
     *
     * @param name its name
     * @return the settings
     * @throws ConfigException if none has that name; the message lists the known names
     */
    public ConsumerSettings consumer(String name) {
        return named(consumers, "consumers", "consumer", name);
    }

    /**
     * Every share consumer (section {@code share-consumers}) by name, in document order.
     *
     * @return the share consumers
     * @since 0.2
     */
    public Map<String, ShareConsumerSettings> shareConsumers() {
        return shareConsumers;
    }

    /**
     * One share consumer.
     *
     * @param name its name
     * @return the settings
     * @throws ConfigException if none has that name; the message lists the known names
     * @since 0.2
     */
    public ShareConsumerSettings shareConsumer(String name) {
        return named(shareConsumers, "share-consumers", "share consumer", name);
    }

    /** @return every admin client by name, in document order */
    public Map<String, AdminSettings> admins() {
        return admins;
    }

    /**
     * One admin client.
     *
     * @param name its name
     * @return the settings
     * @throws ConfigException if none has that name; the message lists the known names
     */
    public AdminSettings admin(String name) {
        return named(admins, "admins", "admin client", name);
    }

    /**
     * The admin client named {@code default}, or default settings when none is declared.
     *
     * @return the settings
     */
    public AdminSettings admin() {
        AdminSettings declared = admins.get("default");
        return declared != null ? declared : AdminSettings.defaults(cluster);
    }

    /** @return every topic by name, in document order */
    public Map<String, TopicSpec> topics() {
        return topics;
    }

    /**
     * One topic.
     *
     * @param name its name
     * @return the spec
     * @throws ConfigException if none has that name; the message lists the known names
     */
    public TopicSpec topic(String name) {
        return named(topics, "topics", "topic", name);
    }

    /**
     * Every client's {@code describe()} table and every topic's configs; secrets masked.
     *
     * @return multi-line text
     */
    public String describe() {
        PropertyTable clusterTable = new PropertyTable();
        ClusterRenderer.render(cluster, clusterTable);
        StringBuilder sb =
                new StringBuilder("cluster ").append(clusterTable.toMaskedMap()).append("\n\n");
        producers.values().forEach(p -> sb.append(p.describe()).append('\n'));
        consumers.values().forEach(c -> sb.append(c.describe()).append('\n'));
        shareConsumers.values().forEach(c -> sb.append(c.describe()).append('\n'));
        sb.append(admin().describe());
        topics.values()
                .forEach(t -> sb.append("\ntopic '")
                        .append(t.name())
                        .append("' partitions=")
                        .append(t.partitions().isPresent() ? t.partitions().getAsInt() : "(broker default)")
                        .append(" replication-factor=")
                        .append(
                                t.replicationFactor().isPresent()
                                        ? t.replicationFactor().getAsInt()
                                        : "(broker default)")
                        .append(" configs=")
                        .append(Limits.shortenValues(t.toTopicConfigs())));
        return sb.append('\n').toString();
    }

    /** @return the cluster and the names of the clients and topics; no secrets */
    @Override
    public String toString() {
        return "KafkaSdkConfig[cluster=" + cluster + ", producers=" + producers.keySet() + ", consumers="
                + consumers.keySet() + ", shareConsumers=" + shareConsumers.keySet() + ", admins=" + admins.keySet()
                + ", topics=" + topics.keySet() + "]";
    }

    private static <T> T named(Map<String, T> map, String section, String what, String name) {
        T value = map.get(name);
        if (value == null) {
            String known = map.isEmpty() ? "none is declared" : "known: " + String.join(", ", map.keySet());
            throw new ConfigException(
                    section + "." + name,
                    null,
                    "no " + what + " named '" + name + "'; " + known + Suggestions.didYouMean(name, map.keySet()));
        }
        return value;
    }

    /** Loads configuration documents. Not thread-safe. */
    public static final class Loader {
        private final List<ConfigLoading.Source> sources = new ArrayList<>();
        private Map<String, String> environment = System.getenv();

        private Loader() {}

        /**
         * Adds a file; its extension gives the format. Several sources merge, later ones winning.
         *
         * @param file the file, read by {@link #load()}
         * @return this loader
         */
        public Loader file(Path file) {
            sources.add(new ConfigLoading.Source(file.toString(), null, file, null));
            return this;
        }

        /**
         * Adds a YAML document.
         *
         * @param text the document
         * @return this loader
         */
        public Loader yaml(String text) {
            sources.add(new ConfigLoading.Source("(yaml)", ConfigLoading.Format.YAML, null, text));
            return this;
        }

        /**
         * Adds a JSON document.
         *
         * @param text the document
         * @return this loader
         */
        public Loader json(String text) {
            sources.add(new ConfigLoading.Source("(json)", ConfigLoading.Format.JSON, null, text));
            return this;
        }

        /**
         * Adds a properties document.
         *
         * @param text the document
         * @return this loader
         */
        public Loader properties(String text) {
            sources.add(new ConfigLoading.Source("(properties)", ConfigLoading.Format.PROPERTIES, null, text));
            return this;
        }

        /**
         * Sets the environment used for {@code ${NAME}} substitution and {@code KAFKA_SDK_...}
         * overrides (default {@link System#getenv()}).
         *
         * @param environment variable names to values; copied
         * @return this loader
         */
        public Loader environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * Reads, merges, overrides, substitutes, validates and builds.
         *
         * @return the configuration
         * @throws ConfigException with every problem found
         */
        public KafkaSdkConfig load() {
            Problems problems = new Problems();
            KafkaSdkConfig config = DocumentBinder.bind(
                    ConfigLoading.load(List.copyOf(sources), environment, ConfigSchema.ROOT, problems), problems);
            problems.throwIfAny();
            return config;
        }
    }

    /** Builds a configuration in code. Not thread-safe. */
    public static final class Builder {
        private ClusterSettings cluster;
        private final Map<String, Function<ClusterSettings, ProducerSettings>> producers = new LinkedHashMap<>();
        private final Map<String, Function<ClusterSettings, ConsumerSettings>> consumers = new LinkedHashMap<>();
        private final Map<String, Function<ClusterSettings, AdminSettings>> admins = new LinkedHashMap<>();
        private final Map<String, TopicSpec> topics = new LinkedHashMap<>();
        private final Map<String, Function<ClusterSettings, ShareConsumerSettings>> shareConsumers =
                new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets the cluster every client connects to (required).
         *
         * @param cluster the cluster
         * @return this builder
         */
        public Builder cluster(ClusterSettings cluster) {
            this.cluster = cluster;
            return this;
        }

        /**
         * Adds a producer under its name; if its cluster differs, it is rebuilt on this one.
         *
         * @param settings the producer
         * @return this builder
         */
        public Builder producer(ProducerSettings settings) {
            producers.put(
                    settings.name(),
                    c -> settings.cluster().equals(c)
                            ? settings
                            : ProducerSettings.from(settings).cluster(c).build());
            return this;
        }

        /**
         * Adds a producer configured by a callback, built on this builder's cluster.
         *
         * @param name       its name
         * @param customizer sets its values
         * @return this builder
         */
        public Builder producer(String name, Consumer<ProducerSettings.Builder> customizer) {
            producers.put(name, c -> {
                ProducerSettings.Builder b =
                        ProducerSettings.builder().name(name).cluster(c);
                customizer.accept(b);
                return b.build();
            });
            return this;
        }

        /**
         * Adds a consumer under its name; if its cluster differs, it is rebuilt on this one.
         *
         * @param settings the consumer
         * @return this builder
         */
        public Builder consumer(ConsumerSettings settings) {
            consumers.put(
                    settings.name(),
                    c -> settings.cluster().equals(c)
                            ? settings
                            : ConsumerSettings.from(settings).cluster(c).build());
            return this;
        }

        /**
         * Adds a consumer configured by a callback, built on this builder's cluster.
         *
         * @param name       its name
         * @param customizer sets its values
         * @return this builder
         */
        public Builder consumer(String name, Consumer<ConsumerSettings.Builder> customizer) {
            consumers.put(name, c -> {
                ConsumerSettings.Builder b =
                        ConsumerSettings.builder().name(name).cluster(c);
                customizer.accept(b);
                return b.build();
            });
            return this;
        }

        /**
         * Adds a share consumer under its name; if its cluster differs, it is rebuilt on this one.
         *
         * @param settings the share consumer
         * @return this builder
         * @since 0.2
         */
        public Builder shareConsumer(ShareConsumerSettings settings) {
            shareConsumers.put(
                    settings.name(),
                    c -> settings.cluster().equals(c)
                            ? settings
                            : ShareConsumerSettings.from(settings).cluster(c).build());
            return this;
        }

        /**
         * Adds an admin client under its name; if its cluster differs, it is rebuilt on this one.
         *
         * @param settings the admin client
         * @return this builder
         */
        public Builder admin(AdminSettings settings) {
            admins.put(
                    settings.name(),
                    c -> settings.cluster().equals(c)
                            ? settings
                            : AdminSettings.from(settings).cluster(c).build());
            return this;
        }

        /**
         * Sets a topic, added under its name.
         *
         * @param spec the topic
         * @return this builder
         */
        public Builder topic(TopicSpec spec) {
            topics.put(Objects.requireNonNull(spec, "spec").name(), spec);
            return this;
        }

        /**
         * Builds every client on the cluster, gathering all problems.
         *
         * @return the configuration
         * @throws ConfigException with every problem of every client
         */
        public KafkaSdkConfig build() {
            Problems problems = new Problems();
            if (cluster == null) {
                problems.missing("cluster", "is required; set cluster(ClusterSettings.of(\"broker1:9092\"))");
                problems.throwIfAny();
            }
            Map<String, ProducerSettings> p = buildAll(producers, problems);
            Map<String, ConsumerSettings> c = buildAll(consumers, problems);
            Map<String, AdminSettings> a = buildAll(admins, problems);
            Map<String, ShareConsumerSettings> s = buildAll(shareConsumers, problems);
            resolveDeadLetterProducers(c, p, problems);
            problems.throwIfAny();
            return new KafkaSdkConfig(cluster, p, c, a, new LinkedHashMap<>(topics), s);
        }

        /** Attaches the producer each consumer's {@code dead-letter-producer} names, or records a problem. */
        private static void resolveDeadLetterProducers(
                Map<String, ConsumerSettings> consumers, Map<String, ProducerSettings> producers, Problems problems) {
            consumers.replaceAll((name, consumer) -> {
                String wanted = consumer.deadLetterProducerName().orElse(null);
                if (wanted == null
                        || consumer.deadLetterProducer()
                                .filter(p -> !producers.containsKey(wanted))
                                .isPresent()) {
                    return consumer;
                }
                ProducerSettings producer = producers.get(wanted);
                if (producer == null) {
                    String known = producers.isEmpty()
                            ? "no producer is declared"
                            : "declared: " + String.join(", ", producers.keySet());
                    problems.invalid(
                            "consumers." + name + "." + ConsumerKeys.DEAD_LETTER_PRODUCER.name(),
                            wanted,
                            "names no producer; " + known + Suggestions.didYouMean(wanted, producers.keySet())
                                    + ". Add it under producers:, or remove the key to publish dead letters with "
                                    + "the consumer's cluster settings");
                    return consumer;
                }
                return ConsumerSettings.from(consumer)
                        .resolvedDeadLetterProducer(producer)
                        .build();
            });
        }

        private <T> Map<String, T> buildAll(Map<String, Function<ClusterSettings, T>> factories, Problems problems) {
            Map<String, T> built = new LinkedHashMap<>();
            factories.forEach((name, factory) -> {
                try {
                    built.put(name, factory.apply(cluster));
                } catch (ConfigException e) {
                    problems.addAll(e.problems());
                }
            });
            return built;
        }
    }
}
