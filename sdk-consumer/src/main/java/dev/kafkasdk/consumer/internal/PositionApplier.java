package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.StartPosition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Moves partitions to {@link StartPosition}s with the client's seek methods. Poll thread only (it
 * runs inside {@code onPartitionsAssigned} or between polls).
 */
final class PositionApplier {

    private final Consumer<byte[], byte[]> consumer;
    private final WindowTracker windows;
    private final Clock clock;

    PositionApplier(Consumer<byte[], byte[]> consumer, WindowTracker windows, Clock clock) {
        this.consumer = consumer;
        this.windows = windows;
        this.clock = clock;
    }

    /**
     * Applies positions; partitions mapped to {@link StartPosition#committed()} are left alone.
     *
     * @param positions the position of each partition
     */
    void apply(Map<TopicPartition, StartPosition> positions) {
        List<TopicPartition> beginning = new ArrayList<>();
        List<TopicPartition> end = new ArrayList<>();
        Map<TopicPartition, Long> timestamps = new HashMap<>();
        Map<TopicPartition, StartPosition.Window> windowed = new HashMap<>();
        positions.forEach((partition, position) -> {
            windows.clear(partition);
            if (position instanceof StartPosition.Beginning) {
                beginning.add(partition);
            } else if (position instanceof StartPosition.End) {
                end.add(partition);
            } else if (position instanceof StartPosition.Offset offset) {
                consumer.seek(partition, offset.offset());
            } else if (position instanceof StartPosition.Timestamp timestamp) {
                timestamps.put(partition, timestamp.timestamp().toEpochMilli());
            } else if (position instanceof StartPosition.Rewind rewind) {
                rewind(partition, rewind.records());
            } else if (position instanceof StartPosition.Window window) {
                windowed.put(partition, window);
            }
        });
        if (!beginning.isEmpty()) {
            consumer.seekToBeginning(beginning);
        }
        if (!end.isEmpty()) {
            consumer.seekToEnd(end);
        }
        if (!timestamps.isEmpty()) {
            seekToTimes(timestamps);
        }
        if (!windowed.isEmpty()) {
            applyWindows(windowed);
        }
    }

    private void seekToTimes(Map<TopicPartition, Long> timestamps) {
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(timestamps);
        List<TopicPartition> none = new ArrayList<>();
        timestamps.keySet().forEach(partition -> {
            OffsetAndTimestamp hit = found.get(partition);
            if (hit == null) {
                none.add(partition);
            } else {
                consumer.seek(partition, hit.offset());
            }
        });
        if (!none.isEmpty()) {
            consumer.seekToEnd(none);
        }
    }

    private void rewind(TopicPartition partition, long records) {
        long current = consumer.position(partition);
        long beginning = consumer.beginningOffsets(List.of(partition)).getOrDefault(partition, 0L);
        consumer.seek(partition, Math.max(beginning, current - records));
    }

    private void applyWindows(Map<TopicPartition, StartPosition.Window> windowed) {
        Map<TopicPartition, Long> from = new HashMap<>();
        Map<TopicPartition, Long> to = new HashMap<>();
        windowed.forEach((partition, window) -> {
            from.put(partition, window.from().toEpochMilli());
            to.put(partition, window.to().toEpochMilli());
        });
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(from);
        Map<TopicPartition, OffsetAndTimestamp> stops = consumer.offsetsForTimes(to);
        Map<TopicPartition, Long> ends = consumer.endOffsets(windowed.keySet());
        long now = clock.millis();
        windowed.forEach((partition, window) -> {
            long end = ends.getOrDefault(partition, 0L);
            OffsetAndTimestamp start = starts.get(partition);
            OffsetAndTimestamp stop = stops.get(partition);
            long stopOffset;
            if (stop != null) {
                stopOffset = stop.offset();
            } else if (window.to().toEpochMilli() <= now) {
                stopOffset = end;
            } else {
                stopOffset = WindowTracker.UNKNOWN;
            }
            consumer.seek(partition, start == null ? end : start.offset());
            windows.register(partition, stopOffset, window.to().toEpochMilli());
        });
    }
}
