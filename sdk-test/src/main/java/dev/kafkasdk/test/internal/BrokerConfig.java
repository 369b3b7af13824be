package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.EmbeddedKafkaOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Builds the {@code server.properties} of one combined broker and controller node of a cluster with
 * a static controller quorum on 127.0.0.1. Stateless and thread-safe.
 */
final class BrokerConfig {

    /** Where one node listens. */
    record NodeAddress(int id, int brokerPort, int controllerPort) {
        String bootstrapAddress() {
            return "127.0.0.1:" + brokerPort;
        }
    }

    private BrokerConfig() {
    }

    /** Allocates free client and controller ports for {@code nodes} nodes with ids from 0. */
    static List<NodeAddress> allocate(int nodes) {
        int[] ports = FreePorts.allocate(2 * nodes);
        return IntStream.range(0, nodes)
                .mapToObj(i -> new NodeAddress(i, ports[2 * i], ports[2 * i + 1]))
                .collect(Collectors.toUnmodifiableList());
    }

    static String bootstrapServers(List<NodeAddress> cluster) {
        return cluster.stream().map(NodeAddress::bootstrapAddress).collect(Collectors.joining(","));
    }

    /**
     * The configuration of {@code self}: the settings measured to work on small test machines, then
     * the caller's overrides from {@code options}.
     */
    static Properties forNode(NodeAddress self, List<NodeAddress> cluster, Path dataDir, EmbeddedKafkaOptions options) {
        int n = cluster.size();
        String replicas = Integer.toString(n);
        String minIsr = Integer.toString(Math.min(n, 2));
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(self.id()));
        p.setProperty("controller.quorum.voters", cluster.stream()
                .map(a -> a.id() + "@127.0.0.1:" + a.controllerPort())
                .collect(Collectors.joining(",")));
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + self.brokerPort()
                + ",CONTROLLER://127.0.0.1:" + self.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + self.brokerPort());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.toAbsolutePath().toString());

        p.setProperty("offsets.topic.replication.factor", replicas);
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", replicas);
        p.setProperty("transaction.state.log.min.isr", minIsr);
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", replicas);
        p.setProperty("share.coordinator.state.topic.min.isr", minIsr);
        p.setProperty("default.replication.factor", Integer.toString(Math.min(n, 3)));
        p.setProperty("num.partitions", Integer.toString(options.defaultPartitions()));
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // the default 128 MiB dedupe buffer would dominate a test broker's heap
        p.setProperty("log.cleaner.dedupe.buffer.size", "2097152");
        p.setProperty("broker.session.timeout.ms", "3000");
        p.setProperty("broker.heartbeat.interval.ms", "500");

        options.brokerProperties().forEach((key, value) -> p.setProperty(key.trim(), value));
        return p;
    }
}
