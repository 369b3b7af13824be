package dev.kafkasdk.test;

/**
 * The one unchecked exception of the test kit: a cluster that could not start, a topic that could
 * not be created, records that were not acknowledged or did not arrive in time, or invalid options.
 * The Kafka exception that caused it, if any, is kept as the {@linkplain #getCause() cause}.
 *
 * @since 0.1
 */
public class KafkaTestKitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that says what failed and, where known, where to look.
     *
     * @param message what failed
     */
    public KafkaTestKitException(String message) {
        super(message);
    }

    /**
     * Creates an exception that keeps the Kafka (or I/O) exception that caused it.
     *
     * @param message what failed
     * @param cause   the underlying exception
     */
    public KafkaTestKitException(String message, Throwable cause) {
        super(message, cause);
    }
}
