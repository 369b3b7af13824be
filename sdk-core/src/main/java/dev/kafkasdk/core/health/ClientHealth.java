package dev.kafkasdk.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * One immutable snapshot of an SDK client's health, cheap enough to take on every probe request:
 * taking it reads fields the client already keeps and never calls the cluster.
 *
 * <p>For a readiness probe use {@link #isReady()}; for a liveness probe {@link #isLive()}. Whether
 * a client that has not heard from the cluster for a while is still healthy is the caller's call:
 * compare {@link #lastContact()} with the probe's own tolerance.
 *
 * @param clientId the client's {@code client.id}
 * @param status the client's status, common to producers, consumers and admins
 * @param state the client's own state name: a consumer's {@code ConsumerState} ({@code RUNNING},
 *     {@code REBALANCING}, ...), {@code OPEN} or {@code CLOSED} for producers and admins
 * @param lastContact when the client last had a successful interaction with the cluster (a
 *     metadata or produce response, records fetched, a rebalance, an admin call); empty before the
 *     first
 * @param cause why the client failed or is not ready, when it knows
 * @param assignment for a consumer, the partitions assigned to it when the snapshot was taken;
 *     empty for producers and admins
 * @param takenAt when the snapshot was taken
 * @param clientInstanceId the client's KIP-714 client instance id, or why it has none
 * @since 0.1
 */
public record ClientHealth(
        String clientId,
        Status status,
        String state,
        Optional<Instant> lastContact,
        Optional<Throwable> cause,
        Set<TopicPartition> assignment,
        Instant takenAt,
        ClientInstanceId clientInstanceId) {

    /** What a probe needs to know, the same for every kind of client. */
    public enum Status {
        /** Built or started, not yet ready: a consumer that has not joined its group. */
        STARTING,
        /** Doing its work: a consumer with its assignment, a usable producer or admin. */
        READY,
        /**
         * Alive but not doing its work right now: a consumer in a rebalance, an admin whose last
         * call found the cluster unreachable. Expected to pass by itself.
         */
        NOT_READY,
        /** Failed and will not recover; {@link ClientHealth#cause()} says why. Create a new client. */
        FAILED,
        /** Stopped or closed on request. */
        STOPPED
    }

    /**
     * Checks the components and copies the assignment.
     *
     * @throws NullPointerException if a component is null
     */
    public ClientHealth {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastContact, "lastContact");
        Objects.requireNonNull(cause, "cause");
        assignment = Set.copyOf(assignment);
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(clientInstanceId, "clientInstanceId");
    }

    /**
     * A snapshot of a client that does not track its client instance id (reported
     * {@link ClientInstanceId#pending()}).
     *
     * @param clientId the client's {@code client.id}
     * @param status the client's status
     * @param state the client's own state name
     * @param lastContact when the client last heard from the cluster
     * @param cause why the client failed or is not ready
     * @param assignment a consumer's assignment
     * @param takenAt when the snapshot was taken
     */
    public ClientHealth(
            String clientId,
            Status status,
            String state,
            Optional<Instant> lastContact,
            Optional<Throwable> cause,
            Set<TopicPartition> assignment,
            Instant takenAt) {
        this(clientId, status, state, lastContact, cause, assignment, takenAt, ClientInstanceId.pending());
    }

    /**
     * This snapshot with the client instance id filled in.
     *
     * @param id what the client knows of its KIP-714 client instance id
     * @return a copy
     */
    public ClientHealth withClientInstanceId(ClientInstanceId id) {
        return new ClientHealth(clientId, status, state, lastContact, cause, assignment, takenAt, id);
    }

    /**
     * Whether a readiness probe should pass: the status is {@link Status#READY}.
     *
     * @return {@code true} when ready
     */
    public boolean isReady() {
        return status == Status.READY;
    }

    /**
     * Whether a liveness probe should pass: the client has not {@link Status#FAILED}. A stopped
     * client is live (it stopped on request); a restart does not help a failed one unless its
     * cause was fixed.
     *
     * @return {@code false} only when failed
     */
    public boolean isLive() {
        return status != Status.FAILED;
    }

    /**
     * How long before {@link #takenAt()} the client last heard from the cluster.
     *
     * @return the age of the last contact, or empty before the first
     */
    public Optional<Duration> sinceLastContact() {
        return lastContact.map(
                at -> Duration.between(at, takenAt).isNegative() ? Duration.ZERO : Duration.between(at, takenAt));
    }
}
