package dev.kafkasdk.consumer.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the broker's {@code offset.metadata.max.bytes}, which caps the metadata of an offset commit,
 * with {@code describeConfigs}; 4,096 (Kafka's default) when it cannot be read.
 */
final class MetadataLimit {

    static final String KEY = "offset.metadata.max.bytes";
    static final int KAFKA_DEFAULT = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(MetadataLimit.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private MetadataLimit() {}

    /**
     * The limit: the given override, else the broker's, else the Kafka default.
     *
     * @param spec the consumer spec (its admin, if given, is used and not closed)
     * @return the limit in characters (the metadata is ASCII)
     */
    static int read(ConsumerSpec<?, ?> spec) {
        OptionalInt override = spec.concurrency().metadataLimit();
        if (override.isPresent()) {
            return override.getAsInt();
        }
        Optional<Admin> given = spec.liveness().admin();
        if (given.isPresent()) {
            return read(given.get());
        }
        Map<String, Object> props = new HashMap<>();
        spec.kafkaProperties().forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, spec.clientId() + "-metadata-limit");
        try (Admin admin = Admin.create(props)) {
            return read(admin);
        } catch (RuntimeException e) {
            LOG.info("Cannot create an admin client to read {} ({}); assuming {}", KEY, e.toString(), KAFKA_DEFAULT);
            return KAFKA_DEFAULT;
        }
    }

    static int read(Admin admin) {
        try {
            Collection<Node> nodes = admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                return KAFKA_DEFAULT;
            }
            int smallest = Integer.MAX_VALUE;
            for (Node node : nodes) {
                ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(node.id()));
                Config config = admin.describeConfigs(List.of(broker))
                        .all()
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .get(broker);
                ConfigEntry entry = config == null ? null : config.get(KEY);
                if (entry != null && entry.value() != null) {
                    smallest = Math.min(smallest, Integer.parseInt(entry.value().trim()));
                }
            }
            return smallest == Integer.MAX_VALUE ? KAFKA_DEFAULT : smallest;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return KAFKA_DEFAULT;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.info("Cannot read the broker's {} ({}); assuming {}", KEY, e.toString(), KAFKA_DEFAULT);
            return KAFKA_DEFAULT;
        }
    }
}
