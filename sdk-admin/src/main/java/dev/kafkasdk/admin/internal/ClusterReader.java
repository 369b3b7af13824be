package dev.kafkasdk.admin.internal;

import dev.kafkasdk.admin.QuorumStatus;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.compat.ClusterFeatures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeMetadataQuorumOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The admin reads shared by topics, health, load and online lint. */
final class ClusterReader {

    /** The cluster as {@code describeCluster} reports it. */
    record ClusterInfo(String clusterId, List<Node> nodes, OptionalInt controllerId) {}

    private final Admin admin;
    private final AdminCalls calls;

    ClusterReader(Admin admin, AdminCalls calls) {
        this.admin = admin;
        this.calls = calls;
    }

    ClusterInfo cluster() {
        return calls.run("describe cluster", Target.cluster(), t -> {
            DescribeClusterResult r = admin.describeCluster(new DescribeClusterOptions().timeoutMs(t));
            Node controller = calls.await(r.controller());
            List<Node> nodes = new ArrayList<>(calls.await(r.nodes()));
            nodes.sort(Comparator.comparingInt(Node::id));
            return new ClusterInfo(
                    calls.await(r.clusterId()),
                    nodes,
                    controller == null || controller.isEmpty() ? OptionalInt.empty() : OptionalInt.of(controller.id()));
        });
    }

    /** What the cluster supports, or empty when it will not say (no permission, unreachable in time). */
    Optional<ClusterFeatures> features() {
        try {
            return Optional.of(ClusterFeatures.detect(admin, java.time.Duration.ofMillis(calls.timeoutMs())));
        } catch (KafkaSdkException e) {
            return Optional.empty();
        }
    }

    /** The quorum, or empty when the cluster will not describe it (old broker, no permission). */
    Optional<QuorumStatus> quorum() {
        try {
            QuorumInfo info = calls.call(
                    "describe the metadata quorum",
                    Target.cluster(),
                    t -> admin.describeMetadataQuorum(new DescribeMetadataQuorumOptions().timeoutMs(t))
                            .quorumInfo());
            return Optional.of(new QuorumStatus(
                    info.leaderId(),
                    info.leaderEpoch(),
                    info.highWatermark(),
                    members(info.voters(), info.highWatermark()),
                    members(info.observers(), info.highWatermark())));
        } catch (KafkaSdkException e) {
            if (e.isRetriable()) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private static List<QuorumStatus.Member> members(List<QuorumInfo.ReplicaState> states, long highWatermark) {
        return states.stream()
                .map(s -> new QuorumStatus.Member(
                        s.replicaId(),
                        s.logEndOffset(),
                        Math.max(0, highWatermark - s.logEndOffset()),
                        instant(s.lastFetchTimestamp()),
                        instant(s.lastCaughtUpTimestamp())))
                .sorted(Comparator.comparingInt(QuorumStatus.Member::replicaId))
                .toList();
    }

    private static Optional<Instant> instant(OptionalLong epochMillis) {
        return epochMillis.isPresent() && epochMillis.getAsLong() >= 0
                ? Optional.of(Instant.ofEpochMilli(epochMillis.getAsLong()))
                : Optional.empty();
    }

    Set<String> topicNames(boolean includeInternal) {
        return calls.call(
                "list topics",
                Target.cluster(),
                t -> admin.listTopics(new ListTopicsOptions()
                                .listInternal(includeInternal)
                                .timeoutMs(t))
                        .names());
    }

    /** Describes topics; names that do not exist are left out of the result. */
    Map<String, TopicDescription> describeTopics(Collection<String> names) {
        List<String> distinct = names.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return calls.run("describe topics", Target.topics(distinct), t -> {
            Map<String, KafkaFuture<TopicDescription>> futures = admin.describeTopics(
                            distinct, new DescribeTopicsOptions().timeoutMs(t))
                    .topicNameValues();
            Map<String, TopicDescription> found = new HashMap<>();
            for (Map.Entry<String, KafkaFuture<TopicDescription>> e : futures.entrySet()) {
                try {
                    found.put(e.getKey(), calls.await(e.getValue()));
                } catch (UnknownTopicOrPartitionException absent) {
                    // the topic does not exist (yet): that is an answer, not a failure
                }
            }
            return found;
        });
    }

    /** Configs of topics or brokers, keyed by resource name; entries without a value are left out. */
    Map<String, Map<String, ConfigEntry>> configs(ConfigResource.Type type, Collection<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        List<ConfigResource> resources =
                names.stream().map(n -> new ConfigResource(type, n)).toList();
        Target target = type == ConfigResource.Type.TOPIC ? Target.topics(names) : Target.cluster();
        Map<ConfigResource, Config> described = calls.call(
                "describe " + type.name().toLowerCase(java.util.Locale.ROOT) + " configs",
                target,
                t -> admin.describeConfigs(resources, new DescribeConfigsOptions().timeoutMs(t))
                        .all());
        Map<String, Map<String, ConfigEntry>> result = new HashMap<>();
        described.forEach((resource, config) -> {
            Map<String, ConfigEntry> entries = new HashMap<>();
            config.entries().stream().filter(e -> e.value() != null).forEach(e -> entries.put(e.name(), e));
            result.put(resource.name(), entries);
        });
        return result;
    }

    static Map<String, String> values(Map<String, ConfigEntry> entries) {
        Map<String, String> values = new HashMap<>();
        entries.forEach((k, e) -> values.put(k, e.value()));
        return values;
    }

    static Map<String, String> topicOverrides(Map<String, ConfigEntry> entries) {
        Map<String, String> values = new HashMap<>();
        entries.forEach((k, e) -> {
            if (e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                values.put(k, e.value());
            }
        });
        return values;
    }
}
