package dev.kafkasdk.producer;

import java.time.Instant;
import java.util.Objects;

/**
 * Where the broker stored a record: its topic, partition, offset and timestamp.
 *
 * @param topic the topic the record was written to
 * @param partition the partition the record was written to
 * @param offset the record's offset, or {@code -1} when the producer runs with {@code acks=0}
 *     (the broker sends no answer, so the offset is unknown)
 * @param timestamp the record's timestamp: its create time, or the broker's append time on a
 *     topic with {@code message.timestamp.type=LogAppendTime}
 * @since 0.1
 */
public record SendResult(String topic, int partition, long offset, Instant timestamp) {

    /**
     * Validates the components.
     *
     * @param topic the topic
     * @param partition the partition
     * @param offset the offset, or -1 when unknown
     * @param timestamp the timestamp ({@link Instant#EPOCH} if the broker reported none)
     * @throws NullPointerException if topic or timestamp is null
     */
    public SendResult {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /**
     * Whether the broker reported an offset (false with {@code acks=0}).
     *
     * @return true when {@link #offset()} is a real offset
     */
    public boolean hasOffset() {
        return offset >= 0;
    }

    /**
     * One table row, for example {@code orders-2@1041  2026-01-02T03:04:05.123Z}; {@code -} for an unknown
     * offset.
     *
     * @return the row
     */
    @Override
    public String toString() {
        return topic + "-" + partition + "@" + (offset >= 0 ? Long.toString(offset) : "-") + "  " + timestamp;
    }
}
