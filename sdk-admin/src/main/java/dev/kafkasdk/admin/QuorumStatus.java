package dev.kafkasdk.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The KRaft metadata quorum, as {@code Admin.describeMetadataQuorum} reports it.
 *
 * @param leaderId the active controller's node id, -1 when there is no leader
 * @param leaderEpoch the leader's epoch
 * @param highWatermark the metadata log's high watermark
 * @param voters the controllers that vote
 * @param observers the brokers (and non-voting controllers) that follow the log
 * @since 0.1
 */
public record QuorumStatus(
        int leaderId, long leaderEpoch, long highWatermark, List<Member> voters, List<Member> observers) {

    /**
     * One replica of the metadata log.
     *
     * @param replicaId node id
     * @param logEndOffset its log end offset; -1 when the leader has not heard from it
     * @param lag how far it is behind the high watermark, in records (0 or more)
     * @param lastFetch when it last fetched from the leader, if known
     * @param lastCaughtUp when it was last caught up with the leader, if known
     */
    public record Member(
            int replicaId, long logEndOffset, long lag, Optional<Instant> lastFetch, Optional<Instant> lastCaughtUp) {}

    /**
     * Copies the lists.
     *
     * @param leaderId the active controller's node id, -1 when there is no leader
     * @param leaderEpoch the leader's epoch
     * @param highWatermark the metadata log's high watermark
     * @param voters the controllers that vote
     * @param observers the brokers (and non-voting controllers) that follow the log
     */
    public QuorumStatus {
        voters = List.copyOf(voters);
        observers = List.copyOf(observers);
    }

    /** @return true when the quorum has an elected leader */
    public boolean hasLeader() {
        return leaderId >= 0;
    }
}
