package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.ConsumerAuthorizationException;
import dev.kafkasdk.consumer.ConsumerAuthorizationException.Resource;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Turns the Kafka exceptions that end a consumer into SDK exceptions that say what to fix: an
 * authorization failure on a topic or the group becomes a {@link ConsumerAuthorizationException}
 * naming the resource, the principal and the ACL. Anything else is returned unchanged.
 */
final class ConsumerFailures {

    private final String clientId;
    private final Optional<String> groupId;
    private final Optional<String> principal;

    ConsumerFailures(String clientId, Optional<String> groupId, Optional<String> principal) {
        this.clientId = clientId;
        this.groupId = groupId;
        this.principal = principal;
    }

    /**
     * The SDK's view of a failure that ends the poll loop.
     *
     * @param failure what ended it, possibly wrapping the Kafka exception
     * @return the translated failure, or {@code failure} itself
     */
    Throwable translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConsumerAuthorizationException) {
                return failure;
            }
            if (t instanceof TopicAuthorizationException e) {
                return topic(e);
            }
            if (t instanceof GroupAuthorizationException e) {
                return group(e);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return failure;
    }

    private ConsumerAuthorizationException topic(TopicAuthorizationException e) {
        Set<String> topics = new TreeSet<>(e.unauthorizedTopics());
        String who = principal.orElse("this consumer's principal");
        String grantTo = principal.orElse("<principal>");
        String named = topics.isEmpty() ? "a subscribed topic" : "topic" + (topics.size() > 1 ? "s " : " ") + topics;
        String example = topics.isEmpty() ? "<topic>" : topics.iterator().next();
        return new ConsumerAuthorizationException(
                "Not authorized to read " + named + " as " + who + groupText()
                        + ": the cluster refused the fetch or metadata request (a READ or DESCRIBE ACL is missing or "
                        + "was revoked). The consumer stopped instead of polling nothing. Fix: grant READ and DESCRIBE "
                        + "on the topic, e.g. kafka-acls --add --allow-principal " + grantTo
                        + " --operation Read --operation Describe --topic " + example,
                Resource.TOPIC,
                topics.isEmpty() ? Set.of("<unknown>") : topics,
                principal.orElse(null),
                clientId,
                e);
    }

    private ConsumerAuthorizationException group(GroupAuthorizationException e) {
        String group = e.groupId() != null ? e.groupId() : groupId.orElse("<unknown>");
        String who = principal.orElse("this consumer's principal");
        return new ConsumerAuthorizationException(
                "Not authorized to use consumer group " + group + " as " + who
                        + ": the cluster refused to let the consumer join or commit (a READ ACL on the group is missing "
                        + "or was revoked). Fix: grant READ on the group, e.g. kafka-acls --add --allow-principal "
                        + principal.orElse("<principal>") + " --operation Read --group " + group,
                Resource.GROUP,
                Set.of(group),
                principal.orElse(null),
                clientId,
                e);
    }

    private String groupText() {
        return groupId.map(g -> " (group " + g + ")").orElse("");
    }
}
