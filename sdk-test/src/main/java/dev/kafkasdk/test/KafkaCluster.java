package dev.kafkasdk.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;

/**
 * A running Kafka cluster for tests, with helpers that use real clients against it.
 *
 * <p>Obtain one from {@link KafkaBroker @KafkaBroker} (as an injected parameter) or from
 * {@link EmbeddedKafka#start(EmbeddedKafkaOptions)}. Whoever starts a cluster owns it: the JUnit
 * extension closes the clusters it starts; a cluster from {@link EmbeddedKafka} must be closed by
 * the caller. Closing stops every node the kit started and deletes their data; for an
 * {@link Backend#EXTERNAL} cluster it only releases the kit's clients.
 *
 * <p>Threading: all methods are safe to call from several threads at once. The helper methods
 * block the calling thread until the broker answers or their timeout expires; they create short-
 * lived clients for each call, except for one shared admin client that {@link #close()} closes.
 *
 * @since 0.1
 */
public interface KafkaCluster extends AutoCloseable {

    /** Why {@link #proxiedBootstrapServers()} and {@link #network(int)} fail without proxies. */
    String NO_PROXY = "This cluster has no fault proxies; start it with @KafkaBroker(faultProxy = true)"
            + " or EmbeddedKafkaOptions.builder().faultProxy(true)";

    /**
     * The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:40123,127.0.0.1:40125}.
     * With {@link KafkaSecurity#interBrokerListener()} these are that secured listener's addresses,
     * and clients also need the security settings of {@link #adminClientProperties()} or
     * {@link ClusterSecurity#client(SecuredListener, String)}.
     *
     * @return the comma-separated client listener addresses
     */
    String bootstrapServers();

    /**
     * The backend the cluster actually runs on ({@link Backend#AUTO} resolved).
     *
     * @return the backend, never {@code AUTO}
     */
    Backend backend();

    /**
     * The number of nodes in the cluster.
     *
     * @return the node count
     */
    int nodeCount();

    /**
     * The nodes in {@code node.id} order.
     *
     * @return an unmodifiable list of the nodes
     */
    List<KafkaNode> nodes();

    /**
     * The node with the given {@code node.id}.
     *
     * @param id the node id as it appears in metadata (the kit numbers its nodes from 0)
     * @return the node
     * @throws IllegalArgumentException if the cluster has no node with that id
     */
    KafkaNode node(int id);

    /**
     * Returns a topic name that no other call in this or any other JVM returns: the prefix (with
     * characters Kafka does not allow replaced by {@code -}), a per-JVM counter and a random
     * suffix. The result is a valid topic name of at most 249 characters.
     *
     * @param prefix a readable prefix, e.g. the test's subject; may be empty
     * @return a fresh topic name
     */
    String uniqueTopicName(String prefix);

    /**
     * Creates a topic with the default partition count (see {@link KafkaBroker#partitions()}) and a
     * replication factor of {@code min(nodeCount(), 3)}.
     *
     * @param name the topic name
     * @throws KafkaTestKitException if the topic cannot be created or does not get leaders in time
     */
    void createTopic(String name);

    /**
     * Creates a topic with a replication factor of {@code min(nodeCount(), 3)}.
     *
     * @param name       the topic name
     * @param partitions the partition count, at least 1
     * @throws KafkaTestKitException if the topic cannot be created or does not get leaders in time
     */
    void createTopic(String name, int partitions);

    /**
     * Creates a topic and blocks until every partition has a leader that serves it (the metadata
     * names a leader a moment before the broker has loaded the partition; produce requests in
     * that moment fail).
     *
     * @param name              the topic name
     * @param partitions        the partition count, at least 1
     * @param replicationFactor the replication factor, from 1 to {@link #nodeCount()}
     * @throws KafkaTestKitException if the topic cannot be created or does not get leaders in time
     */
    void createTopic(String name, int partitions, int replicationFactor);

    /**
     * Creates a topic with topic-level configuration (for example {@code min.insync.replicas}) and
     * blocks until every partition has a leader that serves it.
     *
     * @param name              the topic name
     * @param partitions        the partition count, at least 1
     * @param replicationFactor the replication factor, from 1 to {@link #nodeCount()}
     * @param topicConfigs      topic configuration, e.g. {@code Map.of("min.insync.replicas", "2")}
     * @throws KafkaTestKitException if the topic cannot be created or does not get leaders in time
     */
    void createTopic(String name, int partitions, int replicationFactor, Map<String, String> topicConfigs);

    /**
     * Sends the records with an idempotent {@code acks=all} producer and blocks until every one is
     * acknowledged.
     *
     * @param records the records, sent in list order
     * @return the acknowledged metadata, in the same order as {@code records}
     * @throws KafkaTestKitException if any record is not acknowledged (the message names the topic
     *                               and the record's index; the Kafka exception is the cause)
     */
    List<RecordMetadata> produce(List<ProducerRecord<String, String>> records);

    /**
     * Sends one record and blocks until it is acknowledged.
     *
     * @param topic the topic
     * @param key   the key, may be {@code null}
     * @param value the value, may be {@code null}
     * @return the acknowledged metadata
     * @throws KafkaTestKitException if the record is not acknowledged
     */
    RecordMetadata produce(String topic, @Nullable String key, @Nullable String value);

