package dev.kafkasdk.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Something that happened to an SDK client's health, delivered to the {@link HealthListener}s
 * registered on its builder.
 *
 * @param clientId the {@code client.id} of the client it happened to
 * @param type what happened
 * @param at when it happened
 * @param partitions the partitions assigned or revoked, for {@link Type#PARTITIONS_ASSIGNED} and
 *     {@link Type#PARTITIONS_REVOKED}; otherwise empty
 * @param idleFor how long no record arrived, for {@link Type#IDLE}
 * @param cause why, for {@link Type#FAILED}
 * @since 0.1
 */
public record HealthEvent(
        String clientId,
        Type type,
        Instant at,
        Set<TopicPartition> partitions,
        Optional<Duration> idleFor,
        Optional<Throwable> cause) {

    /** The kinds of event, in a client's usual order. */
    public enum Type {
        /** The client was built (producer, admin) or started (consumer). */
        STARTED,
        /** A consumer joined its group or took its partitions and processes records. */
        READY,
        /** Partitions were assigned to a consumer. */
        PARTITIONS_ASSIGNED,
        /** Partitions were revoked from a consumer or lost by it. */
        PARTITIONS_REVOKED,
        /**
         * A running consumer received no record for its idle threshold; once per idle stretch (the
         * next arrives after records have arrived again and stopped again).
         */
        IDLE,
        /** The client failed; {@link HealthEvent#cause()} says why. */
        FAILED,
        /** The client stopped or closed on request. Always the last event. */
        STOPPED
    }

    /**
     * Checks the components and copies the partitions.
     *
     * @throws NullPointerException if a component is null
     */
    public HealthEvent {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        partitions = Set.copyOf(partitions);
        Objects.requireNonNull(idleFor, "idleFor");
        Objects.requireNonNull(cause, "cause");
    }

    /**
     * An event without partitions, idle time or cause.
     *
     * @param clientId the client id
     * @param type what happened
     * @param at when
     * @return the event
     */
    public static HealthEvent of(String clientId, Type type, Instant at) {
        return new HealthEvent(clientId, type, at, Set.of(), Optional.empty(), Optional.empty());
    }
}
