package dev.kafkasdk.admin;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.config.TopicSpec;
import java.util.Collection;

/**
 * Topics as code: compare {@link TopicSpec}s with the cluster and create what is missing.
 *
 * <p>{@link #apply} only ever creates topics and raises partition counts. A config or replication factor
 * that differs from the spec is drift: it is reported in the plan and the result, never overwritten, so
 * a change made on purpose on the cluster is not silently undone. Asking for fewer partitions is refused
 * (Kafka cannot remove partitions). Applying the same specs twice changes nothing the second time.
 *
 * <p>Every method blocks until the cluster answers; each admin call is bounded and retried as
 * {@link AdminOptions} says. Thread-safe. Obtain one from {@link SdkAdmin#topics()}.
 *
 * @since 0.1
 */
public interface TopicOperations {

    /**
     * Computes what {@link #apply} would do, without changing anything.
     *
     * @param specs the desired topics
     * @return creations and partition increases, drift, refusals and up-to-date topics
     * @throws AdminAuthorizationException if the principal may not describe the topics or their configs
     * @throws KafkaSdkException if the cluster does not answer in time
     */
    TopicPlan plan(Collection<TopicSpec> specs);

    /**
     * Creates missing topics (with the spec's partitions, replication factor and configs) and raises
     * partition counts the spec asks to raise. Drift and refusals are reported in the result.
     *
     * <p>The controller accepts a change before the brokers serve it. So {@code apply} returns only once
     * the brokers describe every topic it created or raised with its partition count and a leader for
     * each partition, and each leader answers for its partitions (a list-offsets request), waiting at
     * most about one {@link AdminOptions#callTimeout()} for that: a plan of the same specs made right
     * after it has no actions, and a producer can send at once. Where the principal may not list
     * offsets, the descriptions alone decide.
     *
     * @param specs the desired topics
     * @return what was changed, what was found already done, and the drift and refusals left alone
     * @throws AdminAuthorizationException if the principal may not create or alter a topic; the message
     *     names the topics
     * @throws KafkaSdkException if a creation or increase fails; the message names every failed topic
     *     and what was applied before the failure
     * @throws dev.kafkasdk.core.RetriableKafkaSdkException if the changes were made but the brokers did not
     *     serve them within the call timeout; the message names the topic and what is missing, and
     *     applying again waits once more
     */
    ApplyResult apply(Collection<TopicSpec> specs);
}
