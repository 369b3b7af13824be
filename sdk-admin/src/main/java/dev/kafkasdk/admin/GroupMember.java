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
 */
public record GroupMember(String memberId, Optional<String> groupInstanceId, String clientId, String host,
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
}
