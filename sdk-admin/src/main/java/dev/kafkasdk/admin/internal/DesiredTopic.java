package dev.kafkasdk.admin.internal;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A topic as a spec wants it, in plain values.
 *
 * @param name topic name
 * @param partitions partition count, empty for the broker default
 * @param replicationFactor replication factor, empty for the broker default
 * @param configs topic configs the spec sets
 */
public record DesiredTopic(
        String name, OptionalInt partitions, OptionalInt replicationFactor, Map<String, String> configs) {

    /**
     * Copies the configs into name order.
     *
     * @param name topic name
     * @param partitions partition count, empty for the broker default
     * @param replicationFactor replication factor, empty for the broker default
     * @param configs topic configs the spec sets
     */
    public DesiredTopic {
        Objects.requireNonNull(name, "name");
        configs = new TreeMap<>(configs);
    }
}
