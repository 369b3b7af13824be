package dev.kafkasdk.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable options for a test cluster: node count, backend, broker overrides, default partitions
 * and timeouts. Build with {@link #builder()} (or {@link #from(EmbeddedKafkaOptions)} to derive from
 * other options); {@link Builder#build()} checks every value and reports all problems at once.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @since 0.1
 */
public final class EmbeddedKafkaOptions {

    /** Broker keys the kit sets itself; overriding them would break the cluster's wiring. */
    private static final Set<String> MANAGED_BROKER_KEYS = Set.of(
            "process.roles",
            "node.id",
            "broker.id",
            "controller.quorum.voters",
            "controller.quorum.bootstrap.servers",
            "listeners",
            "advertised.listeners",
            "controller.listener.names",
            "inter.broker.listener.name",
            "listener.security.protocol.map",
            "log.dir",
            "log.dirs",
            "metadata.log.dir");

    private static final int MAX_NODES = 9;

    /**
     * System property naming the Kafka version of every broker the kit starts (for example
     * {@code 3.9.2}); it overrides {@link Builder#brokerVersion(String)} and
     * {@link KafkaBroker#version()}.
     */
    public static final String BROKER_VERSION_PROPERTY = "kafka.sdk.test.broker.version";

    /**
     * System property naming the folder that holds one sub-folder of jars per broker version
     * ({@code <folder>/3.9.2/*.jar}): the class path of a {@link Builder#brokerVersion(String)}
     * broker. The build's {@code compat-brokers} module fills {@code compat-brokers/target/brokers}.
     */
    public static final String BROKER_DISTS_PROPERTY = "kafka.sdk.test.broker.dists";

    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("\\d+\\.\\d+\\.\\d+");

    private final int nodes;
    private final Backend backend;
    private final Map<String, String> brokerProperties;
    private final int defaultPartitions;
    private final Duration startupTimeout;
    private final Duration operationTimeout;
    private final String externalBootstrapServers;
    private final SecurityOptions security;
    private final boolean faultProxy;
    private final String brokerVersion;

    private EmbeddedKafkaOptions(Builder builder) {
        this.nodes = builder.nodes;
        this.backend = builder.backend;
        this.brokerProperties = Collections.unmodifiableMap(new LinkedHashMap<>(builder.brokerProperties));
        this.defaultPartitions = builder.defaultPartitions;
        this.startupTimeout = builder.startupTimeout;
        this.operationTimeout = builder.operationTimeout;
        this.externalBootstrapServers = builder.externalBootstrapServers;
        this.security = builder.security;
        this.faultProxy = builder.faultProxy;
        this.brokerVersion = builder.brokerVersion;
    }

    /**
     * Options for one node on the {@link Backend#AUTO} backend with every default.
     *
     * @return the default options
     */
    public static EmbeddedKafkaOptions defaults() {
        return builder().build();
    }

    /**
     * A builder with every default: 1 node, {@link Backend#AUTO}, no broker overrides, 1 partition,
     * 120 s start-up timeout, 30 s operation timeout.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from the values of {@code base}.
     *
     * @param base the options to copy
     * @return a new builder
     */
    public static Builder from(EmbeddedKafkaOptions base) {
        Objects.requireNonNull(base, "base");
        Builder builder = new Builder()
                .nodes(base.nodes)
                .backend(base.backend)
                .brokerProperties(base.brokerProperties)
                .defaultPartitions(base.defaultPartitions)
                .startupTimeout(base.startupTimeout)
                .operationTimeout(base.operationTimeout)
                .security(base.security)
                .faultProxy(base.faultProxy);
        builder.brokerVersion = base.brokerVersion;
        builder.externalBootstrapServers = base.externalBootstrapServers;
        return builder;
    }

    /**
     * Number of combined broker and controller nodes.
     *
     * @return the node count
     */
    public int nodes() {
        return nodes;
    }

    /**
     * The requested backend, before system properties and {@link Backend#AUTO} are resolved.
     *
     * @return the requested backend
     */
    public Backend backend() {
        return backend;
    }

    /**
     * Broker configuration overrides, applied on top of the kit's settings.
     *
     * @return an unmodifiable map in insertion order
     */
    public Map<String, String> brokerProperties() {
        return brokerProperties;
    }

    /**
     * Partitions for {@link KafkaCluster#createTopic(String)} and for automatically created topics.
     *
     * @return the default partition count
     */
    public int defaultPartitions() {
        return defaultPartitions;
    }

    /**
     * How long the cluster may take to serve after start-up begins.
     *
     * @return the start-up timeout
     */
    public Duration startupTimeout() {
        return startupTimeout;
    }

    /**
     * Timeout of each helper call such as {@link KafkaCluster#createTopic(String)} or
     * {@link KafkaCluster#produce(String, String, String)}.
     *
     * @return the operation timeout
     */
    public Duration operationTimeout() {
        return operationTimeout;
    }

    /**
     * The bootstrap servers of an existing cluster, used by {@link Backend#EXTERNAL} when the
     * system property {@value Backend#BOOTSTRAP_SERVERS_PROPERTY} is not set.
     *
     * @return the configured servers, if any
     */
    public Optional<String> externalBootstrapServers() {
        return Optional.ofNullable(externalBootstrapServers);
    }

    /**
     * The secured listeners, users and ACL enforcement; {@link SecurityOptions#none()} by default.
     *
     * @return the security options
     */
    public SecurityOptions security() {
        return security;
    }

    /**
     * Whether every node gets a fault-injecting TCP proxy in front of an extra PLAINTEXT listener
     * (see {@link NetworkFaults}).
     *
     * @return {@code true} if the proxies run
     */
    public boolean faultProxy() {
        return faultProxy;
    }

    /**
     * The Kafka version of the brokers when it is not the class path's own (see
     * {@link Builder#brokerVersion(String)}); the system property {@value #BROKER_VERSION_PROPERTY}
     * overrides it when the cluster starts.
     *
     * @return the requested broker version, if any
     */
    public Optional<String> brokerVersion() {
        return Optional.ofNullable(brokerVersion);
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaOptions{nodes=" + nodes + ", security=" + security + ", faultProxy=" + faultProxy
                + (brokerVersion == null ? "" : ", brokerVersion=" + brokerVersion)
                + ", backend=" + backend
                + ", brokerProperties=" + brokerProperties + ", defaultPartitions=" + defaultPartitions
                + ", startupTimeout=" + startupTimeout + ", operationTimeout=" + operationTimeout
                + ", externalBootstrapServers=" + externalBootstrapServers + '}';
    }

    /**
     * Mutable builder of {@link EmbeddedKafkaOptions}; not thread-safe, use it from one thread.
     */
    public static final class Builder {
        private int nodes = 1;
        private Backend backend = Backend.AUTO;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private int defaultPartitions = 1;
        private Duration startupTimeout = Duration.ofSeconds(120);
        private Duration operationTimeout = Duration.ofSeconds(30);
        private String externalBootstrapServers;
        private SecurityOptions security = SecurityOptions.none();
        private boolean faultProxy;
        private String brokerVersion;

        private Builder() {}

        /**
         * Runs brokers of another Kafka release than the class path's, for compatibility tests: each
         * node is a child JVM ({@link Backend#CHILD_JVM}; {@link Backend#AUTO} resolves to it) whose
         * class path is {@code <dists>/<version>/*.jar}, where {@code <dists>} is the system property
         * {@value #BROKER_DISTS_PROPERTY}. {@code null} or blank means the class path's own version.
         *
         * @param version a release such as {@code 3.9.2}
         * @return this builder
         */
        public Builder brokerVersion(String version) {
            this.brokerVersion = version == null || version.isBlank() ? null : version.trim();
            return this;
        }

        /**
         * Puts a fault-injecting TCP proxy in front of every node; needs the {@link Backend#IN_PROCESS}
         * or {@link Backend#CHILD_JVM} backend.
         *
         * @param enabled {@code true} to start the proxies
         * @return this builder
         */
        public Builder faultProxy(boolean enabled) {
            this.faultProxy = enabled;
            return this;
        }

        /**
         * Sets the secured listeners, users and ACL enforcement; needs the {@link Backend#IN_PROCESS}
         * or {@link Backend#CHILD_JVM} backend.
         *
         * @param security the security options
         * @return this builder
         */
        public Builder security(SecurityOptions security) {
            this.security = security;
            return this;
        }

        /**
         * Sets the number of nodes (1 to 9).
         *
         * @param nodes the node count
         * @return this builder
         */
        public Builder nodes(int nodes) {
            this.nodes = nodes;
            return this;
        }

        /**
         * Sets the requested backend.
         *
         * @param backend the backend
         * @return this builder
         */
        public Builder backend(Backend backend) {
            this.backend = backend;
            return this;
        }

        /**
         * Adds one broker configuration override.
         *
         * @param key   a broker configuration key not managed by the kit
         * @param value its value
         * @return this builder
         */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(key, value);
            return this;
        }

        /**
         * Adds broker configuration overrides.
         *
         * @param properties keys and values; the map is copied
         * @return this builder
         */
        public Builder brokerProperties(Map<String, String> properties) {
            brokerProperties.putAll(properties);
            return this;
        }

        /**
         * Sets the default partition count.
         *
         * @param partitions at least 1
         * @return this builder
         */
        public Builder defaultPartitions(int partitions) {
            this.defaultPartitions = partitions;
            return this;
        }

        /**
         * Sets how long the cluster may take to start.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /**
         * Sets the timeout of each helper call.
         *
         * @param timeout a duration of at least one second
         * @return this builder
         */
        public Builder operationTimeout(Duration timeout) {
            this.operationTimeout = timeout;
            return this;
        }

        /**
         * Names an existing cluster for {@link Backend#EXTERNAL}; also makes {@link Backend#AUTO}
         * resolve to {@code EXTERNAL}.
         *
         * @param bootstrapServers comma-separated {@code host:port} list
         * @return this builder
         */
        public Builder externalBootstrapServers(String bootstrapServers) {
            this.externalBootstrapServers = bootstrapServers;
            return this;
        }

        /**
         * Checks every value and builds the options.
         *
         * @return the immutable options
         * @throws KafkaTestKitException listing every invalid value and what would be valid
         */
        public EmbeddedKafkaOptions build() {
            List<String> problems = new ArrayList<>();
            if (nodes < 1 || nodes > MAX_NODES) {
                problems.add("nodes=" + nodes + ": must be from 1 to " + MAX_NODES);
            }
            if (backend == null) {
                problems.add("backend=null: must be one of " + List.of(Backend.values()));
            }
            if (defaultPartitions < 1) {
                problems.add("defaultPartitions=" + defaultPartitions + ": must be at least 1");
            }
            if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
                problems.add("startupTimeout=" + startupTimeout + ": must be positive");
            }
            if (operationTimeout == null || operationTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
                problems.add("operationTimeout=" + operationTimeout + ": must be at least 1 second");
            }
            if (security == null) {
                problems.add("security=null: use SecurityOptions.none() for no security");
            } else if (security.enabled() && (backend == Backend.EXTERNAL || backend == Backend.TESTCONTAINERS)) {
                problems.add(
                        "security with backend=" + backend + ": secured listeners need IN_PROCESS, CHILD_JVM or AUTO");
            }
            if (faultProxy && security != null && security.securesInternalTraffic()) {
                problems.add("faultProxy=true with security.interBrokerListener="
                        + security.interBrokerListener().orElseThrow()
                        + ": the proxied listener is PLAINTEXT; drop one of them");
            }
            if (faultProxy && (backend == Backend.EXTERNAL || backend == Backend.TESTCONTAINERS)) {
                problems.add(
                        "faultProxy=true with backend=" + backend + ": the proxies need IN_PROCESS, CHILD_JVM or AUTO");
            }
            if (brokerVersion != null && !VERSION.matcher(brokerVersion).matches()) {
                problems.add("brokerVersion=" + brokerVersion + ": must be a Kafka release such as 3.9.2");
            }
            if (brokerVersion != null
                    && (backend == Backend.IN_PROCESS
                            || backend == Backend.EXTERNAL
                            || backend == Backend.TESTCONTAINERS)) {
                problems.add("brokerVersion=" + brokerVersion + " with backend=" + backend
                        + ": a broker of another version runs only on CHILD_JVM or AUTO");
            }
            if (externalBootstrapServers != null && externalBootstrapServers.isBlank()) {
                problems.add("externalBootstrapServers is blank: give host:port[,host:port...] or leave it unset");
            }
            brokerProperties.forEach((key, value) -> {
                if (key == null || key.isBlank()) {
                    problems.add("brokerProperties has a blank key (value " + value + ")");
                } else if (MANAGED_BROKER_KEYS.contains(key.trim())) {
                    problems.add("brokerProperties " + key + "=" + value + ": the kit sets " + key
                            + " itself and it cannot be overridden");
                } else if (value == null) {
                    problems.add("brokerProperties " + key + " has a null value");
                }
            });
            if (!problems.isEmpty()) {
                throw new KafkaTestKitException("Invalid Kafka test cluster options: " + String.join("; ", problems));
            }
            return new EmbeddedKafkaOptions(this);
        }
    }
}
