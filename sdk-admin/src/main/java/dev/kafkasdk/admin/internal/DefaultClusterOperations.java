package dev.kafkasdk.admin.internal;

import dev.kafkasdk.admin.ClusterOperations;
import dev.kafkasdk.admin.HealthReport;
import dev.kafkasdk.admin.HealthThresholds;
import dev.kafkasdk.admin.LintContext;
import dev.kafkasdk.admin.LintContext.BrokerFacts;
import dev.kafkasdk.admin.LintContext.TopicFacts;
import dev.kafkasdk.admin.PartitionLoad;
import dev.kafkasdk.admin.internal.ClusterReader.ClusterInfo;
import dev.kafkasdk.admin.internal.ClusterSnapshot.PartitionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/** {@link ClusterOperations} over a Kafka {@link Admin}. */
final class DefaultClusterOperations implements ClusterOperations {

    private final ClusterReader reader;

    DefaultClusterOperations(Admin admin, AdminCalls calls) {
        this.reader = new ClusterReader(admin, calls);
    }

    @Override
    public HealthReport health(HealthThresholds thresholds) {
        ClusterInfo cluster = reader.cluster();
        var quorum = reader.quorum();
        Map<String, TopicDescription> topics = reader.describeTopics(reader.topicNames(true));
        Map<String, Map<String, ConfigEntry>> configs = reader.configs(ConfigResource.Type.TOPIC, topics.keySet());
        List<PartitionState> partitions = new ArrayList<>();
        Map<String, Integer> minIsr = new HashMap<>();
        topics.values().forEach(d -> {
            d.partitions().forEach(p -> partitions.add(state(d.name(), p)));
            ConfigEntry entry = configs.getOrDefault(d.name(), Map.of()).get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
            minIsr.put(
                    d.name(), entry == null ? 1 : Integer.parseInt(entry.value().trim()));
        });
        List<ClusterSnapshot.Node> nodes = cluster.nodes().stream()
                .map(n -> new ClusterSnapshot.Node(n.id(), n.host(), n.port(), Optional.ofNullable(n.rack())))
                .toList();
        ClusterSnapshot snapshot = new ClusterSnapshot(
                cluster.clusterId(), Instant.now(), nodes, cluster.controllerId(), quorum, partitions, minIsr);
        return HealthEvaluator.evaluate(snapshot, thresholds);
    }

    private static PartitionState state(String topic, TopicPartitionInfo p) {
        Node leader = p.leader();
        return new PartitionState(
                topic,
                p.partition(),
                leader == null || leader.isEmpty() ? OptionalInt.empty() : OptionalInt.of(leader.id()),
                p.replicas().stream().map(Node::id).toList(),
                p.isr().stream().map(Node::id).toList());
    }

    @Override
    public PartitionLoad partitionLoad() {
        ClusterInfo cluster = reader.cluster();
        Map<String, TopicDescription> topics = reader.describeTopics(reader.topicNames(true));
        return load(cluster, topics);
    }

    private static PartitionLoad load(ClusterInfo cluster, Map<String, TopicDescription> topics) {
        Map<Integer, Integer> replicas = new TreeMap<>();
        cluster.nodes().forEach(n -> replicas.put(n.id(), 0));
        Map<String, Integer> partitions = new TreeMap<>();
        Map<String, Integer> factors = new TreeMap<>();
        topics.values().forEach(d -> {
            partitions.put(d.name(), d.partitions().size());
            factors.put(d.name(), replicationFactor(d));
            d.partitions().forEach(p -> p.replicas().forEach(r -> replicas.computeIfPresent(r.id(), (k, v) -> v + 1)));
        });
        return new PartitionLoad(replicas, partitions, factors);
    }

    static int replicationFactor(TopicDescription d) {
        return d.partitions().isEmpty() ? 0 : d.partitions().get(0).replicas().size();
    }

    @Override
    public LintContext lintContext(LintContext offline) {
        ClusterInfo cluster = reader.cluster();
        List<String> brokerIds =
                cluster.nodes().stream().map(n -> Integer.toString(n.id())).toList();
        Map<String, Map<String, ConfigEntry>> brokerConfigs = reader.configs(ConfigResource.Type.BROKER, brokerIds);
        Set<String> names = reader.topicNames(false);
        Map<String, TopicDescription> all = reader.describeTopics(reader.topicNames(true));
        LintContext.Builder builder = offline.toBuilder()
                .mode(LintContext.Mode.ONLINE)
                .brokerCount(cluster.nodes().size())
                .replicasPerBroker(load(cluster, all).replicasPerBroker());
        reader.features().ifPresent(builder::clusterFeatures);
        new TreeMap<>(brokerConfigs)
                .forEach((id, entries) ->
                        builder.broker(new BrokerFacts(Integer.parseInt(id), ClusterReader.values(entries))));
        List<String> wanted = new ArrayList<>();
        if (offline.topics().isEmpty()) {
            wanted.addAll(names);
        } else {
            offline.topics().stream()
                    .map(TopicFacts::name)
                    .filter(all::containsKey)
                    .forEach(wanted::add);
        }
        offline.retries()
                .forEach(r -> r.tierTopics().forEach((main, tiers) -> {
                    List<String> related = new ArrayList<>(tiers);
                    related.add(main);
                    related.add(LintContext.RetryFacts.deadLetterTopic(main));
                    related.stream()
                            .filter(t -> all.containsKey(t) && !wanted.contains(t))
                            .forEach(wanted::add);
                }));
        Map<String, Map<String, ConfigEntry>> topicConfigs = reader.configs(ConfigResource.Type.TOPIC, wanted);
        wanted.stream().sorted().forEach(name -> {
            TopicDescription d = all.get(name);
            builder.topic(new TopicFacts(
                    name,
                    d.partitions().size(),
                    replicationFactor(d),
                    ClusterReader.topicOverrides(topicConfigs.getOrDefault(name, Map.of())),
                    true));
        });
        return builder.build();
    }
}
