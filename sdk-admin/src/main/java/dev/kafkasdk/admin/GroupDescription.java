package dev.kafkasdk.admin;

import java.util.List;
import java.util.OptionalInt;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;

/**
 * A consumer group in detail.
 *
 * @param groupId the group id
 * @param type the group protocol, classic or consumer (KIP-848)
 * @param state the group's state
 * @param assignor the partition assignor in use; empty when the group has no members
 * @param coordinator the coordinator's node id, when known
 * @param members the active members with their assignments
 * @since 0.1
 */
public record GroupDescription(
        String groupId,
        GroupType type,
        GroupState state,
        String assignor,
        OptionalInt coordinator,
        List<GroupMember> members) {

    /**
     * Copies the members.
     *
     * @param groupId the group id
     * @param type the group protocol, classic or consumer (KIP-848)
     * @param state the group's state
     * @param assignor the partition assignor in use; empty when the group has no members
     * @param coordinator the coordinator's node id, when known
     * @param members the active members with their assignments
     */
    public GroupDescription {
        members = List.copyOf(members);
    }

    /** @return true when the group has active members */
    public boolean hasActiveMembers() {
        return !members.isEmpty();
    }

    /**
     * One table row summing the group, for example
     * {@code billing                  Consumer  Stable       assignor uniform  coordinator 1  members 2}; print
     * {@link #members()} for a row per member.
     *
     * @return the row
     */
    @Override
    public String toString() {
        return String.format(
                "%-24s %-9s %-12s assignor %-8s coordinator %-3s members %d",
                groupId, type, state, Rows.text(assignor), Rows.text(coordinator), members.size());
    }
}
