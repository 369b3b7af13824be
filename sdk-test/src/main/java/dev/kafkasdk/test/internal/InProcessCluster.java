package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaNode;
import dev.kafkasdk.test.KafkaTestKitException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * One combined broker and controller ({@link KafkaRaftServer}) inside this JVM, with its data in a
 * temporary directory that {@link #close()} deletes. Thread-safe.
 */
final class InProcessCluster extends BaseCluster {

    private final Path dataRoot;
    private final KafkaRaftServer server;
    private final List<KafkaNode> nodes;

    private InProcessCluster(
            BrokerConfig.NodeAddress address,
            Path dataRoot,
            KafkaRaftServer server,
            EmbeddedKafkaOptions options,
            SecurityMaterial security) {
        super(
                Backend.IN_PROCESS,
                address.bootstrapAddress(),
                options,
                security == null ? java.util.Map.of() : security.kitClientProperties(address.bootstrapAddress()));
        this.dataRoot = dataRoot;
        this.server = server;
        this.nodes = List.of(new PassiveNode(
                address.id(), "127.0.0.1", address.brokerPort(), Backend.IN_PROCESS, topicAdmin(), () -> !isClosed()));
    }

    /**
     * Formats a fresh data directory, starts the server and waits until it serves. The listener ports
     * are chosen free a moment before the broker binds them, and another process (a client's
     * ephemeral port, say) can take one in between: the broker then fails at start with a fatal
     * fault that asks to halt the JVM. Such a start is cleaned up and tried once more on fresh ports.
     */
    static InProcessCluster start(EmbeddedKafkaOptions options) {
        try {
            return startOnce(options);
        } catch (KafkaTestKitException e) {
            if (!ExitGuard.refusedExit(e)) {
                throw e;
            }
            return startOnce(options);
        }
    }

    private static InProcessCluster startOnce(EmbeddedKafkaOptions options) {
        List<BrokerConfig.NodeAddress> addresses = BrokerConfig.allocate(
                1,
                options.security().listeners(),
                options.security().interBrokerListener().orElse(null),
                options.faultProxy());
        BrokerConfig.NodeAddress address = addresses.get(0);
        Path root = TempDirs.create("kafka-sdk-test-inprocess-");
        KafkaRaftServer server = null;
        SecurityMaterial security = null;
        ExitGuard.acquire();
        try {
            security = options.security().enabled() ? SecurityMaterial.generate(options.security(), root) : null;
            Properties props = BrokerConfig.forNode(address, addresses, root.resolve("data"), options, security);
            Path propertiesFile = root.resolve("server.properties");
            StorageFormatter.write(props, propertiesFile);
            StorageFormatter.format(
                    propertiesFile,
                    Uuid.randomUuid().toString(),
                    security == null ? List.of() : security.scramFormatArguments());
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            InProcessCluster cluster = new InProcessCluster(address, root, server, options, security);
            if (security != null) {
                cluster.secure(security, addresses);
            }
            awaitServing(cluster, options);
            if (options.faultProxy()) {
                cluster.startProxies(addresses);
            }
            return cluster;
        } catch (RuntimeException e) {
            stopQuietly(server, e);
            if (security != null) {
                security.close();
            }
            ExitGuard.release();
            deleteQuietly(root, e);
            throw e instanceof KafkaTestKitException
                    ? e
                    : new KafkaTestKitException("The in-process Kafka broker did not start: " + e, e);
        }
    }

    private static void awaitServing(InProcessCluster cluster, EmbeddedKafkaOptions options) {
        try {
            cluster.nodes.get(0).awaitServing(options.startupTimeout());
        } catch (RuntimeException e) {
            cluster.topicAdmin().close();
            throw e;
        }
    }

    @Override
    public List<KafkaNode> nodes() {
        return nodes;
    }

    @Override
    void shutdownNodes() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            ExitGuard.release();
            TempDirs.deleteRecursively(dataRoot);
        }
    }

    private static void stopQuietly(KafkaRaftServer server, RuntimeException failure) {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void deleteQuietly(Path root, RuntimeException failure) {
        try {
            TempDirs.deleteRecursively(root);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
