package dev.kafkasdk.consumer;

/**
 * What a {@link ShareBatchHandler} decides for one record of its {@link ShareBatch}.
 *
 * @since 0.2
 */
public enum ShareOutcome {
    /** Processed: acknowledged with ACCEPT. */
    ACCEPT,
    /**
     * Not processed this time: a failed delivery. Acknowledged with RELEASE (delivered again, to any
     * member) while deliveries remain below {@code max-delivery-attempts}; after the last one, the
     * settings' {@code on-exhausted} action.
     */
    RELEASE,
    /** Never processable: the settings' {@code on-exhausted} action at once (REJECT or the dead-letter topic). */
    REJECT
}
