package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.DeadLetter;
import dev.kafkasdk.consumer.RetryTopicHeaders;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;

/** Reading the retry headers of records that come from a tier topic. */
final class TierRecords {

    private TierRecords() {}

    /**
     * A dead letter carrying the main topic's coordinates, so it lands in the main topic's dead-letter
     * topic; the retry headers stay on it.
     *
     * @param record a record read from a tier topic
     * @param reason why it is given up on
     * @param cause the failure
     * @return the dead letter
     */
    static DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> record, DeadLetter.Reason reason, Throwable cause) {
        Map<String, String> original = RetryTopicRouter.original(record);
        return new DeadLetter(
                original.get(RetryTopicHeaders.ORIGINAL_TOPIC),
                parseInt(original.get(RetryTopicHeaders.ORIGINAL_PARTITION), record.partition()),
                parseLong(original.get(RetryTopicHeaders.ORIGINAL_OFFSET), record.offset()),
                parseLong(original.get(RetryTopicHeaders.ORIGINAL_TIMESTAMP), record.timestamp()),
                TimestampType.CREATE_TIME,
                record.key(),
                record.value(),
                record.headers(),
                reason,
                cause);
    }

    /**
     * The record's due time from its headers.
     *
     * @param record a record read from a tier topic
     * @return epoch milliseconds, or {@link Long#MIN_VALUE} (due now) when the header is missing or bad
     */
    static long dueMillis(ConsumerRecord<byte[], byte[]> record) {
        return parseLong(RetryTopicRouter.header(record, RetryTopicHeaders.DUE_TIME), Long.MIN_VALUE);
    }

    private static int parseInt(String text, int fallback) {
        try {
            return Integer.parseInt(text);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static long parseLong(String text, long fallback) {
        try {
            return Long.parseLong(text);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
