package dev.kafkasdk.admin;

import java.util.Objects;
import java.util.Set;

/**
 * A request to move a consumer group's committed offsets.
 *
 * @param groupId the group; it must have no active members
 * @param target where to move the offsets
 * @param topics the topics to reset (every partition of each); empty for every partition the group has
 *     committed offsets for
 * @param dryRun when true, compute and return the new offsets without committing them
 * @since 0.1
 */
public record OffsetResetRequest(String groupId, ResetTarget target, Set<String> topics, boolean dryRun) {

    /**
     * Validates and copies the components.
     *
     * @param groupId the group; it must have no active members
     * @param target where to move the offsets
     * @param topics the topics to reset (every partition of each); empty for every partition the group has committed offsets for
     * @param dryRun when true, compute and return the new offsets without committing them
     */
    public OffsetResetRequest {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(target, "target");
        topics = Set.copyOf(topics);
        if (groupId.isBlank()) {
            throw new IllegalArgumentException("groupId must not be blank");
        }
    }

    /**
     * A request that resets every partition the group has committed, for real.
     *
     * @param groupId the group
     * @param target where to move the offsets
     * @return the request
     */
    public static OffsetResetRequest of(String groupId, ResetTarget target) {
        return new OffsetResetRequest(groupId, target, Set.of(), false);
    }

    /**
     * @param topicNames the topics to reset
     * @return a copy limited to those topics
     */
    public OffsetResetRequest forTopics(Set<String> topicNames) {
        return new OffsetResetRequest(groupId, target, topicNames, dryRun);
    }

    /** @return a copy that only computes the new offsets */
    public OffsetResetRequest asDryRun() {
        return new OffsetResetRequest(groupId, target, topics, true);
    }
}