    /**
     * Sends records without keys and blocks until every one is acknowledged.
     *
     * @param topic  the topic
     * @param values the values, sent in list order
     * @return the acknowledged metadata, in the same order as {@code values}
     * @throws KafkaTestKitException if any record is not acknowledged
     */
    List<RecordMetadata> produceValues(String topic, List<String> values);

    /**
     * Reads a topic from the beginning of every partition with an assign-based consumer (no
     * consumer group, nothing committed) until at least {@code expectedCount} records arrived.
     * More records than expected are returned if they arrived in the same fetch.
     *
     * @param topic         the topic, which must exist (or appear) within the timeout
     * @param expectedCount how many records to wait for
     * @param timeout       how long to wait
     * @return the records read, in arrival order (offset order within a partition)
     * @throws KafkaTestKitException if fewer records arrived within the timeout (the message says
     *                               how many did)
     */
    List<ConsumerRecord<String, String>> consume(String topic, int expectedCount, Duration timeout);

    /**
     * Reads every record of a topic from the beginning up to the end offsets (high watermarks) as
     * they were when the call started, with an assign-based consumer and no consumer group.
     *
     * @param topic   the topic, which must exist
     * @param timeout how long to wait
     * @return the records read, in arrival order (offset order within a partition)
     * @throws KafkaTestKitException if the end offsets are not reached within the timeout
     */
    List<ConsumerRecord<String, String>> consumeAll(String topic, Duration timeout);

    /**
     * Base properties for an {@code Admin} client of this cluster: {@code bootstrap.servers}.
     * With {@link KafkaSecurity#interBrokerListener()} they also carry the super user's security
     * settings for that listener.
     *
     * @return a new mutable map owned by the caller
     */
    Map<String, Object> adminClientProperties();

    /**
     * Base properties for a producer of this cluster: {@code bootstrap.servers} and
     * {@code String} key and value serializers.
     * With {@link KafkaSecurity#interBrokerListener()} they also carry the super user's security
     * settings for that listener.
     *
     * @return a new mutable map owned by the caller
     */
    Map<String, Object> producerProperties();

    /**
     * Base properties for a consumer of this cluster: {@code bootstrap.servers}, {@code String} key
     * and value deserializers and {@code auto.offset.reset=earliest}; no {@code group.id}.
     * With {@link KafkaSecurity#interBrokerListener()} they also carry the super user's security
     * settings for that listener.
     *
     * @return a new mutable map owned by the caller
     */
    Map<String, Object> consumerProperties();

    /**
     * The secured listeners, users and ACL helpers of a cluster started with {@link KafkaSecurity}
     * (or {@link SecurityOptions}). {@link #bootstrapServers()} and the helpers of this interface
     * keep using the kit's own PLAINTEXT listener, or with {@link KafkaSecurity#interBrokerListener()}
     * that secured listener as the super user.
     *
     * @return the cluster's security
     * @throws IllegalStateException if the cluster has no secured listener
     */
    default ClusterSecurity security() {
        throw new IllegalStateException(
                "This cluster has no secured listener; start it with"
                        + " @KafkaBroker(security = @KafkaSecurity(listeners = ...)) or EmbeddedKafkaOptions.builder().security(...)");
    }

    /**
     * The {@code bootstrap.servers} of the proxied listener: clients that use it reach each node
     * through that node's fault proxy (see {@link NetworkFaults}).
     *
     * @return the comma-separated proxy addresses
     * @throws IllegalStateException unless the cluster was started with {@link KafkaBroker#faultProxy()}
     */
    default String proxiedBootstrapServers() {
        throw new IllegalStateException(NO_PROXY);
    }

    /**
     * The network faults of one node's proxy.
     *
     * @param nodeId the node id
     * @return the node's proxy
     * @throws IllegalStateException    unless the cluster was started with {@link KafkaBroker#faultProxy()}
     * @throws IllegalArgumentException if there is no such node
     */
    default NetworkFaults network(int nodeId) {
        throw new IllegalStateException(NO_PROXY);
    }

    /**
     * Makes {@code nodeId} the leader of a partition: reorders the replicas so that it is the
     * preferred replica, runs a preferred leader election and waits until the metadata shows the new
     * leader. The node must already be a replica of the partition and in its ISR.
     *
     * @param topic     the topic
     * @param partition the partition
     * @param nodeId    the node that should lead
     * @throws KafkaTestKitException if the node is not an in-sync replica or the move does not finish in time
     */
    void moveLeader(String topic, int partition, int nodeId);

    /**
     * The current leader of a partition.
     *
     * @param topic     the topic
     * @param partition the partition
     * @return the leader's node id
     * @throws KafkaTestKitException if the partition has no leader or the metadata cannot be read in time
     */
    int leaderOf(String topic, int partition);

    /**
     * Stops the nodes the kit started (all together, with {@code SIGKILL} for child JVMs, as the data
     * is thrown away), deletes their data directories and closes the kit's admin client. Idempotent.
     * Clients the caller created from the property maps are not closed.
     */
    @Override
    void close();
}
