package dev.kafkasdk.consumer.internal;

import java.util.Collection;
import org.apache.kafka.common.TopicPartition;

/**
 * One {@link dev.kafkasdk.consumer.CommitMode}'s actions at the points of the poll loop. Poll thread
 * only.
 */
interface CommitStrategy {

    /** Before the first handler call of a round. */
    default void beginRound() {}

    /** After one record completed (record handler) or one batch completed (batch handler). */
    default void unitCompleted() {}

    /** After the handler calls of a round; commits what completed. */
    void endRound();

    /**
     * A handler call of the round failed.
     *
     * @return {@code true} if the round's completed work was rolled back (an aborted transaction), so
     *     every partition of the round must be rewound to where the round started
     */
    default boolean roundFailed() {
        return false;
    }

    /**
     * Partitions are being revoked: commit what completed for them.
     *
     * @param partitions the revoked partitions
     */
    void onRevoked(Collection<TopicPartition> partitions);

    /**
     * Partitions were assigned and positioned (concurrent modes read the committed metadata here).
     *
     * @param partitions the new partitions
     */
    default void onAssigned(Collection<TopicPartition> partitions) {}

    /** The consumer is closing: final commit of what completed. */
    void onClose();

    /**
     * Whether the Kafka client auto-commits ({@code enable.auto.commit}).
     *
     * @return {@code true} for the auto mode
     */
    default boolean autoCommit() {
        return false;
    }
}
