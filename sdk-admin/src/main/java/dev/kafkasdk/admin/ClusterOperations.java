package dev.kafkasdk.admin;

import dev.kafkasdk.core.KafkaSdkException;

/**
 * Cluster-wide reads: health (brokers, controller, KRaft quorum, partition replication, leader balance),
 * partition load for sizing, and the live settings for online lint.
 *
 * <p>Every method blocks until the cluster answers; each admin call is bounded and retried as
 * {@link AdminOptions} says. Nothing here changes the cluster. Thread-safe. Obtain one from
 * {@link SdkAdmin#cluster()}.
 *
 * @since 0.1
 */
public interface ClusterOperations {

    /**
     * Reads the cluster's health with {@link HealthThresholds#defaults()}.
     *
     * @return the report with its verdict
     * @throws AdminAuthorizationException if the principal may not describe the cluster or its topics
     * @throws KafkaSdkException if the cluster does not answer in time
     */
    default HealthReport health() {
        return health(HealthThresholds.defaults());
    }

    /**
     * Reads the cluster's health.
     *
     * @param thresholds when leader imbalance and quorum lag turn the verdict to WARN
     * @return the report with its verdict
     * @throws AdminAuthorizationException if the principal may not describe the cluster or its topics
     * @throws KafkaSdkException if the cluster does not answer in time
     */
    HealthReport health(HealthThresholds thresholds);

    /**
     * Reads partition counts per topic and partition replicas per broker.
     *
     * @return the load
     * @throws AdminAuthorizationException if the principal may not describe the cluster or its topics
     * @throws KafkaSdkException if the cluster does not answer in time
     */
    PartitionLoad partitionLoad();

    /**
     * Adds what the cluster reports to an offline lint context: every broker's configuration
     * ({@code describeConfigs}), the broker count and replicas per broker, and for each configured topic
     * that exists, its real partitions, replication factor and topic-level configs. When the offline
     * context names no topic, every non-internal topic of the cluster is added.
     *
     * @param offline the settings from the config file
     * @return an {@link LintContext.Mode#ONLINE} context
     * @throws AdminAuthorizationException if the principal may not describe configs
     * @throws KafkaSdkException if the cluster does not answer in time
     */
    LintContext lintContext(LintContext offline);
}
