package dev.kafkasdk.core;

import org.jspecify.annotations.Nullable;

/**
 * The client that raised this can no longer be used: it was fenced by a newer instance, is
 * not authorized or not authenticated, talks to a broker that lacks a needed feature, or was
 * closed. Close it and create a new one (after fixing the cause); retrying will not help.
 *
 * @since 0.1
 */
public class FatalKafkaSdkException extends KafkaSdkException {

    /**
     * Creates a fatal exception without context.
     *
     * @param message what went wrong, never {@code null}
     * @param cause   the underlying exception; may be {@code null}
     */
    public FatalKafkaSdkException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates a fatal exception from a builder.
     *
     * @param builder message, cause and context
     */
    protected FatalKafkaSdkException(Builder builder) {
        super(builder);
    }
}
