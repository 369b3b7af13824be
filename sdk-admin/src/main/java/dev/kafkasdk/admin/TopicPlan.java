package dev.kafkasdk.admin;

import java.util.List;

/**
 * What {@link TopicOperations#apply} would do for a set of topic specs, and the drift it would only
 * report. Computed by {@link TopicOperations#plan}; changes nothing on the cluster.
 *
 * @param changes every difference, grouped by topic in spec order
 * @param upToDate specs that match the cluster exactly
 * @since 0.1
 */
public record TopicPlan(List<TopicChange> changes, List<String> upToDate) {

    /**
     * Copies the lists.
     *
     * @param changes every difference, grouped by topic in spec order
     * @param upToDate specs that match the cluster exactly
     */
    public TopicPlan {
        changes = List.copyOf(changes);
        upToDate = List.copyOf(upToDate);
    }

    /** @return the changes {@code apply} makes: creations and partition increases */
    public List<TopicChange> actions() {
        return changes.stream().filter(c -> c.kind().isApplied()).toList();
    }

    /** @return configuration and replication-factor drift, reported but never overwritten */
    public List<TopicChange> drift() {
        return changes.stream()
                .filter(c ->
                        c.kind() == TopicChange.Kind.CONFIG_DRIFT || c.kind() == TopicChange.Kind.REPLICATION_DRIFT)
                .toList();
    }

    /** @return requests Kafka cannot carry out (partition decreases) */
    public List<TopicChange> refused() {
        return changes.stream()
                .filter(c -> c.kind() == TopicChange.Kind.PARTITION_DECREASE_REFUSED)
                .toList();
    }

    /** @return true when {@code apply} has nothing to do */
    public boolean hasNoActions() {
        return actions().isEmpty();
    }
}
