package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaNode;
import dev.kafkasdk.test.KafkaTestKitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;

/**
 * A cluster of combined broker and controller nodes, one child JVM each, with a static controller
 * quorum. All data lives under one temporary directory that {@link #close()} deletes. Thread-safe.
 */
final class ChildJvmCluster extends BaseCluster {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    private final Path root;
    private final List<ChildJvmNode> childNodes;
    private volatile boolean keepData;

    private ChildJvmCluster(
            List<BrokerConfig.NodeAddress> addresses,
            Path root,
            String clusterId,
            List<String> classpath,
            EmbeddedKafkaOptions options,
            List<String> jvmOptions,
            SecurityMaterial security) {
        super(
                Backend.CHILD_JVM,
                BrokerConfig.bootstrapServers(addresses),
                options,
                security == null
                        ? java.util.Map.of()
                        : security.kitClientProperties(BrokerConfig.bootstrapServers(addresses)));
        this.root = root;
        List<ChildJvmNode> nodes = new ArrayList<>();
        for (BrokerConfig.NodeAddress address : addresses) {
            nodes.add(
                    new ChildJvmNode(address, nodeDir(root, address), clusterId, classpath, topicAdmin(), jvmOptions));
        }
        this.childNodes = List.copyOf(nodes);
    }

    /**
     * Writes every node's configuration, launches all nodes together (each formats its own storage
     * first) and waits until all serve.
     */
    static ChildJvmCluster start(EmbeddedKafkaOptions options) {
        List<BrokerConfig.NodeAddress> addresses = BrokerConfig.allocate(
                options.nodes(),
                options.security().listeners(),
                options.security().interBrokerListener().orElse(null),
                options.faultProxy());
        Path root = TempDirs.create("kafka-sdk-test-cluster-");
        String clusterId = Uuid.randomUuid().toString();
        ChildJvmCluster cluster;
        SecurityMaterial security = null;
        try {
            security = options.security().enabled() ? SecurityMaterial.generate(options.security(), root) : null;
            for (BrokerConfig.NodeAddress address : addresses) {
                Path dir = Files.createDirectories(nodeDir(root, address));
                Path propertiesFile = ChildJvmNode.propertiesFile(dir);
                StorageFormatter.write(
                        BrokerConfig.forNode(address, addresses, dir.resolve("data"), options, security),
                        propertiesFile);
                if (security != null) {
                    StorageFormatter.writeFormatArguments(propertiesFile, security.scramFormatArguments());
                }
            }
            List<String> jvmOptions = new ArrayList<>(security == null ? List.of() : security.jvmOptions());
            List<String> classpath;
            if (options.brokerVersion().isPresent()) {
                classpath = BrokerDists.classpath(options.brokerVersion().get());
                jvmOptions.addAll(BrokerDists.JVM_OPTIONS);
            } else {
                classpath = JvmClasspath.resolve();
            }
            cluster = new ChildJvmCluster(addresses, root, clusterId, classpath, options, jvmOptions, security);
            if (security != null) {
                cluster.secure(security, addresses);
            }
        } catch (IOException | RuntimeException e) {
            if (security != null) {
                security.close();
            }
            TempDirs.deleteRecursively(root);
            throw e instanceof KafkaTestKitException
                    ? (KafkaTestKitException) e
                    : new KafkaTestKitException("Could not prepare the child JVM cluster in " + root + ": " + e, e);
        }
        try {
            cluster.childNodes.forEach(ChildJvmNode::launch);
            cluster.awaitAllServing(options.startupTimeout());
            if (options.faultProxy()) {
                cluster.startProxies(addresses);
            }
            return cluster;
        } catch (RuntimeException e) {
            throw cluster.abort(e);
        }
    }

    /** Kills the nodes but keeps their directories, so the broker logs can explain the failure. */
    private KafkaTestKitException abort(RuntimeException failure) {
        keepData = true;
        try {
            close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        return new KafkaTestKitException(
                "The " + childNodes.size() + "-node CHILD_JVM cluster did not start: "
                        + failure.getMessage() + System.lineSeparator() + "Broker logs are kept in " + root
                        + "/node-*/broker.log",
                failure);
    }

    private void awaitAllServing(Duration timeout) {
        Poller.await("all " + childNodes.size() + " nodes of the cluster to serve", timeout, () -> {
            childNodes.forEach(ChildJvmNode::checkRunning);
            // probe the ports first: the admin client logs a warning for every refused connection
            return childNodes.stream().allMatch(n -> ServingProbe.accepts("127.0.0.1", n.port()))
                    && topicAdmin().liveBrokers().size() == childNodes.size();
        });
    }

    private static Path nodeDir(Path root, BrokerConfig.NodeAddress address) {
        return root.resolve("node-" + address.id());
    }

    @Override
    public List<KafkaNode> nodes() {
        return List.copyOf(childNodes);
    }

    /** Kills every node at once (stopping them one by one would wait on a lost quorum), then deletes the data. */
    @Override
    void shutdownNodes() {
        childNodes.forEach(ChildJvmNode::killAsync);
        List<Integer> stuck = new ArrayList<>();
        for (ChildJvmNode node : childNodes) {
            if (!node.awaitExit(EXIT_TIMEOUT)) {
                stuck.add(node.id());
            }
        }
        if (!stuck.isEmpty()) {
            throw new KafkaTestKitException("Nodes " + stuck + " did not exit after SIGKILL; data left in " + root);
        }
        if (keepData) {
            TempDirs.keep(root);
        } else {
            TempDirs.deleteRecursively(root);
        }
    }
}
