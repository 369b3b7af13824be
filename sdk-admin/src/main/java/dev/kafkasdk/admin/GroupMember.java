package dev.kafkasdk.admin;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * One member of a consumer group.
 *
 * @param memberId the member id the coordinator gave it
 * @param groupInstanceId the static membership id, when set
 * @param clientId the consumer's {@code client.id}
 * @param host the host it connects from
 * @param assignment the partitions it is assigned, sorted by topic and partition
 * @since 0.1
 */
public record GroupMember(
        String memberId,
        Optional<String> groupInstanceId,
        String clientId,
        String host,
        List<TopicPartition> assignment) {

    /**
     * Copies the assignment.
     *
     * @param memberId the member id the coordinator gave it
     * @param groupInstanceId the static membership id, when set
     * @param clientId the consumer's {@code client.id}
     * @param host the host it connects from
     * @param assignment the partitions it is assigned, sorted by topic and partition
     */
    public GroupMember {
        assignment = List.copyOf(assignment);
    }

    /**
     * One table row, for example
     * {@code billing-1            host /10.0.0.7      partitions 2  [orders-0, orders-1]  member 5f0c...}.
     *
     * @return the row
     */
    @Override
    public String toString() {
        return String.format(
                "%-20s host %-15s partitions %-3d %s  member %s%s",
                clientId,
                Rows.text(host),
                assignment.size(),
                assignment,
                memberId,
                groupInstanceId.map(id -> "  instance " + id).orElse(""));
    }
}
