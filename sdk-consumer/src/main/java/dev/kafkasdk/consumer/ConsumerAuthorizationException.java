package dev.kafkasdk.consumer;

import dev.kafkasdk.core.FatalKafkaSdkException;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The cluster refused this consumer access to a topic or to its group: an ACL is missing or was
 * revoked while it ran. The consumer that raised it is {@link ConsumerState#FAILED}; it never keeps
 * polling without records. The message names the resource, the principal when the SDK can tell it
 * from the settings (SASL PLAIN and SCRAM user names) and the ACL to grant; the Kafka exception
 * ({@code TopicAuthorizationException} or {@code GroupAuthorizationException}) is the cause.
 *
 * @since 0.1
 */
public final class ConsumerAuthorizationException extends FatalKafkaSdkException {

    /** The kind of resource the cluster refused. */
    public enum Resource {
        /** A topic: the consumer needs READ and DESCRIBE on it. */
        TOPIC,
        /** The consumer group: the consumer needs READ on it. */
        GROUP
    }

    private final Resource resourceType;
    private final Set<String> resources;
    private final @Nullable String principal;

    /**
     * Creates the exception.
     *
     * @param message what was refused and how to fix it
     * @param resourceType topic or group
     * @param resources the refused topics, or the group id
     * @param principal the principal, e.g. {@code User:alice}, or {@code null} when unknown
     * @param clientId the consumer's client id
     * @param cause the Kafka exception
     */
    public ConsumerAuthorizationException(
            String message,
            Resource resourceType,
            Set<String> resources,
            @Nullable String principal,
            String clientId,
            Throwable cause) {
        super(builder(message)
                .clientId(clientId)
                .topic(
                        resourceType == Resource.TOPIC && resources.size() == 1
                                ? resources.iterator().next()
                                : null)
                .cause(cause));
        this.resourceType = resourceType;
        this.resources = Set.copyOf(resources);
        this.principal = principal;
    }

    /**
     * What kind of resource was refused.
     *
     * @return topic or group
     */
    public Resource resourceType() {
        return resourceType;
    }

    /**
     * The refused resources.
     *
     * @return the topic names, or the group id; never empty
     */
    public Set<String> resources() {
        return resources;
    }

    /**
     * The principal the cluster refused, when the SDK can tell it from the settings.
     *
     * @return e.g. {@code User:alice}; empty for OAuth, mutual TLS or unknown principals
     */
    public Optional<String> principal() {
        return Optional.ofNullable(principal);
    }
}
