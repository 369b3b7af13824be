package dev.kafkasdk.admin.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/** Partition offset look-ups shared by lag and reset. */
final class Offsets {

    private final Admin admin;
    private final AdminCalls calls;

    Offsets(Admin admin, AdminCalls calls) {
        this.admin = admin;
        this.calls = calls;
    }

    Map<TopicPartition, Long> latest(Collection<TopicPartition> partitions) {
        return list(partitions, OffsetSpec.latest(), "list log end offsets");
    }

    Map<TopicPartition, Long> earliest(Collection<TopicPartition> partitions) {
        return list(partitions, OffsetSpec.earliest(), "list earliest offsets");
    }

    /** First offsets at or after a time; partitions with no such record are left out. */
    Map<TopicPartition, Long> atTime(Collection<TopicPartition> partitions, Instant time) {
        Map<TopicPartition, Long> found =
                list(partitions, OffsetSpec.forTimestamp(time.toEpochMilli()), "list offsets by timestamp");
        found.values().removeIf(offset -> offset < 0);
        return found;
    }

    private Map<TopicPartition, Long> list(Collection<TopicPartition> partitions, OffsetSpec spec, String operation) {
        if (partitions.isEmpty()) {
            return new HashMap<>();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResultInfo> infos = calls.call(
                operation,
                Target.topics(topics(partitions)),
                t -> admin.listOffsets(request, new ListOffsetsOptions().timeoutMs(t))
                        .all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        infos.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    /** Every partition of the topics. */
    List<TopicPartition> partitionsOf(Collection<String> topics) {
        Map<String, TopicDescription> described = calls.call(
                "describe topics",
                Target.topics(topics),
                t -> admin.describeTopics(topics, new DescribeTopicsOptions().timeoutMs(t))
                        .allTopicNames());
        List<TopicPartition> partitions = new ArrayList<>();
        described
                .values()
                .forEach(d -> d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
        partitions.sort(DefaultGroupOperations.PARTITION_ORDER);
        return partitions;
    }

    private static List<String> topics(Collection<TopicPartition> partitions) {
        Set<String> names = new TreeSet<>();
        partitions.forEach(tp -> names.add(tp.topic()));
        return List.copyOf(names);
    }
}
