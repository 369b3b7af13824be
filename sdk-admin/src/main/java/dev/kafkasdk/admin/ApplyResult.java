package dev.kafkasdk.admin;

import java.util.List;

/**
 * The outcome of {@link TopicOperations#apply}.
 *
 * @param plan the plan that was carried out
 * @param applied the creations and partition increases made by this call; empty when the cluster
 *     already matched (a second apply of the same specs)
 * @param alreadyDone actions another client made between planning and applying (the topic existed by
 *     then, or already had the partitions)
 * @since 0.1
 */
public record ApplyResult(TopicPlan plan, List<TopicChange> applied, List<TopicChange> alreadyDone) {

    /**
     * Copies the lists.
     *
     * @param plan the plan that was carried out
     * @param applied the creations and partition increases made by this call; empty when the cluster already matched (a second apply of the same specs)
     * @param alreadyDone actions another client made between planning and applying (the topic existed by then, or already had the partitions)
     */
    public ApplyResult {
        applied = List.copyOf(applied);
        alreadyDone = List.copyOf(alreadyDone);
    }

    /** @return drift that was reported and left alone */
    public List<TopicChange> drift() {
        return plan.drift();
    }

    /** @return partition decreases that were refused */
    public List<TopicChange> refused() {
        return plan.refused();
    }

    /** @return true when nothing was refused, so the cluster now has every requested topic and partition */
    public boolean isComplete() {
        return refused().isEmpty();
    }
}
