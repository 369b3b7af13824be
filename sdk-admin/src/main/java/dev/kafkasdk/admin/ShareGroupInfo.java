package dev.kafkasdk.admin;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * One share group as the broker reports it.
 *
 * @param groupId the group id
 * @param state its state
 * @param coordinator the coordinator broker's id, if known
 * @param members its members, sorted by member id
 * @param partitions per partition: start offset and lag, sorted by topic and partition
 * @since 0.2
 */
public record ShareGroupInfo(
        String groupId,
        GroupState state,
        OptionalInt coordinator,
        List<Member> members,
        List<PartitionBacklog> partitions) {

    /**
     * One member.
     *
     * @param memberId its member id
     * @param clientId its client id
     * @param host its host
     * @param assignment the partitions it may fetch from (shared with other members)
     */
    public record Member(String memberId, String clientId, String host, List<TopicPartition> assignment) {}

    /**
     * The backlog of one share partition.
     *
     * @param topic the topic
     * @param partition the partition
     * @param startOffset the share-partition start offset: records below it are done
     * @param lag records at or above the start offset not yet acknowledged, if the broker reports it
     */
    public record PartitionBacklog(String topic, int partition, long startOffset, OptionalLong lag) {}

    /** @return the sum of the partitions' reported lags */
    public long totalLag() {
        return partitions.stream().mapToLong(p -> p.lag().orElse(0)).sum();
    }
}
