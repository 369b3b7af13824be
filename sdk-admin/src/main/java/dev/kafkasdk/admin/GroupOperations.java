package dev.kafkasdk.admin;

import dev.kafkasdk.core.KafkaSdkException;
import java.util.List;

/**
 * Consumer groups: listing, description, committed-offset lag and offset resets.
 *
 * <p>Every method blocks the calling thread until the cluster answers; each admin call is bounded and
 * retried as {@link AdminOptions} says. Thread-safe. Obtain one from {@link SdkAdmin#groups()}.
 *
 * @since 0.1
 */
public interface GroupOperations {

    /**
     * Lists the consumer groups (classic and consumer protocol), sorted by id.
     *
     * @return the groups
     * @throws AdminAuthorizationException if the principal may not describe the cluster's groups
     * @throws KafkaSdkException if the cluster does not answer in time
     */
    List<GroupSummary> list();

    /**
     * Describes one group: state, protocol type, assignor and members with their assignments.
     *
     * @param groupId the group
     * @return the description
     * @throws AdminAuthorizationException if the principal may not describe the group
     * @throws KafkaSdkException if the group does not exist or the cluster does not answer in time
     */
    GroupDescription describe(String groupId);

    /**
     * Computes committed-offset lag per partition and in total: log end offset minus committed offset,
     * for every partition the group committed or a member is assigned.
     *
     * @param groupId the group
     * @return the lag
     * @throws AdminAuthorizationException if the principal may not describe the group or its topics
     * @throws KafkaSdkException if the group does not exist or the cluster does not answer in time
     */
    GroupLag lag(String groupId);

    /**
     * Moves a stopped group's committed offsets, or with {@link OffsetResetRequest#dryRun()} only computes
     * where they would go. The group must have no active members.
     *
     * @param request group, target, topics and dry-run flag
     * @return every partition's offset before and after
     * @throws GroupActiveException if the group has active members (nothing is changed)
     * @throws AdminAuthorizationException if the principal may not read or commit for the group
     * @throws KafkaSdkException if a topic does not exist, a shift has no committed offset to start
     *     from, or the cluster does not answer in time
     */
    OffsetResetResult resetOffsets(OffsetResetRequest request);
}
