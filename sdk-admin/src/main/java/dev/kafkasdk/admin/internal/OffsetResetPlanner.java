package dev.kafkasdk.admin.internal;

import dev.kafkasdk.admin.ResetTarget;
import dev.kafkasdk.core.KafkaSdkException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Computes the new committed offset of each partition for a {@link ResetTarget}, clamped to the log. */
final class OffsetResetPlanner {

    private final Offsets offsets;

    OffsetResetPlanner(Offsets offsets) {
        this.offsets = offsets;
    }

    Map<TopicPartition, Long> targets(
            ResetTarget target,
            Collection<TopicPartition> partitions,
            Map<TopicPartition, OffsetAndMetadata> committed) {
        Map<TopicPartition, Long> earliest = offsets.earliest(partitions);
        Map<TopicPartition, Long> latest = offsets.latest(partitions);
        Map<TopicPartition, Long> result = new TreeMap<>(DefaultGroupOperations.PARTITION_ORDER);
        if (target instanceof ResetTarget.Earliest) {
            partitions.forEach(tp -> result.put(tp, earliest.get(tp)));
        } else if (target instanceof ResetTarget.Latest) {
            partitions.forEach(tp -> result.put(tp, latest.get(tp)));
        } else if (target instanceof ResetTarget.ToTimestamp at) {
            Map<TopicPartition, Long> found = offsets.atTime(partitions, at.timestamp());
            partitions.forEach(tp -> result.put(tp, found.getOrDefault(tp, latest.get(tp))));
        } else if (target instanceof ResetTarget.ToOffset to) {
            partitions.forEach(tp -> result.put(tp, clamp(to.offset(), earliest.get(tp), latest.get(tp))));
        } else if (target instanceof ResetTarget.ShiftBy shift) {
            List<TopicPartition> without =
                    partitions.stream().filter(tp -> !committed.containsKey(tp)).toList();
            if (!without.isEmpty()) {
                throw new KafkaSdkException("cannot shift partitions that have no committed offset: "
                        + without.stream().map(TopicPartition::toString).collect(Collectors.joining(", "))
                        + "; reset them to earliest, latest or an offset first");
            }
            partitions.forEach(tp -> result.put(
                    tp, clamp(shifted(committed.get(tp).offset(), shift.delta()), earliest.get(tp), latest.get(tp))));
        }
        return result;
    }

    /** Adds without overflowing: committed offsets are never negative. */
    private static long shifted(long offset, long delta) {
        return delta > 0 && offset > Long.MAX_VALUE - delta ? Long.MAX_VALUE : offset + delta;
    }

    private static long clamp(long offset, long earliest, long latest) {
        return Math.max(earliest, Math.min(latest, offset));
    }
}
