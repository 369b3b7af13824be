package dev.kafkasdk.test;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Producer properties for tests that reach the cluster only through its fault proxies. */
final class ProxiedProducers {

    private ProxiedProducers() {}

    /**
     * Bootstraps from the proxies, sends without lingering, and bounds every wait by {@code timeoutMs}.
     */
    static Map<String, Object> properties(KafkaCluster cluster, int timeoutMs) {
        Map<String, Object> props = cluster.producerProperties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.proxiedBootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        return props;
    }
}
