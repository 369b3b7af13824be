package dev.kafkasdk.core;

import org.jspecify.annotations.Nullable;

/**
 * A transient failure: retrying the same operation may succeed (a leader moved, a request
 * timed out, the broker was briefly unavailable). Callers decide whether and how to retry;
 * note that a producer already retries sends internally up to {@code delivery.timeout.ms}.
 *
 * @since 0.1
 */
public class RetriableKafkaSdkException extends KafkaSdkException {

    /**
     * Creates a retriable exception without context.
     *
     * @param message what went wrong, never {@code null}
     * @param cause   the underlying exception; may be {@code null}
     */
    public RetriableKafkaSdkException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates a retriable exception from a builder.
     *
     * @param builder message, cause and context
     */
    protected RetriableKafkaSdkException(Builder builder) {
        super(builder);
    }

    /**
     * Always {@code true}.
     *
     * @return {@code true}
     */
    @Override
    public boolean isRetriable() {
        return true;
    }
}
