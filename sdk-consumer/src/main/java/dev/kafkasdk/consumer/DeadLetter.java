package dev.kafkasdk.consumer;

import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.jspecify.annotations.Nullable;

/**
 * A record the consumer gave up on, with its raw bytes exactly as they were read from Kafka.
 *
 * @param topic the topic it was read from
 * @param partition its partition
 * @param offset its offset
 * @param timestamp its timestamp (milliseconds since the epoch)
 * @param timestampType what the timestamp means
 * @param key the raw key bytes, {@code null} if the key was {@code null}
 * @param value the raw value bytes, {@code null} for a tombstone
 * @param headers the original headers; do not modify
 * @param reason why it was given up on
 * @param cause the exception that made it fail
 * @since 0.1
 */
public record DeadLetter(
        String topic,
        int partition,
        long offset,
        long timestamp,
        TimestampType timestampType,
        byte @Nullable [] key,
        byte @Nullable [] value,
        Headers headers,
        Reason reason,
        Throwable cause) {

    /** Why a record became a dead letter. */
    public enum Reason {
        /** Its key or value could not be deserialized (a poison pill). */
        DESERIALIZATION,
        /** The handler kept failing on it. */
        HANDLER
    }

    /**
     * Validates the required fields.
     *
     * @param topic the topic
     * @param partition the partition
     * @param offset the offset
     * @param timestamp the timestamp
     * @param timestampType the timestamp type
     * @param key the raw key
     * @param value the raw value
     * @param headers the headers
     * @param reason the reason
     * @param cause the failure
     */
    public DeadLetter {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cause, "cause");
    }

    @Override
    public String toString() {
        return "DeadLetter{" + topic + '-' + partition + '@' + offset + ", reason=" + reason + ", cause=" + cause + '}';
    }
}
