package dev.kafkasdk.admin.internal;

import java.util.Map;
import java.util.Objects;

/**
 * A topic as the cluster reports it.
 *
 * @param name topic name
 * @param partitions partition count
 * @param replicationFactor replicas of the first partition
 * @param configs every effective topic config (set on the topic, inherited or default)
 * @param overrides the configs set on the topic itself
 */
public record ObservedTopic(
        String name,
        int partitions,
        int replicationFactor,
        Map<String, String> configs,
        Map<String, String> overrides) {

    /**
     * Copies the maps.
     *
     * @param name topic name
     * @param partitions partition count
     * @param replicationFactor replicas of the first partition
     * @param configs every effective topic config (set on the topic, inherited or default)
     * @param overrides the configs set on the topic itself
     */
    public ObservedTopic {
        Objects.requireNonNull(name, "name");
        configs = Map.copyOf(configs);
        overrides = Map.copyOf(overrides);
    }
}
