package dev.kafkasdk.core;

import dev.kafkasdk.core.internal.ErrorClassification;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The one unchecked root of every exception the SDK throws.
 *
 * <p>An exception may carry the context it happened in: the topic, partition, offset and
 * client id. Each is optional; those present are appended to {@link #getMessage()} as
 * {@code [clientId=..., topic=..., partition=..., offset=...]}. The original kafka-clients
 * exception, when there is one, is kept as the {@linkplain #getCause() cause}.
 *
 * <p>Retriability is part of the type: {@link RetriableKafkaSdkException} means a retry may
 * succeed, {@link FatalKafkaSdkException} means the client that raised it can no longer be
 * used. {@link #builder(String)} picks the subtype from the Kafka cause when asked to.
 *
 * <p>Instances are immutable once thrown and safe to share between threads.
 *
 * @since 0.1
 */
public class KafkaSdkException extends RuntimeException {

    /** The topic involved, or {@code null}. */
    private final @Nullable String topic;
    /** The partition involved, or {@code null}. */
    private final @Nullable Integer partition;
    /** The offset involved, or {@code null}. */
    private final @Nullable Long offset;
    /** The client id of the client that failed, or {@code null}. */
    private final @Nullable String clientId;

    /**
     * Creates an exception with a message and no context or cause.
     *
     * @param message what went wrong, never {@code null}
     */
    public KafkaSdkException(String message) {
        this(message, null);
    }

    /**
     * Creates an exception with a message and the exception that caused it, without context.
     *
     * @param message what went wrong, never {@code null}
     * @param cause   the underlying exception, usually from kafka-clients; may be {@code null}
     */
    public KafkaSdkException(String message, @Nullable Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.topic = null;
        this.partition = null;
        this.offset = null;
        this.clientId = null;
    }

    /**
     * Creates an exception from a builder; subclasses use it to carry context.
     *
     * @param builder the message, cause and context to use
     */
    protected KafkaSdkException(Builder builder) {
        super(builder.message, builder.cause);
        this.topic = builder.topic;
        this.partition = builder.partition;
        this.offset = builder.offset;
        this.clientId = builder.clientId;
    }

    /**
     * Starts building an exception with context.
     *
     * @param message what went wrong, never {@code null}
     * @return a new builder; not thread-safe, use it from one thread
     */
    public static Builder builder(String message) {
        return new Builder(message);
    }

    /**
     * Wraps a kafka-clients exception, choosing the subtype from it: a Kafka
     * {@code RetriableException} gives a {@link RetriableKafkaSdkException}; fencing,
     * authentication, authorization and unsupported-version errors give a
     * {@link FatalKafkaSdkException}; anything else a plain {@code KafkaSdkException}.
     *
     * @param message what the SDK was doing, never {@code null}
     * @param cause   the exception to wrap, never {@code null}
     * @return the wrapped exception, without context
     */
    public static KafkaSdkException wrap(String message, Throwable cause) {
        return builder(message).cause(Objects.requireNonNull(cause, "cause")).build();
    }

    /**
     * Tells whether retrying the failed operation may succeed.
     *
     * @return {@code true} only for {@link RetriableKafkaSdkException}
     */
    public boolean isRetriable() {
        return false;
    }

    /**
     * The topic the failure concerns.
     *
     * @return the topic, or empty when unknown
     */
    public Optional<String> topic() {
        return Optional.ofNullable(topic);
    }

    /**
     * The partition the failure concerns.
     *
     * @return the partition, or empty when unknown
     */
    public OptionalInt partition() {
        return partition == null ? OptionalInt.empty() : OptionalInt.of(partition);
    }

    /**
     * The offset the failure concerns.
     *
     * @return the offset, or empty when unknown
     */
    public OptionalLong offset() {
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /**
     * The {@code client.id} of the Kafka client that failed.
     *
     * @return the client id, or empty when unknown
     */
    public Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    /**
     * The message, followed by the context that is present.
     *
     * @return e.g. {@code send failed [clientId=orders-service-orders, topic=orders, partition=3]}
     */
    @Override
    public String getMessage() {
        String base = super.getMessage();
        StringJoiner context = new StringJoiner(", ", " [", "]").setEmptyValue("");
        if (clientId != null) {
            context.add("clientId=" + clientId);
        }
        if (topic != null) {
            context.add("topic=" + topic);
        }
        if (partition != null) {
            context.add("partition=" + partition);
        }
        if (offset != null) {
            context.add("offset=" + offset);
        }
        return base + context;
    }

    /**
     * Builds a {@link KafkaSdkException} or one of its subtypes with context. Not thread-safe.
     */
    public static final class Builder {
        private final String message;
        private @Nullable Throwable cause;
        private @Nullable String topic;
        private @Nullable Integer partition;
        private @Nullable Long offset;
        private @Nullable String clientId;

        private Builder(String message) {
            this.message = Objects.requireNonNull(message, "message");
        }

        /**
         * Sets the topic.
         *
         * @param topic the topic name; {@code null} clears it
         * @return this builder
         */
        public Builder topic(@Nullable String topic) {
            this.topic = topic;
            return this;
        }

        /**
         * Sets the partition.
         *
         * @param partition the partition number
         * @return this builder
         */
        public Builder partition(int partition) {
            this.partition = partition;
            return this;
        }

        /**
         * Sets the offset.
         *
         * @param offset the record offset
         * @return this builder
         */
        public Builder offset(long offset) {
            this.offset = offset;
            return this;
        }

        /**
         * Sets the client id.
         *
         * @param clientId the {@code client.id} of the failing client; {@code null} clears it
         * @return this builder
         */
        public Builder clientId(@Nullable String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * Sets the underlying exception.
         *
         * @param cause the Kafka (or other) exception; {@code null} clears it
         * @return this builder
         */
        public Builder cause(@Nullable Throwable cause) {
            this.cause = cause;
            return this;
        }

        /**
         * Builds the exception, choosing the subtype from the cause as
         * {@link KafkaSdkException#wrap(String, Throwable)} does.
         *
         * @return a retriable, fatal or plain exception
         */
        public KafkaSdkException build() {
            switch (ErrorClassification.classify(cause)) {
                case RETRIABLE:
                    return retriable();
                case FATAL:
                    return fatal();
                default:
                    return new KafkaSdkException(this);
            }
        }

        /**
         * Builds a {@link RetriableKafkaSdkException} whatever the cause.
         *
         * @return the exception
         */
        public RetriableKafkaSdkException retriable() {
            return new RetriableKafkaSdkException(this);
        }

        /**
         * Builds a {@link FatalKafkaSdkException} whatever the cause.
         *
         * @return the exception
         */
        public FatalKafkaSdkException fatal() {
            return new FatalKafkaSdkException(this);
        }
    }
}
