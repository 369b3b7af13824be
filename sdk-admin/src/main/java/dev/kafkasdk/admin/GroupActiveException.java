package dev.kafkasdk.admin;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.internal.Plurals;
import java.util.Objects;

/**
 * A consumer group still has active members, so its committed offsets cannot be reset: a running member
 * would overwrite the new offsets with its next commit. Stop every member first. Not retriable as is.
 *
 * @since 0.1
 */
public class GroupActiveException extends KafkaSdkException {

    /** The group whose reset was refused. */
    private final String groupId;
    /** Active members when the reset was refused. */
    private final int memberCount;

    /**
     * Creates the exception.
     *
     * @param groupId the group
     * @param memberCount its active members
     * @param state the group's state as text
     */
    public GroupActiveException(String groupId, int memberCount, String state) {
        super("consumer group '" + Objects.requireNonNull(groupId, "groupId") + "' has "
                + Plurals.count(memberCount, "active member") + " (state " + state
                + "); stop every member before resetting its offsets");
        this.groupId = groupId;
        this.memberCount = memberCount;
    }

    /** @return the group */
    public String groupId() {
        return groupId;
    }

    /** @return how many members were active */
    public int memberCount() {
        return memberCount;
    }
}
