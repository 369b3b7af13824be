package dev.kafkasdk.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Reads every node's listener settings through the admin API ({@code describeCluster} and
 * {@code describeConfigs}) and checks that no listener speaks PLAINTEXT and that replication and the
 * controller quorum run over the expected secured listeners.
 */
final class InternalListeners {

    private InternalListeners() {}

    /** The listener settings of one node, as its {@code describeConfigs} reports them. */
    record NodeListeners(int id, Map<String, String> configs) {
        Map<String, String> protocolMap() {
            Map<String, String> map = new LinkedHashMap<>();
            for (String entry : configs.get("listener.security.protocol.map").split(",")) {
                String[] parts = entry.split(":");
                map.put(parts[0], parts[1]);
            }
            return map;
        }

        List<String> listenerNames() {
            List<String> names = new ArrayList<>();
            for (String listener : configs.get("listeners").split(",")) {
                names.add(listener.substring(0, listener.indexOf(':')));
            }
            return names;
        }
    }

    /** Describes every node the cluster metadata lists, over the kit's (secured) admin settings. */
    static List<NodeListeners> describe(KafkaCluster kafka) throws Exception {
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            List<NodeListeners> result = new ArrayList<>();
            for (Node node : admin.describeCluster().nodes().get(20, TimeUnit.SECONDS)) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, node.idString());
                Config config = admin.describeConfigs(List.of(resource))
                        .all()
                        .get(20, TimeUnit.SECONDS)
                        .get(resource);
                Map<String, String> configs = new LinkedHashMap<>();
                for (String key : List.of(
                        "listeners",
                        "advertised.listeners",
                        "listener.security.protocol.map",
                        "inter.broker.listener.name",
                        "controller.listener.names",
                        "sasl.mechanism.inter.broker.protocol",
                        "sasl.mechanism.controller.protocol")) {
                    ConfigEntry entry = config.get(key);
                    configs.put(key, entry == null ? null : entry.value());
                }
                result.add(new NodeListeners(node.id(), configs));
            }
            return result;
        }
    }

    /**
     * Asserts that each of the {@code nodes} nodes opens no PLAINTEXT listener, replicates over
     * {@code interBroker} and runs its controller listener with {@code controllerProtocol}.
     */
    static void assertSecured(KafkaCluster kafka, int nodes, SecuredListener interBroker, String controllerProtocol)
            throws Exception {
        List<NodeListeners> described = describe(kafka);
        assertThat(described).hasSize(nodes);
        for (NodeListeners node : described) {
            Map<String, String> protocols = node.protocolMap();
            assertThat(protocols.values())
                    .as("security protocols of node %d's listeners %s", node.id(), protocols)
                    .doesNotContain("PLAINTEXT");
            assertThat(protocols)
                    .as("node %d", node.id())
                    .containsKeys(node.listenerNames().toArray(String[]::new));
            assertThat(node.configs().get("inter.broker.listener.name"))
                    .as("node %d's inter-broker listener", node.id())
                    .isEqualTo(interBroker.listenerName());
            assertThat(protocols.get(interBroker.listenerName())).isEqualTo(interBroker.securityProtocol());
            String controller = node.configs().get("controller.listener.names");
            assertThat(node.listenerNames())
                    .as("node %d's listeners", node.id())
                    .contains(controller);
            assertThat(protocols.get(controller))
                    .as("node %d's controller listener %s", node.id(), controller)
                    .isEqualTo(controllerProtocol);
            for (String advertised : node.configs().get("advertised.listeners").split(",")) {
                assertThat(protocols.get(advertised.substring(0, advertised.indexOf(':'))))
                        .as("node %d advertises %s", node.id(), advertised)
                        .isNotNull()
                        .isNotEqualTo("PLAINTEXT");
            }
        }
    }
}
