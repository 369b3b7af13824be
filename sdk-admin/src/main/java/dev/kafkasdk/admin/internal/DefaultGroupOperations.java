package dev.kafkasdk.admin.internal;

import dev.kafkasdk.admin.GroupActiveException;
import dev.kafkasdk.admin.GroupDescription;
import dev.kafkasdk.admin.GroupLag;
import dev.kafkasdk.admin.GroupMember;
import dev.kafkasdk.admin.GroupOperations;
import dev.kafkasdk.admin.GroupSummary;
import dev.kafkasdk.admin.OffsetResetRequest;
import dev.kafkasdk.admin.OffsetResetResult;
import dev.kafkasdk.admin.PartitionLag;
import dev.kafkasdk.core.KafkaSdkException;
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
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** {@link GroupOperations} over a Kafka {@link Admin}. */
final class DefaultGroupOperations implements GroupOperations {

    static final Comparator<TopicPartition> PARTITION_ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private final Admin admin;
    private final AdminCalls calls;
    private final Offsets offsets;

    DefaultGroupOperations(Admin admin, AdminCalls calls) {
        this.admin = admin;
        this.calls = calls;
        this.offsets = new Offsets(admin, calls);
    }

    @Override
    public List<GroupSummary> list() {
        return calls
                .call(
                        "list consumer groups",
                        Target.cluster(),
                        t -> admin.listGroups(
                                        ListGroupsOptions.forConsumerGroups().timeoutMs(t))
                                .all())
                .stream()
                .map(g -> new GroupSummary(
                        g.groupId(),
                        g.type().orElse(GroupType.UNKNOWN),
                        g.groupState().orElse(GroupState.UNKNOWN),
                        g.protocol()))
                .sorted(Comparator.comparing(GroupSummary::groupId))
                .toList();
    }

    @Override
    public GroupDescription describe(String groupId) {
        ConsumerGroupDescription d = describeRaw(groupId);
        List<GroupMember> members = d.members().stream()
                .map(DefaultGroupOperations::member)
                .sorted(Comparator.comparing(GroupMember::memberId))
                .toList();
        Node coordinator = d.coordinator();
        return new GroupDescription(
                d.groupId(),
                d.type(),
                d.groupState(),
                d.partitionAssignor() == null ? "" : d.partitionAssignor(),
                coordinator == null || coordinator.isEmpty() ? OptionalInt.empty() : OptionalInt.of(coordinator.id()),
                members);
    }

    private ConsumerGroupDescription describeRaw(String groupId) {
        try {
            ConsumerGroupDescription d = calls.call(
                    "describe consumer group",
                    Target.group(groupId),
                    t -> admin.describeConsumerGroups(
                                    List.of(groupId), new DescribeConsumerGroupsOptions().timeoutMs(t))
                            .describedGroups()
                            .get(groupId));
            if (d.groupState() == GroupState.DEAD) {
                throw notFound(groupId, null);
            }
            return d;
        } catch (KafkaSdkException e) {
            if (e.getCause() instanceof GroupIdNotFoundException notFound) {
                throw notFound(groupId, notFound);
            }
            throw e;
        }
    }

    private static KafkaSdkException notFound(String groupId, Throwable cause) {
        return new KafkaSdkException("consumer group '" + groupId + "' does not exist", cause);
    }

    private static GroupMember member(MemberDescription m) {
        List<TopicPartition> assigned = new ArrayList<>(m.assignment().topicPartitions());
        assigned.sort(PARTITION_ORDER);
        return new GroupMember(m.consumerId(), m.groupInstanceId(), m.clientId(), m.host(), assigned);
    }

