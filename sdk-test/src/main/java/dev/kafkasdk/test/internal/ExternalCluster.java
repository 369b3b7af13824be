package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaNode;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.common.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An existing cluster the kit connects to but does not own: closing it closes only the kit's
 * admin client, and topics created through it stay. Thread-safe.
 */
final class ExternalCluster extends BaseCluster {

    private static final Logger LOG = LoggerFactory.getLogger(ExternalCluster.class);

    private final List<KafkaNode> nodes;

    private ExternalCluster(String bootstrapServers, List<Node> brokers, EmbeddedKafkaOptions options) {
        super(Backend.EXTERNAL, bootstrapServers, options);
        this.nodes = brokers.stream()
                .sorted(Comparator.comparingInt(Node::id))
                .map(b -> (KafkaNode)
                        new PassiveNode(b.id(), b.host(), b.port(), Backend.EXTERNAL, topicAdmin(), () -> !isClosed()))
                .collect(Collectors.toUnmodifiableList());
    }

    /** Connects to the cluster, waiting up to the start-up timeout for it to answer. */
    static ExternalCluster connect(String bootstrapServers, EmbeddedKafkaOptions options) {
        if (!options.brokerProperties().isEmpty()) {
            LOG.warn(
                    "Broker properties {} are not applied: the EXTERNAL cluster at {} is not started by the test kit",
                    options.brokerProperties(),
                    bootstrapServers);
        }
        TopicAdmin probe = new TopicAdmin(bootstrapServers, options.operationTimeout());
        try {
            AtomicReference<List<Node>> brokers = new AtomicReference<>(List.of());
            Poller.await(
                    "the external Kafka cluster at " + bootstrapServers + " to answer",
                    options.startupTimeout(),
                    () -> {
                        brokers.set(probe.liveBrokers());
                        return !brokers.get().isEmpty();
                    });
            return new ExternalCluster(bootstrapServers, brokers.get(), options);
        } finally {
            probe.close();
        }
    }

    @Override
    public List<KafkaNode> nodes() {
        return nodes;
    }

    @Override
    void shutdownNodes() {
        // not ours to stop
    }
}
