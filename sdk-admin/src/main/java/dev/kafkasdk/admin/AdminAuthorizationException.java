package dev.kafkasdk.admin;

import dev.kafkasdk.core.FatalKafkaSdkException;
import java.util.List;
import java.util.Objects;

/**
 * The admin client's principal is not allowed to do an operation on a resource. The message names the
 * operation, the resource type and the resource names, for example
 * {@code not authorized to describe topic 'orders'}; the Kafka {@code AuthorizationException} is the
 * cause. Retrying does not help: grant the ACL named in the message.
 *
 * @since 0.1
 */
public class AdminAuthorizationException extends FatalKafkaSdkException {

    /** The kind of resource an operation was refused on. */
    public enum ResourceType {
        /** A topic. */
        TOPIC,
        /** A consumer group. */
        GROUP,
        /** The cluster itself (describe cluster, configs, quorum, create topics without a prefix ACL). */
        CLUSTER,
        /** A transactional id. */
        TRANSACTIONAL_ID
    }

    /** The kind of resource refused. */
    private final ResourceType resourceType;
    /** The refused resources; empty for the cluster. */
    private final List<String> resourceNames;
    /** What the SDK tried. */
    private final String operation;

    /**
     * Creates the exception.
     *
     * @param operation what the SDK tried, for example {@code describe topics}
     * @param resourceType the kind of resource refused
     * @param resourceNames the resources refused; empty for the cluster
     * @param cause the Kafka authorization exception
     */
    public AdminAuthorizationException(
            String operation, ResourceType resourceType, List<String> resourceNames, Throwable cause) {
        super(message(operation, resourceType, resourceNames), cause);
        this.operation = Objects.requireNonNull(operation, "operation");
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
        this.resourceNames = List.copyOf(resourceNames);
    }

    private static String message(String operation, ResourceType type, List<String> names) {
        String kind = type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        String target = names.isEmpty()
                ? "the " + kind
                : kind
                        + (names.size() > 1 ? "s " : " ")
                        + String.join(
                                ", ", names.stream().map(n -> "'" + n + "'").toList());
        return "not authorized to " + operation + ": the principal lacks the ACL for " + target;
    }

    /** @return the kind of resource that was refused */
    public ResourceType resourceType() {
        return resourceType;
    }

    /** @return the names of the refused resources; empty for the cluster */
    public List<String> resourceNames() {
        return resourceNames;
    }

    /** @return the operation that was refused */
    public String operation() {
        return operation;
    }
}