    @Override
    public GroupLag lag(String groupId) {
        ConsumerGroupDescription d = describeRaw(groupId);
        Map<TopicPartition, MemberDescription> owners = new HashMap<>();
        d.members().forEach(m -> m.assignment().topicPartitions().forEach(tp -> owners.put(tp, m)));
        Map<TopicPartition, OffsetAndMetadata> committed = committed(groupId);
        Set<TopicPartition> partitions = new TreeSet<>(PARTITION_ORDER);
        partitions.addAll(committed.keySet());
        partitions.addAll(owners.keySet());
        Map<TopicPartition, Long> ends = offsets.latest(partitions);
        List<PartitionLag> lags = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            long end = ends.getOrDefault(tp, 0L);
            OptionalLong at = c == null ? OptionalLong.empty() : OptionalLong.of(c.offset());
            OptionalLong lag = c == null ? OptionalLong.empty() : OptionalLong.of(end - c.offset());
            MemberDescription owner = owners.get(tp);
            lags.add(new PartitionLag(
                    tp.topic(),
                    tp.partition(),
                    at,
                    end,
                    lag,
                    Optional.ofNullable(owner).map(MemberDescription::consumerId),
                    Optional.ofNullable(owner).map(MemberDescription::clientId),
                    Optional.ofNullable(owner).map(MemberDescription::host)));
        }
        return new GroupLag(groupId, d.groupState(), lags);
    }

    /** The group's committed offsets; partitions without an offset are left out. */
    Map<TopicPartition, OffsetAndMetadata> committed(String groupId) {
        Map<TopicPartition, OffsetAndMetadata> raw = calls.call(
                "list committed offsets",
                Target.group(groupId),
                t -> admin.listConsumerGroupOffsets(groupId, new ListConsumerGroupOffsetsOptions().timeoutMs(t))
                        .partitionsToOffsetAndMetadata());
        Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
        raw.forEach((tp, offset) -> {
            if (offset != null) {
                present.put(tp, offset);
            }
        });
        return present;
    }

    @Override
    public OffsetResetResult resetOffsets(OffsetResetRequest request) {
        refuseIfActive(request.groupId());
        Map<TopicPartition, OffsetAndMetadata> committed = committed(request.groupId());
        Collection<TopicPartition> selected =
                request.topics().isEmpty() ? committed.keySet() : offsets.partitionsOf(request.topics());
        if (selected.isEmpty()) {
            throw new KafkaSdkException("consumer group '" + request.groupId() + "' has no committed offsets;"
                    + " name the topics to reset");
        }
        Map<TopicPartition, Long> targets =
                new OffsetResetPlanner(offsets).targets(request.target(), selected, committed);
        List<OffsetResetResult.Moved> moved = new ArrayList<>();
        targets.forEach((tp, after) -> {
            OffsetAndMetadata before = committed.get(tp);
            moved.add(new OffsetResetResult.Moved(
                    tp.topic(),
                    tp.partition(),
                    before == null ? OptionalLong.empty() : OptionalLong.of(before.offset()),
                    after));
        });
        moved.sort(Comparator.comparing(OffsetResetResult.Moved::topic)
                .thenComparingInt(OffsetResetResult.Moved::partition));
        if (!request.dryRun()) {
            commit(request.groupId(), targets);
        }
        return new OffsetResetResult(request.groupId(), request.target(), request.dryRun(), moved);
    }

    /** Throws when the group has members; a group that does not exist yet has none. */
    private void refuseIfActive(String groupId) {
        ConsumerGroupDescription d;
        try {
            d = calls.call(
                    "describe consumer group",
                    Target.group(groupId),
                    t -> admin.describeConsumerGroups(
                                    List.of(groupId), new DescribeConsumerGroupsOptions().timeoutMs(t))
                            .describedGroups()
                            .get(groupId));
        } catch (KafkaSdkException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return;
            }
            throw e;
        }
        if (!d.members().isEmpty()) {
            throw new GroupActiveException(
                    groupId, d.members().size(), d.groupState().toString());
        }
    }

    private void commit(String groupId, Map<TopicPartition, Long> targets) {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        targets.forEach((tp, offset) -> commit.put(tp, new OffsetAndMetadata(offset)));
        try {
            calls.call(
                    "commit reset offsets",
                    Target.group(groupId),
                    t -> admin.alterConsumerGroupOffsets(
                                    groupId,
                                    commit,
                                    new org.apache.kafka.clients.admin.AlterConsumerGroupOffsetsOptions().timeoutMs(t))
                            .all());
        } catch (KafkaSdkException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownMemberIdException
                    || e.getCause() instanceof org.apache.kafka.common.errors.GroupNotEmptyException) {
                GroupDescription now = describe(groupId);
                throw new GroupActiveException(
                        groupId, now.members().size(), now.state().toString());
            }
            throw e;
        }
    }
}
