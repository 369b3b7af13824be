package dev.kafkasdk.core.observation;

/**
 * The names of the key values the SDK puts on its observations (they become span attributes with a
 * tracer and meter tags with a meter handler). They follow OpenTelemetry's messaging semantic
 * conventions where one exists. Low-cardinality keys (bounded sets of values, safe as meter tags):
 * {@link #SYSTEM}, {@link #OPERATION_TYPE}, {@link #DESTINATION}, {@link #CLIENT_ID},
 * {@link #CONSUMER_GROUP}, {@link #OUTCOME}, {@link #ERROR_TYPE}. High-cardinality keys (span
 * attributes only): {@link #PARTITION}, {@link #OFFSET}, {@link #MESSAGE_KEY}, {@link #ATTEMPT},
 * {@link #BATCH_COUNT}.
 *
 * @since 0.1
 */
public final class KafkaObservationKeys {

    /** {@code messaging.system}, always {@code kafka}. */
    public static final String SYSTEM = "messaging.system";

    /** {@code messaging.operation.type}: {@code send} or {@code process}. */
    public static final String OPERATION_TYPE = "messaging.operation.type";

    /** {@code messaging.destination.name}: the topic. */
    public static final String DESTINATION = "messaging.destination.name";

    /** {@code messaging.client.id}: the SDK client's client id. */
    public static final String CLIENT_ID = "messaging.client.id";

    /** {@code messaging.consumer.group.name}: the consumer group, {@code none} without one. */
    public static final String CONSUMER_GROUP = "messaging.consumer.group.name";

    /** {@code outcome}: {@code success} or {@code failure}. */
    public static final String OUTCOME = "outcome";

    /** {@code error.type}: the failure's exception class simple name, {@code none} on success. */
    public static final String ERROR_TYPE = "error.type";

    /** {@code messaging.destination.partition.id}: the partition (known for a send once acknowledged). */
    public static final String PARTITION = "messaging.destination.partition.id";

    /** {@code messaging.kafka.offset}: the record's offset. */
    public static final String OFFSET = "messaging.kafka.offset";

    /** {@code messaging.kafka.message.key}: the key, when it is short UTF-8 text. */
    public static final String MESSAGE_KEY = "messaging.kafka.message.key";

    /** {@code messaging.kafka.attempt}: 1 for the first handling of a record, 2 for its first retry. */
    public static final String ATTEMPT = "messaging.kafka.attempt";

    /** {@code messaging.batch.message_count}: records in a handled batch. */
    public static final String BATCH_COUNT = "messaging.batch.message_count";

    /** The W3C trace context header, {@code traceparent}. */
    public static final String TRACEPARENT = "traceparent";

    /** The W3C trace state header, {@code tracestate}. */
    public static final String TRACESTATE = "tracestate";

    /** The MDC key of the handled record's topic while a handler runs: {@code kafka.topic}. */
    public static final String MDC_TOPIC = "kafka.topic";

    /** The MDC key of the handled record's partition: {@code kafka.partition}. */
    public static final String MDC_PARTITION = "kafka.partition";

    /** The MDC key of the handled record's offset: {@code kafka.offset}. */
    public static final String MDC_OFFSET = "kafka.offset";

    /** The MDC key of the consumer group: {@code kafka.group}. */
    public static final String MDC_GROUP = "kafka.group";

    private KafkaObservationKeys() {}
}
