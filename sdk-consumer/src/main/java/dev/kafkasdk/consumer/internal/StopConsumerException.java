package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.core.KafkaSdkException;

/**
 * Thrown inside the poll thread to end the loop in {@code FAILED} after committing what completed.
 * Never escapes the poll thread.
 */
final class StopConsumerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StopConsumerException(KafkaSdkException reason) {
        super(reason.getMessage(), reason, false, false);
    }

    KafkaSdkException reason() {
        return (KafkaSdkException) getCause();
    }
}
