package dev.kafkasdk.admin;

import java.util.Objects;

/**
 * One difference between a topic spec and the cluster.
 *
 * @param topic the topic
 * @param kind what kind of difference it is, and so whether {@code apply} acts on it
 * @param key the setting that differs: {@code partitions}, {@code replication.factor}, a topic config
 *     name, or {@code topic} for a topic to create
 * @param current the value on the cluster; empty text when the topic does not exist
 * @param desired the value the spec asks for
 * @since 0.1
 */
public record TopicChange(String topic, Kind kind, String key, String current, String desired) {

    /** What a {@link TopicChange} is and what {@code apply} does with it. */
    public enum Kind {
        /** The topic does not exist; {@code apply} creates it with the spec's partitions, RF and configs. */
        CREATE(true),
        /** The spec asks for more partitions; {@code apply} adds them. */
        INCREASE_PARTITIONS(true),
        /** A topic config differs from the spec; reported, never overwritten. */
        CONFIG_DRIFT(false),
        /** The replication factor differs from the spec; reported, never changed. */
        REPLICATION_DRIFT(false),
        /** The spec asks for fewer partitions; Kafka cannot remove partitions, so this is refused. */
        PARTITION_DECREASE_REFUSED(false);

        private final boolean applied;

        Kind(boolean applied) {
            this.applied = applied;
        }

        /** @return true when {@code apply} changes the cluster for this kind */
        public boolean isApplied() {
            return applied;
        }
    }

    /**
     * Rejects null components.
     *
     * @param topic the topic
     * @param kind what kind of difference it is, and so whether {@code apply} acts on it
     * @param key the setting that differs: {@code partitions}, {@code replication.factor}, a topic config name, or {@code topic} for a topic to create
     * @param current the value on the cluster; empty text when the topic does not exist
     * @param desired the value the spec asks for
     */
    public TopicChange {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(desired, "desired");
    }

    /** @return a one-line description, for example {@code orders: partitions 3 -> 6} */
    public String describe() {
        return switch (kind) {
            case CREATE -> topic + ": create (" + desired + ")";
            case INCREASE_PARTITIONS -> topic + ": partitions " + current + " -> " + desired;
            case CONFIG_DRIFT ->
                topic + ": " + key + " is " + current + " on the cluster, the spec says " + desired + " (not changed)";
            case REPLICATION_DRIFT ->
                topic + ": replication factor is " + current + ", the spec says " + desired
                        + " (not changed; reassign partitions to change it)";
            case PARTITION_DECREASE_REFUSED ->
                topic + ": the spec asks for " + desired + " partitions but the topic has " + current
                        + "; Kafka cannot remove partitions (refused)";
        };
    }

    /**
     * One table row, for example {@code INCREASE_PARTITIONS         orders: partitions 3 -> 6}.
     *
     * @return the row: the kind, then {@link #describe()}
     */
    @Override
    public String toString() {
        return String.format("%-27s %s", kind, describe());
    }
}
