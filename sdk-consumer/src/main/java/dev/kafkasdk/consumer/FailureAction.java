package dev.kafkasdk.consumer;

/**
 * What the consumer does with a record (or batch) it cannot process: one that cannot be
 * deserialized, or whose handler still fails after the {@link FailurePolicy}'s retries.
 *
 * @since 0.1
 */
public enum FailureAction {
    /**
     * Publish the raw record to the dead-letter topic through the consumer's
     * {@link DeadLetterPublisher}, wait for the broker's acknowledgement, then treat the record as
     * completed (its offset is committed with the next commit). Needs a publisher.
     */
    DEAD_LETTER,
    /** Log the record's coordinates and the error at WARN and treat the record as completed. */
    SKIP,
    /**
     * Stop the consumer: commit what completed before the failing record, then end in
     * {@link ConsumerState#FAILED}. The failing record stays uncommitted and is read again on restart.
     */
    STOP
}
