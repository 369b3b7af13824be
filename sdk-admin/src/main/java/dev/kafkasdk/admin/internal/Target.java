package dev.kafkasdk.admin.internal;

import dev.kafkasdk.admin.AdminAuthorizationException.ResourceType;
import java.util.Collection;
import java.util.List;

/**
 * The resource an admin call works on, so that an authorization failure can name it.
 *
 * @param type the resource type
 * @param names the resource names; empty for the cluster
 */
public record Target(ResourceType type, List<String> names) {

    /**
     * Copies the names.
     *
     * @param type the resource type
     * @param names the resource names; empty for the cluster
     */
    public Target {
        names = List.copyOf(names);
    }

    /** @return the cluster */
    public static Target cluster() {
        return new Target(ResourceType.CLUSTER, List.of());
    }

    /**
     * @param topics topic names
     * @return those topics
     */
    public static Target topics(Collection<String> topics) {
        return new Target(ResourceType.TOPIC, List.copyOf(topics));
    }

    /**
     * @param groupId a group id
     * @return that group
     */
    public static Target group(String groupId) {
        return new Target(ResourceType.GROUP, List.of(groupId));
    }
}
