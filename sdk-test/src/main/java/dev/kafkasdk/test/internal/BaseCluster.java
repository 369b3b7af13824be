package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.ClusterSecurity;
import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaCluster;
import dev.kafkasdk.test.KafkaNode;
import dev.kafkasdk.test.NetworkFaults;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * What every backend shares: the client helpers and the close sequence. A backend supplies its
 * nodes and {@link #shutdownNodes()}. Thread-safe.
 */
abstract class BaseCluster implements KafkaCluster {

    private final Backend backend;
    private final String bootstrapServers;
    private final EmbeddedKafkaOptions options;
    private final TopicAdmin topicAdmin;
    private final RecordIo recordIo;
    private final Map<String, Object> kitClientSecurity;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ClusterSecurity security;
    private volatile SecurityMaterial material;
    private final Map<Integer, FaultProxy> proxies = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String proxiedBootstrapServers;

    BaseCluster(Backend backend, String bootstrapServers, EmbeddedKafkaOptions options) {
        this(backend, bootstrapServers, options, Map.of());
    }

    /**
     * A cluster whose kit listener needs {@code kitClientSecurity} (security protocol, SASL and store
     * settings) on top of {@code bootstrap.servers}; empty for the kit's PLAINTEXT listener.
     */
    BaseCluster(
            Backend backend,
            String bootstrapServers,
            EmbeddedKafkaOptions options,
            Map<String, Object> kitClientSecurity) {
        this.backend = backend;
        this.bootstrapServers = bootstrapServers;
        this.options = options;
        this.kitClientSecurity = Map.copyOf(kitClientSecurity);
        this.topicAdmin = new TopicAdmin(bootstrapServers, options.operationTimeout(), this.kitClientSecurity);
        this.recordIo = new RecordIo(bootstrapServers, options.operationTimeout(), this.kitClientSecurity);
    }

    /** Stops whatever the backend started and deletes its data; called once, by {@link #close()}. */
    abstract void shutdownNodes();

    final TopicAdmin topicAdmin() {
        return topicAdmin;
    }

    /** Makes {@link #security()} available; called once by a backend that opened secured listeners. */
    final void secure(SecurityMaterial material, List<BrokerConfig.NodeAddress> addresses) {
        this.material = material;
        this.security = new DefaultClusterSecurity(material, addresses, topicAdmin, options.operationTimeout());
    }

    /** Starts one fault proxy per node in front of its proxied listener; called once by a backend. */
    final void startProxies(List<BrokerConfig.NodeAddress> addresses) {
        for (BrokerConfig.NodeAddress address : addresses) {
            BrokerConfig.ExtraListener proxied =
                    address.extra(BrokerConfig.PROXIED_LISTENER).orElseThrow();
            proxies.put(
                    address.id(),
                    FaultProxy.start("node-" + address.id(), proxied.advertisedPort(), proxied.bindPort()));
        }
        proxiedBootstrapServers = BrokerConfig.bootstrapServers(addresses, BrokerConfig.PROXIED_LISTENER);
    }

    @Override
    public String proxiedBootstrapServers() {
        String servers = proxiedBootstrapServers;
        if (servers == null) {
            throw new IllegalStateException(NO_PROXY);
        }
        return servers;
    }

    @Override
    public NetworkFaults network(int nodeId) {
        if (proxiedBootstrapServers == null) {
            throw new IllegalStateException(NO_PROXY);
        }
        FaultProxy proxy = proxies.get(nodeId);
        if (proxy == null) {
            throw new IllegalArgumentException("No node with id " + nodeId + "; the nodes are " + proxies.keySet());
        }
        return proxy;
    }

    @Override
    public final void moveLeader(String topic, int partition, int nodeId) {
        node(nodeId);
        topicAdmin.moveLeader(topic, partition, nodeId);
    }

    @Override
    public final int leaderOf(String topic, int partition) {
        return topicAdmin.leaderOf(topic, partition);
    }

    @Override
    public ClusterSecurity security() {
        ClusterSecurity current = security;
        return current != null ? current : KafkaCluster.super.security();
    }

    final boolean isClosed() {
        return closed.get();
    }

    @Override
    public final String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public final Backend backend() {
        return backend;
    }

    @Override
    public int nodeCount() {
        return nodes().size();
    }

    @Override
    public final KafkaNode node(int id) {
        return nodes().stream()
                .filter(n -> n.id() == id)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No node with id " + id + "; the nodes are "
                        + nodes().stream().map(n -> Integer.toString(n.id())).collect(Collectors.joining(", "))));
    }

    @Override
    public final String uniqueTopicName(String prefix) {
        return TopicNames.unique(prefix);
    }

    @Override
    public final void createTopic(String name) {
        createTopic(name, options.defaultPartitions());
    }

    @Override
    public final void createTopic(String name, int partitions) {
        createTopic(name, partitions, Math.min(nodeCount(), 3));
    }

    @Override
    public final void createTopic(String name, int partitions, int replicationFactor) {
        createTopic(name, partitions, replicationFactor, Map.of());
    }

    @Override
    public final void createTopic(
            String name, int partitions, int replicationFactor, Map<String, String> topicConfigs) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topicConfigs, "topicConfigs");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions=" + partitions + ": must be at least 1");
        }
        if (replicationFactor < 1 || replicationFactor > nodeCount()) {
            throw new IllegalArgumentException("replicationFactor=" + replicationFactor
                    + ": must be from 1 to the cluster's " + nodeCount() + (nodeCount() == 1 ? " node" : " nodes"));
        }
        topicAdmin.createTopic(name, partitions, replicationFactor, topicConfigs);
    }

    @Override
    public final List<RecordMetadata> produce(List<ProducerRecord<String, String>> records) {
        return recordIo.produce(List.copyOf(records));
    }

    @Override
    public final RecordMetadata produce(String topic, String key, String value) {
        return recordIo.produce(List.of(new ProducerRecord<>(topic, key, value)))
                .get(0);
    }

    @Override
    public final List<RecordMetadata> produceValues(String topic, List<String> values) {
        return recordIo.produce(values.stream()
                .map(v -> new ProducerRecord<String, String>(topic, v))
                .collect(Collectors.toList()));
    }

    @Override
    public final List<ConsumerRecord<String, String>> consume(String topic, int expectedCount, Duration timeout) {
        return recordIo.consume(topic, expectedCount, timeout);
    }

    @Override
    public final List<ConsumerRecord<String, String>> consumeAll(String topic, Duration timeout) {
        return recordIo.consumeAll(topic, timeout);
    }

    @Override
    public final Map<String, Object> adminClientProperties() {
        Map<String, Object> props = ClientProperties.admin(bootstrapServers);
        props.putAll(kitClientSecurity);
        return props;
    }

    @Override
    public final Map<String, Object> producerProperties() {
        Map<String, Object> props = ClientProperties.producer(bootstrapServers);
        props.putAll(kitClientSecurity);
        return props;
    }

    @Override
    public final Map<String, Object> consumerProperties() {
        Map<String, Object> props = ClientProperties.consumer(bootstrapServers);
        props.putAll(kitClientSecurity);
        return props;
    }

    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                proxies.values().forEach(FaultProxy::close);
                topicAdmin.close();
            } finally {
                try {
                    shutdownNodes();
                } finally {
                    SecurityMaterial current = material;
                    if (current != null) {
                        current.close();
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{backend=" + backend + ", bootstrapServers=" + bootstrapServers + '}';
    }
}
