package dev.kafkasdk.admin;

import java.util.List;

/**
 * Share groups (KIP-932): listing, and one group's members and backlog. Each call is bounded by the
 * admin's call timeout and retried like the other admin calls.
 *
 * @since 0.2
 */
public interface ShareGroupOperations {

    /**
     * Every share group of the cluster, sorted by id.
     *
     * @return the groups; empty when there are none
     * @throws dev.kafkasdk.core.KafkaSdkException when the cluster cannot be asked in time
     */
    List<GroupSummary> list();

    /**
     * One share group: state, coordinator, members with their assigned partitions, and each
     * partition's share-partition start offset and lag (records not yet acknowledged).
     *
     * @param groupId the share group
     * @return the description
     * @throws dev.kafkasdk.core.KafkaSdkException when the group does not exist or the call fails
     */
    ShareGroupInfo describe(String groupId);
}
