package dev.kafkasdk.admin;

/**
 * The overall state of a cluster in a {@link HealthReport}, from best to worst.
 *
 * @since 0.1
 */
public enum Verdict {
    /** Every partition fully replicated and led, quorum healthy, leaders balanced. */
    OK,
    /** Serving, with reduced redundancy or balance: under-replicated partitions, a missing broker, lag. */
    WARN,
    /** Some writes or reads fail now: offline partitions, partitions under min ISR, no quorum leader. */
    CRITICAL
}
