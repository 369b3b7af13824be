package dev.kafkasdk.test;

import dev.kafkasdk.test.internal.Clusters;

/**
 * Starts test clusters without JUnit, for example to run a demo against an embedded broker:
 *
 * <pre>{@code
 * try (KafkaCluster kafka = EmbeddedKafka.start()) {
 *     runDemo(kafka.bootstrapServers());
 * }
 * }</pre>
 *
 * <h2>Backend selection</h2>
 * The same rule applies here and to {@link KafkaBroker @KafkaBroker}:
 * <ol>
 *   <li>the system property {@value Backend#SYSTEM_PROPERTY}, if set, wins;</li>
 *   <li>otherwise a requested backend other than {@link Backend#AUTO} is used;</li>
 *   <li>otherwise, if {@value Backend#BOOTSTRAP_SERVERS_PROPERTY} (or
 *       {@link EmbeddedKafkaOptions#externalBootstrapServers()}) is set, {@link Backend#EXTERNAL};</li>
 *   <li>otherwise {@link Backend#IN_PROCESS} for one node and {@link Backend#CHILD_JVM} for more.</li>
 * </ol>
 * Blank values and unresolved Maven placeholders such as {@code ${kafka.bootstrap.servers}} count as
 * unset. {@code AUTO} never picks {@link Backend#TESTCONTAINERS}.
 *
 * <p>Threading and ownership: the methods are thread-safe; every call starts an independent
 * cluster that the caller must {@linkplain KafkaCluster#close() close}.
 *
 * @since 0.1
 */
public final class EmbeddedKafka {

    private EmbeddedKafka() {}

    /**
     * Starts a single-node cluster with {@linkplain EmbeddedKafkaOptions#defaults() default options}
     * and returns once it serves.
     *
     * @return the running cluster, owned by the caller
     * @throws KafkaTestKitException if the cluster does not start
     */
    public static KafkaCluster start() {
        return start(EmbeddedKafkaOptions.defaults());
    }

    /**
     * Starts a cluster with the given options and returns once every node serves.
     *
     * @param options the cluster options
     * @return the running cluster, owned by the caller
     * @throws KafkaTestKitException if the backend cannot be used or the cluster does not start
     */
    public static KafkaCluster start(EmbeddedKafkaOptions options) {
        return Clusters.start(options);
    }
}
