package dev.kafkasdk.core.health;

import java.util.Objects;
import java.util.Optional;

/**
 * What a client knows of its KIP-714 client instance id: the id the broker assigns so that
 * broker-side client metrics can be matched with the client's own traces and meters. A broker
 * assigns one only when it runs a client telemetry plugin (a {@code metric.reporters} class that
 * implements {@code ClientTelemetry}, Kafka 3.7 or newer).
 *
 * @param status whether the id is known
 * @param id the id when {@link Status#AVAILABLE}
 * @param reason why the id is not known when {@link Status#UNAVAILABLE}
 * @since 0.1
 */
public record ClientInstanceId(Status status, Optional<String> id, Optional<String> reason) {

    /** Whether the id is known. */
    public enum Status {
        /** The client is still waiting for the broker (within {@code client-instance-id-timeout}). */
        PENDING,
        /** The broker assigned the id. */
        AVAILABLE,
        /** The client has no id; {@link ClientInstanceId#reason()} says why and what fixes it. */
        UNAVAILABLE
    }

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the id does not match the status
     */
    public ClientInstanceId {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        if (id.isPresent() != (status == Status.AVAILABLE)) {
            throw new IllegalArgumentException("an id goes with status AVAILABLE only, got " + status + " and " + id);
        }
    }

    /**
     * The id is not known yet.
     *
     * @return a pending value
     */
    public static ClientInstanceId pending() {
        return new ClientInstanceId(Status.PENDING, Optional.empty(), Optional.empty());
    }

    /**
     * The broker assigned an id.
     *
     * @param id the id
     * @return an available value
     */
    public static ClientInstanceId available(String id) {
        return new ClientInstanceId(Status.AVAILABLE, Optional.of(id), Optional.empty());
    }

    /**
     * The client has no id.
     *
     * @param reason why, and what would fix it
     * @return an unavailable value
     */
    public static ClientInstanceId unavailable(String reason) {
        return new ClientInstanceId(Status.UNAVAILABLE, Optional.empty(), Optional.of(reason));
    }
}
