package dev.kafkasdk.producer.internal;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.config.SecuritySettings;
import dev.kafkasdk.core.internal.AuthenticationRetry;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;

/**
 * Turns what went wrong with one send into an SDK exception that names the topic, the partition
 * when known, the key (via its {@code toString}, never the value), the client id, the setting to
 * look at, and keeps the Kafka exception as the cause. Retriable and fatal subtypes follow the
 * Kafka cause (see {@link KafkaSdkException#builder(String)}).
 */
final class FailureTranslator {

    private static final int MAX_KEY_CHARS = 120;

    private final String clientId;
    private final ProducerLimits limits;
    private final @Nullable SecuritySettings security;
    private final @Nullable AuthenticationRetry authentication;
    private final LongSupplier answers;

    FailureTranslator(String clientId, ProducerLimits limits) {
        this(clientId, limits, null, null, () -> 0L);
    }

    /**
     * @param clientId the producer's client id
     * @param limits its limits, named in messages
     * @param security its security settings, named in authentication hints
     * @param authentication decides whether an authentication failure is passing; null: always fatal
     * @param answers how often the cluster has answered the producer (zero: never); the time of its
     *     last acknowledgement will do
     */
    FailureTranslator(
            String clientId,
            ProducerLimits limits,
            @Nullable SecuritySettings security,
            @Nullable AuthenticationRetry authentication,
            LongSupplier answers) {
        this.clientId = clientId;
        this.limits = limits;
        this.security = security;
        this.authentication = authentication;
        this.answers = answers;
    }

    /**
     * The authentication failure of a run that counts as passing, for the producer's health; a run
     * ends once the cluster has answered since its last failure.
     *
     * @return the last authentication failure of the run in progress, or null
     */
    @Nullable
    AuthenticationException authenticationFailing() {
        if (authentication == null) {
            return null;
        }
        authentication.answered(answers.getAsLong());
        return authentication.failing();
    }

    /**
     * The hint for a failure outside a send (a transaction call), naming the principal for
     * authentication failures.
     *
     * @param cause the significant cause
     * @return the hint, starting with "; ", or empty
     */
    String hint(Throwable cause) {
        return KafkaErrors.hint(cause, security);
    }

    /**
     * Translates a failure reported by kafka-clients, through the send callback or thrown by
     * {@code send}.
     *
     * @param error the Kafka exception
     * @param topic the record's topic
     * @param partition the partition, or -1 when unknown
     * @param key the record's key (object form)
     * @param synchronous whether {@code send} itself failed, before the record was buffered
     * @return the SDK exception
     */
    KafkaSdkException translate(Throwable error, String topic, int partition, Object key, boolean synchronous) {
        Throwable cause = KafkaErrors.significantCause(error);
        String detail = cause == error
                ? String.valueOf(error.getMessage())
                : error.getMessage() + " (caused by " + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                        + ")";
        AuthenticationException refused = authentication == null ? null : AuthenticationRetry.find(cause);
        RuntimeException verdict = refused == null ? null : authentication.failed(refused, answers.getAsLong());
        String why;
        if (refused != null && verdict == null) {
            why = detail + "; the cluster has answered this producer before, so this counts as passing (a token"
                    + " refreshed late, a re-authentication that raced a token's expiry) for up to"
                    + " cluster.authentication-retry-timeout: the producer stays usable, send the record again";
        } else if (refused != null && verdict != refused) {
            why = String.valueOf(verdict.getMessage());
        } else {
            why = detail + KafkaErrors.hint(cause, security);
        }
        KafkaSdkException.Builder builder =
                base(topic, key, explain(cause, synchronous) + ": " + why).cause(cause);
        if (partition >= 0) {
            builder.partition(partition);
        }
        if (cause instanceof IllegalStateException && isClosedMessage(cause)) {
            return builder.fatal();
        }
        if (refused != null && verdict == null) {
            return builder.retriable();
        }
        return builder.build();
    }

    private String explain(Throwable error, boolean synchronous) {
        if (error instanceof BufferExhaustedException) {
            return bufferFull();
        }
        if (error instanceof TimeoutException) {
            if (!synchronous) {
                return "not acknowledged within delivery.timeout.ms (" + limits.deliveryTimeoutMs()
                        + " ms); the producer retried until then";
            }
            String message = String.valueOf(error.getMessage());
            if (message.contains("memory")) {
                return bufferFull();
            }
            return "blocked for max.block.ms (" + limits.maxBlockMs() + " ms) without cluster metadata"
                    + " for the topic (the cluster is unreachable or the topic does not exist) or without"
                    + " free buffer.memory (" + limits.bufferMemory() + " bytes)";
        }
        if (error instanceof RecordTooLargeException) {
            return synchronous
                    ? "record is larger than max.request.size (" + limits.maxRequestSize() + " bytes)"
                            + " or buffer.memory (" + limits.bufferMemory() + " bytes)"
                    : "the broker rejected the record as too large: the topic's max.message.bytes (or the"
                            + " broker's message.max.bytes) is smaller than the record batch";
        }
        if (error instanceof IllegalStateException) {
            return isClosedMessage(error)
                    ? "the producer is closed"
                    : "the producer is not in a state to send"
                            + (limits.transactionalId() == null
                                    ? ""
                                    : " (a transactional producer sends only"
                                            + " inside a transaction: use runInTransaction or beginTransaction first)");
        }
        if (error instanceof SerializationException) {
            return "serialization failed";
        }
        if (error instanceof InterruptException) {
            return "interrupted while waiting for the producer";
        }
        if (error instanceof KafkaException && synchronous) {
            return "the producer refused the record";
        }
        return "the send failed (" + error.getClass().getSimpleName() + ")";
    }

