package dev.kafkasdk.admin.internal;

import dev.kafkasdk.admin.GroupSummary;
import dev.kafkasdk.admin.ShareGroupInfo;
import dev.kafkasdk.admin.ShareGroupOperations;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.compat.BrokerFeature;
import dev.kafkasdk.core.compat.ClusterFeatures;
import dev.kafkasdk.core.compat.UnsupportedBrokerFeatureException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeShareGroupsOptions;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/** {@link ShareGroupOperations} over a Kafka {@link Admin}. */
final class DefaultShareGroupOperations implements ShareGroupOperations {

    private final Admin admin;
    private final AdminCalls calls;

    DefaultShareGroupOperations(Admin admin, AdminCalls calls) {
        this.admin = admin;
        this.calls = calls;
    }

    @Override
    public List<GroupSummary> list() {
        requireShareGroups("list share groups");
        return calls
                .call(
                        "list share groups",
                        Target.cluster(),
                        t -> admin.listGroups(ListGroupsOptions.forShareGroups().timeoutMs(t))
                                .all())
                .stream()
                .map(g -> new GroupSummary(
                        g.groupId(),
                        g.type().orElse(GroupType.SHARE),
                        g.groupState().orElse(GroupState.UNKNOWN),
                        g.protocol()))
                .sorted(Comparator.comparing(GroupSummary::groupId))
                .toList();
    }

    @Override
    public ShareGroupInfo describe(String groupId) {
        requireShareGroups("describe share group '" + groupId + "'");
        ShareGroupDescription d = calls.call(
                "describe share group",
                Target.group(groupId),
                t -> admin.describeShareGroups(List.of(groupId), new DescribeShareGroupsOptions().timeoutMs(t))
                        .describedGroups()
                        .get(groupId));
        if (d.groupState() == GroupState.DEAD) {
            throw new KafkaSdkException("share group '" + groupId + "' does not exist", null);
        }
        Map<TopicPartition, SharePartitionOffsetInfo> offsets = calls.call(
                "list share group offsets",
                Target.group(groupId),
                t -> admin.listShareGroupOffsets(
                                Map.of(groupId, new ListShareGroupOffsetsSpec()),
                                new ListShareGroupOffsetsOptions().timeoutMs(t))
                        .partitionsToOffsetInfo(groupId));
        List<ShareGroupInfo.Member> members = d.members().stream()
                .map(m -> new ShareGroupInfo.Member(
                        m.consumerId(),
                        m.clientId(),
                        m.host(),
                        m.assignment().topicPartitions().stream()
                                .sorted(DefaultGroupOperations.PARTITION_ORDER)
                                .toList()))
                .sorted(Comparator.comparing(ShareGroupInfo.Member::memberId))
                .toList();
        List<ShareGroupInfo.PartitionBacklog> partitions = offsets.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .sorted(Map.Entry.comparingByKey(DefaultGroupOperations.PARTITION_ORDER))
                .map(e -> new ShareGroupInfo.PartitionBacklog(
                        e.getKey().topic(),
                        e.getKey().partition(),
                        e.getValue().startOffset(),
                        e.getValue().lag().map(OptionalLong::of).orElse(OptionalLong.empty())))
                .toList();
        Node coordinator = d.coordinator();
        return new ShareGroupInfo(
                d.groupId(),
                d.groupState(),
                coordinator == null || coordinator.isEmpty() ? OptionalInt.empty() : OptionalInt.of(coordinator.id()),
                members,
                partitions);
    }

    /**
     * Fails at once when the cluster has no share groups: a Kafka 4.0 or 4.1 cluster lists none without
     * an error, and a 3.x one lacks the calls. Goes ahead when the cluster does not say (no permission,
     * no answer within the call timeout).
     */
    private void requireShareGroups(String operation) {
        Optional<String> problem;
        try {
            problem = ClusterFeatures.detect(admin, Duration.ofMillis(calls.timeoutMs()))
                    .problem(BrokerFeature.SHARE_GROUPS);
        } catch (KafkaSdkException e) {
            return;
        }
        if (problem.isPresent()) {
            throw new UnsupportedBrokerFeatureException(
                    BrokerFeature.SHARE_GROUPS, "Cannot " + operation + ": " + problem.get());
        }
    }
}
