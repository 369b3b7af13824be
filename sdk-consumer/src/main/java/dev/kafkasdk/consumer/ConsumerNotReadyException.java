package dev.kafkasdk.consumer;

import dev.kafkasdk.core.KafkaSdkException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by {@link SdkConsumer#awaitReady(java.time.Duration)} when the consumer did not become
 * ready: the wait's bound passed while it was still {@link ConsumerState#STARTING} (the message says
 * what it was waiting for), or it ended {@link ConsumerState#FAILED} or {@link ConsumerState#STOPPED}
 * first (the failure is the cause). Retriable only in the first case: the consumer may still become
 * ready.
 *
 * @since 0.1
 */
public final class ConsumerNotReadyException extends KafkaSdkException {

    private final ConsumerState state;

    /**
     * Creates the exception.
     *
     * @param message what the wait was for and why it ended
     * @param state the consumer's state when the wait ended
     * @param clientId the consumer's client id
     * @param cause the consumer's failure, or {@code null}
     */
    public ConsumerNotReadyException(String message, ConsumerState state, String clientId, @Nullable Throwable cause) {
        super(builder(message).clientId(clientId).cause(cause));
        this.state = state;
    }

    /**
     * The consumer's state when the wait ended.
     *
     * @return {@link ConsumerState#STARTING} after a timeout, else the terminal state
     */
    public ConsumerState state() {
        return state;
    }

    /**
     * Whether waiting again may succeed.
     *
     * @return {@code true} when the consumer was still starting
     */
    @Override
    public boolean isRetriable() {
        return !state.isTerminal();
    }
}
