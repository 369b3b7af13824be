package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.SecuredListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Builds the {@code server.properties} of one combined broker and controller node of a cluster with
 * a static controller quorum on 127.0.0.1. Stateless and thread-safe.
 */
final class BrokerConfig {

    /** The listener that each node's fault proxy forwards to. */
    static final String PROXIED_LISTENER = "PROXIED";
    /** The kit's own listener: its helpers and inter-broker traffic. */
    static final String KIT_LISTENER = "PLAINTEXT";
    /** The controller quorum's listener. */
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    /**
     * The controller quorum's listener when internal traffic is secured; named apart from
     * {@link #CONTROLLER_LISTENER} so {@link KitPrincipalBuilder} gives its peers their own principal.
     */
    static final String SECURED_CONTROLLER_LISTENER = "SECURED_CONTROLLER";

    /**
     * A listener beside the kit's own: bound on {@code bindPort}, advertised to clients on
     * {@code advertisedPort} (the same port, or a fault proxy's in front of it).
     */
    record ExtraListener(String name, String securityProtocol, int bindPort, int advertisedPort) {
        String advertisedAddress() {
            return "127.0.0.1:" + advertisedPort;
        }
    }

    /** Where one node listens. */
    record NodeAddress(int id, int brokerPort, int controllerPort, List<ExtraListener> extraListeners) {
        NodeAddress(int id, int brokerPort, int controllerPort) {
            this(id, brokerPort, controllerPort, List.of());
        }

        String bootstrapAddress() {
            return "127.0.0.1:" + brokerPort;
        }

        Optional<ExtraListener> extra(String name) {
            return extraListeners.stream().filter(l -> l.name().equals(name)).findFirst();
        }
    }

    private BrokerConfig() {}

    /** Allocates free client and controller ports for {@code nodes} nodes with ids from 0. */
    static List<NodeAddress> allocate(int nodes) {
        return allocate(nodes, List.of(), false);
    }

    /**
     * Allocates free client and controller ports, one port for each of the secured listeners, and
     * (with {@code proxied}) a listener port and its proxy's port, for {@code nodes} nodes with ids
     * from 0.
     */
    static List<NodeAddress> allocate(int nodes, java.util.Collection<SecuredListener> secured, boolean proxied) {
        return allocate(nodes, secured, null, proxied);
    }

    /**
     * As {@link #allocate(int, java.util.Collection, boolean)}; with an {@code interBroker} listener
     * that listener takes each node's broker port, which then carries no PLAINTEXT listener.
     */
    static List<NodeAddress> allocate(
            int nodes, java.util.Collection<SecuredListener> secured, SecuredListener interBroker, boolean proxied) {
        int perNode = 2 + secured.size() + (proxied ? 2 : 0);
        int[] ports = FreePorts.allocate(perNode * nodes);
        return IntStream.range(0, nodes)
                .mapToObj(i -> {
                    int base = perNode * i;
                    List<ExtraListener> extras = new ArrayList<>();
                    int next = base + 2;
                    for (SecuredListener listener : secured) {
                        int port = listener == interBroker ? ports[base] : ports[next];
                        extras.add(new ExtraListener(listener.listenerName(), listener.securityProtocol(), port, port));
                        next++;
                    }
                    if (proxied) {
                        extras.add(new ExtraListener(PROXIED_LISTENER, "PLAINTEXT", ports[next], ports[next + 1]));
                    }
                    return new NodeAddress(i, ports[base], ports[base + 1], List.copyOf(extras));
                })
                .collect(Collectors.toUnmodifiableList());
    }

    /** The comma-separated advertised addresses of one extra listener on every node. */
    static String bootstrapServers(List<NodeAddress> cluster, String listenerName) {
        return cluster.stream()
                .map(a -> a.extra(listenerName).orElseThrow().advertisedAddress())
                .collect(Collectors.joining(","));
    }

    static String bootstrapServers(List<NodeAddress> cluster) {
        return cluster.stream().map(NodeAddress::bootstrapAddress).collect(Collectors.joining(","));
    }

    /**
     * The configuration of {@code self}: the settings measured to work on small test machines, then
     * the caller's overrides from {@code options}.
     */
    static Properties forNode(NodeAddress self, List<NodeAddress> cluster, Path dataDir, EmbeddedKafkaOptions options) {
        return forNode(self, cluster, dataDir, options, null);
    }

    /**
     * The configuration of {@code self} as {@link #forNode(NodeAddress, List, Path, EmbeddedKafkaOptions)},
     * plus its extra listeners and, when {@code security} is not {@code null}, the TLS, SASL and
     * authorizer settings.
     */
    static Properties forNode(
            NodeAddress self,
            List<NodeAddress> cluster,
            Path dataDir,
            EmbeddedKafkaOptions options,
            SecurityMaterial security) {
        int n = cluster.size();
        String replicas = Integer.toString(n);
        String minIsr = Integer.toString(Math.min(n, 2));
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(self.id()));
        p.setProperty(
                "controller.quorum.voters",
                cluster.stream()
                        .map(a -> a.id() + "@127.0.0.1:" + a.controllerPort())
                        .collect(Collectors.joining(",")));
        boolean kitPlaintext = security == null || !security.options().securesInternalTraffic();
        List<String> listeners = new ArrayList<>();
        List<String> advertised = new ArrayList<>();
        List<String> protocols = new ArrayList<>();
        if (kitPlaintext) {
            listeners.add(KIT_LISTENER + "://127.0.0.1:" + self.brokerPort());
            advertised.add(KIT_LISTENER + "://127.0.0.1:" + self.brokerPort());
            protocols.add(KIT_LISTENER + ":PLAINTEXT");
        }
        String controller = kitPlaintext ? CONTROLLER_LISTENER : SECURED_CONTROLLER_LISTENER;
        listeners.add(controller + "://127.0.0.1:" + self.controllerPort());
        protocols.add(controller + ":" + (kitPlaintext ? "PLAINTEXT" : security.controllerProtocol()));
        for (ExtraListener extra : self.extraListeners()) {
            listeners.add(extra.name() + "://127.0.0.1:" + extra.bindPort());
            advertised.add(extra.name() + "://" + extra.advertisedAddress());
            protocols.add(extra.name() + ':' + extra.securityProtocol());
        }
        p.setProperty("listeners", String.join(",", listeners));
        p.setProperty("advertised.listeners", String.join(",", advertised));
        p.setProperty("controller.listener.names", controller);
        p.setProperty(
                "inter.broker.listener.name",
                kitPlaintext
                        ? KIT_LISTENER
                        : security.options().interBrokerListener().orElseThrow().listenerName());
        p.setProperty("listener.security.protocol.map", String.join(",", protocols));
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
        // share groups (KIP-932): the share.version feature is on from the 4.4 format's defaults;
        // these let members join, and tests shorten the acquisition lock, within seconds
        p.setProperty("group.share.min.heartbeat.interval.ms", "500");
        p.setProperty("group.share.heartbeat.interval.ms", "1000");
        p.setProperty("group.share.min.session.timeout.ms", "3000");
        p.setProperty("group.share.session.timeout.ms", "10000");
        p.setProperty("group.share.min.record.lock.duration.ms", "1000");
        p.setProperty("group.share.initialize.retry.interval.ms", "1000");
        p.setProperty("share.coordinator.state.topic.num.partitions", "5");

        if (security != null) {
            security.applyTo(p);
        }
        options.brokerProperties().forEach((key, value) -> p.setProperty(key.trim(), value));
        return p;
    }
}
