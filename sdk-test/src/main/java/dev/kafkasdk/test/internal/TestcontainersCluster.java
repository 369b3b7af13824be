package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaCluster;
import dev.kafkasdk.test.KafkaNode;
import dev.kafkasdk.test.KafkaTestKitException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.utils.internals.AppInfoParser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A single-node {@code apache/kafka} container. This class refers to Testcontainers types, so
 * {@link Clusters} loads it only after checking that the optional dependency is present.
 * Thread-safe.
 */
final class TestcontainersCluster extends BaseCluster {

    /** System property naming another image, e.g. a mirror of {@code apache/kafka}. */
    static final String IMAGE_PROPERTY = "kafka.sdk.test.image";

    private final KafkaContainer container;
    private final List<KafkaNode> nodes;

    private TestcontainersCluster(KafkaContainer container, EmbeddedKafkaOptions options) {
        super(Backend.TESTCONTAINERS, container.getBootstrapServers(), options);
        this.container = container;
        URI address = URI.create("tcp://" + container.getBootstrapServers().split(",")[0]);
        this.nodes = List.of(new PassiveNode(
                1, address.getHost(), address.getPort(), Backend.TESTCONTAINERS, topicAdmin(), container::isRunning));
    }

    /**
     * Starts the container; call only when Testcontainers is on the class path.
     *
     * @throws KafkaTestKitException if no Docker engine is reachable or the container fails
     */
    static KafkaCluster start(EmbeddedKafkaOptions options) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new KafkaTestKitException("Backend TESTCONTAINERS needs a Docker engine, and none is reachable from"
                    + " this machine; use IN_PROCESS or CHILD_JVM (or AUTO), which need no Docker");
        }
        String image = BackendSelector.setValue(System.getProperty(IMAGE_PROPERTY))
                .orElse("apache/kafka:" + AppInfoParser.getVersion());
        KafkaContainer container = new KafkaContainer(image);
        options.brokerProperties().forEach((key, value) -> container.withEnv(environmentName(key), value));
        container.withEnv("KAFKA_NUM_PARTITIONS", Integer.toString(options.defaultPartitions()));
        container.withStartupTimeout(options.startupTimeout());
        try {
            container.start();
            return new TestcontainersCluster(container, options);
        } catch (RuntimeException e) {
            container.stop();
            throw new KafkaTestKitException("The Kafka container " + image + " did not start: " + e, e);
        }
    }

    /**
     * The environment variable the apache/kafka image turns into {@code brokerKey}: upper case, with
     * {@code .} as {@code _}, {@code _} as {@code __} and {@code -} as {@code ___}.
     */
    static String environmentName(String brokerKey) {
        StringBuilder name = new StringBuilder("KAFKA_");
        for (char c : brokerKey.trim().toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '.' -> name.append('_');
                case '_' -> name.append("__");
                case '-' -> name.append("___");
                default -> name.append(c);
            }
        }
        return name.toString();
    }

    @Override
    public List<KafkaNode> nodes() {
        return nodes;
    }

    @Override
    void shutdownNodes() {
        container.stop();
    }
}