    private String bufferFull() {
        if (!limits.blockingSend()) {
            return "buffer.memory (" + limits.bufferMemory() + " bytes) is full: records are produced"
                    + " faster than the cluster accepts them, or the cluster is unreachable; the send failed"
                    + " at once instead of blocking (blocking-send: false). Retry later, slow down, or raise"
                    + " buffer-memory";
        }
        return "buffer.memory (" + limits.bufferMemory() + " bytes) stayed full for max.block.ms ("
                + limits.maxBlockMs() + " ms): records are produced faster than the cluster accepts them";
    }

    private static boolean isClosedMessage(Throwable error) {
        String message = error.getMessage();
        return message != null && message.contains("closed");
    }

    /** The topic's lane of records waiting for metadata is full. */
    KafkaSdkException pendingFull(String topic, Object key, TopicLane.Offer why, ProducerLimits limits) {
        String bound = why == TopicLane.Offer.RECORDS_FULL
                ? "pending-records (" + dev.kafkasdk.core.internal.Plurals.count(limits.pendingRecords(), "record")
                        + ")"
                : "pending-bytes (" + dev.kafkasdk.core.internal.Plurals.count(limits.pendingBytes(), "byte") + ")";
        return base(
                        topic,
                        key,
                        "record not sent: the records waiting for the metadata of topic '"
                                + topic + "' already fill " + bound + "; the send failed at once instead of blocking."
                                + " The cluster (" + limits.bootstrapServers() + ") has not yet told this producer"
                                + " about the topic; retry later or raise " + bound.substring(0, bound.indexOf(' ')))
                .cause(new org.apache.kafka.common.errors.TimeoutException("pending records full"))
                .retriable();
    }

    /**
     * The cluster answers but does not report the topic, and no answer came to the question why
     * (see {@link TopicDiagnosis}).
     */
    KafkaSdkException missingTopic(String topic, Object key, long waitedMs) {
        String message = "topic '" + topic + "' does not exist or this client is not authorized to"
                + " describe and write it: the cluster (" + limits.bootstrapServers() + ") answered"
                + " metadata requests for " + waitedMs + " ms (missing-topic-timeout "
                + limits.missingTopicTimeoutMs() + " ms) without reporting it. Create the topic, or grant"
                + " this principal DESCRIBE and WRITE on it";
        return base(topic, key, message)
                .cause(new UnknownTopicOrPartitionException(message))
                .build();
    }

    /** The cluster does not report the topic, and describing it answered that it does not exist. */
    KafkaSdkException topicDoesNotExist(String topic, Object key, long waitedMs) {
        String message = "topic '" + topic + "' does not exist: the cluster (" + limits.bootstrapServers()
                + ") answered metadata requests for " + waitedMs + " ms (missing-topic-timeout "
                + limits.missingTopicTimeoutMs() + " ms) without it, and describing the topic answered"
                + " UNKNOWN_TOPIC_OR_PARTITION. Create the topic (the cluster does not create it on use)";
        return base(topic, key, message)
                .cause(new UnknownTopicOrPartitionException(message))
                .build();
    }

    /** The cluster does not report the topic, and describing it answered that this principal may not. */
    KafkaSdkException topicNotAuthorized(String topic, Object key, long waitedMs) {
        TopicAuthorizationException cause = new TopicAuthorizationException(Set.of(topic));
        String message = "this principal is not authorized to use topic '" + topic + "': "
                + cause.getMessage() + " (the cluster " + limits.bootstrapServers() + " left the topic out of"
                + " its metadata for " + waitedMs + " ms and describing it answered TOPIC_AUTHORIZATION_FAILED)"
                + KafkaErrors.hint(cause);
        return base(topic, key, message).cause(cause).build();
    }

    /** The record waited {@code delivery.timeout.ms} for metadata without any answer. */
    KafkaSdkException noMetadata(String topic, Object key) {
        return base(
                        topic,
                        key,
                        "no metadata for the topic within delivery.timeout.ms ("
                                + limits.deliveryTimeoutMs() + " ms): the cluster (" + limits.bootstrapServers()
                                + ") did not answer; it is unreachable or down")
                .cause(new org.apache.kafka.common.errors.TimeoutException("no metadata for " + topic))
                .retriable();
    }

