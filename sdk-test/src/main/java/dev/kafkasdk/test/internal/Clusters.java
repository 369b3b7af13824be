package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaCluster;
import dev.kafkasdk.test.KafkaTestKitException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a cluster on the backend the {@link BackendSelector} picks and logs how long it took to
 * serve. Thread-safe; each call starts an independent cluster owned by the caller.
 */
public final class Clusters {

    private static final Logger LOG = LoggerFactory.getLogger(Clusters.class);
    private static final String TESTCONTAINERS_PROBE = "org.testcontainers.DockerClientFactory";

    private Clusters() {}

    /**
     * Selects the backend (system properties included) and starts the cluster; returns once every
     * node serves.
     *
     * @param options the cluster options
     * @return the running cluster, owned by the caller
     * @throws KafkaTestKitException if the backend cannot be used or the cluster does not start
     */
    public static KafkaCluster start(EmbeddedKafkaOptions options) {
        BackendSelector.Selection selection = BackendSelector.fromSystemProperties(
                options.backend(),
                options.nodes(),
                options.externalBootstrapServers().orElse(null));
        long started = System.nanoTime();
        KafkaCluster cluster = startOn(selection, options);
        LOG.info(
                "Kafka test cluster on {} with {} serving at {} after {} ms",
                cluster.backend(),
                cluster.nodeCount() == 1 ? "1 node" : cluster.nodeCount() + " nodes",
                cluster.bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return cluster;
    }

    private static KafkaCluster startOn(BackendSelector.Selection selection, EmbeddedKafkaOptions options) {
        switch (selection.backend()) {
            case IN_PROCESS:
                return InProcessCluster.start(options);
            case CHILD_JVM:
                return ChildJvmCluster.start(options);
            case EXTERNAL:
                return ExternalCluster.connect(selection.bootstrapServers().orElseThrow(), options);
            case TESTCONTAINERS:
                if (!onClasspath(TESTCONTAINERS_PROBE)) {
                    throw new KafkaTestKitException(
                            "Backend TESTCONTAINERS needs org.testcontainers:testcontainers-kafka"
                                    + " on the test class path (it is an optional dependency of sdk-test) and a Docker engine");
                }
                return TestcontainersCluster.start(options);
            default:
                throw new IllegalStateException("Unresolved backend " + selection.backend());
        }
    }

    static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, Clusters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
