package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaCluster;
import dev.kafkasdk.test.KafkaTestKitException;
import java.time.Duration;
import java.util.Optional;
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
     * @param requested the cluster options
     * @return the running cluster, owned by the caller
     * @throws KafkaTestKitException if the backend cannot be used or the cluster does not start
     */
    public static KafkaCluster start(EmbeddedKafkaOptions requested) {
        Optional<String> version = BrokerDists.requested(requested);
        EmbeddedKafkaOptions options = version.isEmpty()
                ? requested
                : EmbeddedKafkaOptions.from(requested)
                        .brokerVersion(version.get())
                        .build();
        BackendSelector.Selection selection = BackendSelector.fromSystemProperties(
                version.isPresent() && options.backend() == Backend.AUTO ? Backend.CHILD_JVM : options.backend(),
                options.nodes(),
                options.externalBootstrapServers().orElse(null));
        if (version.isPresent() && selection.backend() != Backend.CHILD_JVM) {
            throw new KafkaTestKitException("Broker version " + version.get() + " runs only on backend CHILD_JVM,"
                    + " but the backend is " + selection.backend()
                    + " (the in-process broker is the class path's Kafka "
                    + BrokerDists.classpathVersion() + "); unset -D" + Backend.SYSTEM_PROPERTY + " or the version");
        }
        long started = System.nanoTime();
        KafkaCluster cluster = startOn(selection, options);
        LOG.info(
                "Kafka {} test cluster on {} with {} serving at {} after {} ms",
                version.orElse(BrokerDists.classpathVersion()),
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