    /** The record names a partition the topic does not have. */
    KafkaSdkException noSuchPartition(String topic, Object key, int partition, int partitions) {
        String message = "record not sent: it names partition " + partition + " but the topic has "
                + partitions + " partition" + (partitions == 1 ? "" : "s") + " (0 to " + (partitions - 1)
                + ")";
        return base(topic, key, message)
                .partition(partition)
                .cause(new UnknownTopicOrPartitionException(message))
                .build();
    }

    /** The producer closed while the record waited for its topic's metadata. */
    KafkaSdkException closedWhilePending(String topic, Object key) {
        return base(
                        topic,
                        key,
                        "record not sent: the producer closed while the record waited for"
                                + " the topic's metadata (the cluster " + limits.bootstrapServers()
                                + " had not reported"
                                + " the topic)")
                .fatal();
    }

    /** The record exceeds the producer's own limits; checked before it is handed to Kafka. */
    KafkaSdkException tooLarge(int estimatedSize, String topic, Object key) {
        boolean overRequest = estimatedSize > limits.maxRequestSize();
        String limit = overRequest
                ? "max.request.size (" + limits.maxRequestSize() + " bytes)"
                : "buffer.memory (" + limits.bufferMemory() + " bytes)";
        String message = "record not sent: its serialized size with headers and record overhead is"
                + " up to " + estimatedSize + " bytes, more than the producer's " + limit + ". Raise "
                + (overRequest ? "max.request.size" : "buffer.memory") + " in the producer config; the"
                + " broker's message.max.bytes (or the topic's max.message.bytes) must allow the size too";
        return base(topic, key, message)
                .cause(new RecordTooLargeException(message))
                .build();
    }

    /** The key or value serializer threw. */
    KafkaSdkException serialization(String part, RuntimeException error, String topic, Object key) {
        return base(topic, key, "record not sent: the " + part + " serializer failed: " + error.getMessage())
                .cause(error)
                .build();
    }

    /**
     * A send the SDK refused before kafka-clients saw it.
     *
     * @param refusal why
     * @param topic the record's topic
     * @param key the record's key
     * @param fatal the producer's first fatal error, for {@link Refusal#PRODUCER_UNUSABLE}
     * @param gate the circuit breaker, for {@link Refusal#CIRCUIT_OPEN}
     * @param inFlightCap the in-flight cap, for {@link Refusal#IN_FLIGHT_CAP}
     * @return the failure
     */
    KafkaSdkException refused(
            Refusal refusal, String topic, Object key, KafkaSdkException fatal, BreakerGate gate, int inFlightCap) {
        switch (refusal) {
            case PRODUCER_CLOSED:
                return base(topic, key, "record not sent: the producer is closed")
                        .fatal();
            case PRODUCER_UNUSABLE:
                Throwable root = fatal.getCause() == null ? fatal : fatal.getCause();
                return base(
                                topic,
                                key,
                                "record not sent: the producer is unusable since an earlier fatal"
                                        + " error (" + root.getClass().getSimpleName() + ": " + root.getMessage()
                                        + "); close"
                                        + " it and create a new one after fixing the cause")
                        .cause(fatal)
                        .fatal();
            case CIRCUIT_OPEN:
                return base(
                                topic,
                                key,
                                "record not sent: circuit breaker '" + gate.name() + "' is " + gate.state()
                                        + " after repeated retriable failures; the cluster looks unreachable")
                        .cause(gate.notPermitted())
                        .retriable();
            case IN_FLIGHT_CAP:
                return base(
                                topic,
                                key,
                                "record not sent: " + dev.kafkasdk.core.internal.Plurals.count(inFlightCap, "record")
                                        + (inFlightCap == 1 ? " was" : " were") + " already"
                                        + " waiting for the broker (the producer's in-flight cap) "
                                        + (limits.blockingSend()
                                                ? "for max.block.ms (" + limits.maxBlockMs() + " ms)"
                                                : "and the send failed at once (blocking-send: false)"))
                        .retriable();
            case INTERRUPTED:
            default:
                return base(topic, key, "record not sent: interrupted while waiting for an in-flight" + " permit")
                        .cause(new InterruptException("interrupted"))
                        .build();
        }
    }

    private KafkaSdkException.Builder base(String topic, Object key, String message) {
        return KafkaSdkException.builder(
                        "Send to topic '" + topic + "' (key " + renderKey(key) + ") failed: " + message)
                .topic(topic)
                .clientId(clientId);
    }

    /**
     * The key as shown in messages: its {@code toString}, shortened; byte arrays by length only.
     *
     * @param key the key
     * @return the rendering
     */
    static String renderKey(Object key) {
        if (key == null) {
            return "null";
        }
        if (key instanceof byte[] bytes) {
            return "byte[" + bytes.length + "]";
        }
        String text;
        try {
            text = String.valueOf(key);
        } catch (RuntimeException e) {
            return key.getClass().getName() + " (toString failed)";
        }
        return text.length() <= MAX_KEY_CHARS ? "'" + text + "'" : "'" + text.substring(0, MAX_KEY_CHARS) + "...'";
    }
}
