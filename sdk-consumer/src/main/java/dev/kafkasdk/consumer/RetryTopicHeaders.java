package dev.kafkasdk.consumer;

/**
 * Header names the consumer adds to every record it moves to a retry topic (see
 * {@link FailurePolicy#retryTopics(java.time.Duration...)}). Values are UTF-8 strings; times are
 * epoch milliseconds as decimal strings. The record's own headers are kept; these replace the ones
 * of an earlier tier. A record that finally reaches the dead-letter topic keeps them next to the
 * {@link DeadLetterHeaders}.
 *
 * @since 0.1
 */
public final class RetryTopicHeaders {

    /** The topic the record was first read from (the main topic, never a tier topic). */
    public static final String ORIGINAL_TOPIC = "kafkasdk.retry.original-topic";
    /** Its partition in the main topic. */
    public static final String ORIGINAL_PARTITION = "kafkasdk.retry.original-partition";
    /** Its offset in the main topic. */
    public static final String ORIGINAL_OFFSET = "kafkasdk.retry.original-offset";
    /** Its timestamp in the main topic, epoch milliseconds. */
    public static final String ORIGINAL_TIMESTAMP = "kafkasdk.retry.original-timestamp";
    /** How many handler attempts failed so far: 1 in the first tier, 2 in the second, ... */
    public static final String ATTEMPT = "kafkasdk.retry.attempt";
    /** The class name of the last failure. */
    public static final String EXCEPTION_CLASS = "kafkasdk.retry.exception-class";
    /** The message of the last failure (empty if it had none). */
    public static final String EXCEPTION_MESSAGE = "kafkasdk.retry.exception-message";
    /** When the first attempt failed, epoch milliseconds. */
    public static final String FIRST_FAILURE_TIME = "kafkasdk.retry.first-failure-time";
    /** The earliest time the tier's consumer hands the record to the handler, epoch milliseconds. */
    public static final String DUE_TIME = "kafkasdk.retry.due-time";

    private RetryTopicHeaders() {}
}
