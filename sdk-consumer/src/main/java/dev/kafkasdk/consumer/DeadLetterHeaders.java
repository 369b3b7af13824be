package dev.kafkasdk.consumer;

/**
 * Header names the default {@link DeadLetterPublisher} adds to every dead-letter record, next to
 * the original record's own headers. Values are UTF-8 strings.
 *
 * @since 0.1
 */
public final class DeadLetterHeaders {

    /** The topic the record was read from. */
    public static final String ORIGINAL_TOPIC = "kafkasdk.dlt.original-topic";
    /** Its partition, as a decimal string. */
    public static final String ORIGINAL_PARTITION = "kafkasdk.dlt.original-partition";
    /** Its offset, as a decimal string. */
    public static final String ORIGINAL_OFFSET = "kafkasdk.dlt.original-offset";
    /** Its timestamp in epoch milliseconds, as a decimal string. */
    public static final String ORIGINAL_TIMESTAMP = "kafkasdk.dlt.original-timestamp";
    /** Its timestamp type ({@code CreateTime} or {@code LogAppendTime}). */
    public static final String ORIGINAL_TIMESTAMP_TYPE = "kafkasdk.dlt.original-timestamp-type";
    /** The failing exception's class name (the root cause of a wrapped handler exception is not unwrapped). */
    public static final String EXCEPTION_CLASS = "kafkasdk.dlt.exception-class";
    /** The failing exception's message (empty if it had none). */
    public static final String EXCEPTION_MESSAGE = "kafkasdk.dlt.exception-message";
    /** {@code DESERIALIZATION} or {@code HANDLER}. */
    public static final String REASON = "kafkasdk.dlt.reason";

    private DeadLetterHeaders() {}
}
