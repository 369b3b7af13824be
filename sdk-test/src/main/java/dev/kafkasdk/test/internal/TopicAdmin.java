package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.KafkaTestKitException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.ElectionNotNeededException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.internals.Topic;

/**
 * The cluster's one shared admin client, created on first use, and the metadata queries the kit
 * needs. Thread-safe: {@link Admin} is thread-safe and creation is synchronized.
 */
final class TopicAdmin implements AutoCloseable {

    private final String bootstrapServers;
    private final Duration timeout;
    private final Map<String, Object> security;
    private Admin admin;
    private boolean closed;

    TopicAdmin(String bootstrapServers, Duration timeout) {
        this(bootstrapServers, timeout, Map.of());
    }

    /** Clients that add {@code security} (protocol, SASL and store settings) to their properties. */
    TopicAdmin(String bootstrapServers, Duration timeout, Map<String, Object> security) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
        this.security = Map.copyOf(security);
    }

    synchronized Admin admin() {
        if (closed) {
            throw new Poller.GiveUp("The Kafka test cluster is closed");
        }
        if (admin == null) {
            Map<String, Object> props = ClientProperties.admin(bootstrapServers);
            props.putAll(security);
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "kafka-sdk-test-admin");
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            admin = Admin.create(props);
        }
        return admin;
    }

    /**
     * The unfenced brokers the cluster metadata lists right now; blocks up to 5 s. Failures are
     * {@link IllegalStateException}s, which {@link Poller} retries.
     */
    List<Node> liveBrokers() {
        try {
            return List.copyOf(admin().describeCluster().nodes().get(5, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            throw new IllegalStateException("describe cluster failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("describe cluster timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaTestKitException("Interrupted while describing the cluster", e);
        }
    }

    void createTopic(String name, int partitions, int replicationFactor, Map<String, String> configs) {
        try {
            Topic.validate(name);
        } catch (RuntimeException e) {
            throw new KafkaTestKitException("Invalid topic name '" + name + "': " + e.getMessage(), e);
        }
        NewTopic topic = new NewTopic(name, partitions, (short) replicationFactor).configs(configs);
        get(admin().createTopics(List.of(topic)).all(), timeout, "create topic " + name);
        Poller.await(
                "topic " + name + " to have " + partitions + " partitions with leaders",
                timeout,
                () -> describe(name).map(d -> hasLeaders(d, partitions)).orElse(false));
        // The metadata names a leader a moment before that broker has loaded the partition; a
        // produce request in that moment fails with NOT_LEADER_OR_FOLLOWER (an acks=0 record is
        // dropped, an idempotent producer was seen retrying OUT_OF_ORDER_SEQUENCE_NUMBER for
        // minutes). Listing offsets goes to each leader, so it succeeds once they serve.
        Poller.await(
                "the leaders of topic " + name + " to serve its " + partitions + " partitions",
                timeout,
                () -> served(name, partitions));
    }

    private boolean served(String name, int partitions) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(name, p), OffsetSpec.latest());
        }
        try {
            admin().listOffsets(latest).all().get(5, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaTestKitException("Interrupted while waiting for topic " + name, e);
        }
    }

    /** The partition's leader; fails if it has none or the metadata cannot be read in time. */
    int leaderOf(String topic, int partition) {
        TopicPartitionInfo info = partitionInfo(topic, partition);
        if (info.leader() == null || info.leader().isEmpty()) {
            throw new KafkaTestKitException("Partition " + topic + "-" + partition + " has no leader");
        }
        return info.leader().id();
    }

    private TopicPartitionInfo partitionInfo(String topic, int partition) {
        TopicDescription description = get(
                        admin().describeTopics(List.of(topic)).allTopicNames(), timeout, "describe topic " + topic)
                .get(topic);
        return description.partitions().stream()
                .filter(p -> p.partition() == partition)
                .findFirst()
                .orElseThrow(() -> new KafkaTestKitException("Topic " + topic + " has no partition " + partition));
    }

    /**
     * Puts {@code nodeId} first in the partition's replica list (a reassignment that keeps the
     * replica set), runs a preferred leader election and waits until the node leads.
     */
    void moveLeader(String topic, int partition, int nodeId) {
        TopicPartition tp = new TopicPartition(topic, partition);
        TopicPartitionInfo info = partitionInfo(topic, partition);
        if (info.isr().stream().noneMatch(n -> n.id() == nodeId)) {
            throw new KafkaTestKitException("Node " + nodeId + " is not an in-sync replica of " + tp + " (ISR "
                    + info.isr().stream().map(Node::id).toList() + "); it cannot become the leader");
        }
        if (info.leader() != null && info.leader().id() == nodeId) {
            return;
        }
        List<Integer> order = new java.util.ArrayList<>();
        order.add(nodeId);
        info.replicas().stream().map(Node::id).filter(id -> id != nodeId).forEach(order::add);
        get(
                admin().alterPartitionReassignments(Map.of(tp, Optional.of(new NewPartitionReassignment(order))))
                        .all(),
                timeout,
                "reorder the replicas of " + tp + " to " + order);
        Poller.await(
                "the reassignment of " + tp + " to finish",
                timeout,
                () -> get(
                                        admin().listPartitionReassignments(java.util.Set.of(tp))
                                                .reassignments(),
                                        timeout,
                                        "list reassignments")
                                .isEmpty()
                        && partitionInfo(topic, partition).replicas().get(0).id() == nodeId);
        Poller.await("node " + nodeId + " to lead " + tp, timeout, () -> {
            try {
                admin().electLeaders(ElectionType.PREFERRED, java.util.Set.of(tp))
                        .all()
                        .get(5, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof ElectionNotNeededException)) {
                    throw new IllegalStateException("preferred leader election failed", e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("preferred leader election timed out", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaTestKitException("Interrupted while electing a leader", e);
            }
            return leaderOf(topic, partition) == nodeId;
        });
    }

    /** The topic's description, or empty if the cluster does not know the topic (yet). */
    Optional<TopicDescription> describe(String name) {
        try {
            return Optional.ofNullable(admin().describeTopics(List.of(name))
                    .allTopicNames()
                    .get(5, TimeUnit.SECONDS)
                    .get(name));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw new IllegalStateException("describe topic " + name + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("describe topic " + name + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaTestKitException("Interrupted while describing topic " + name, e);
        }
    }

    private static boolean hasLeaders(TopicDescription description, int partitions) {
        List<TopicPartitionInfo> infos = description.partitions();
        return infos.size() == partitions
                && infos.stream()
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    }

    static <T> T get(KafkaFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaTestKitException("Could not " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaTestKitException("Could not " + what + " within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaTestKitException("Interrupted while trying to " + what, e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }
}
