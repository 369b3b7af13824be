package dev.kafkasdk.core.config.internal;

import dev.kafkasdk.core.config.ByteSize;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.Origin;
import org.apache.kafka.clients.CommonClientConfigs;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Helpers shared by the producer, consumer and admin renderers. Not part of the API.
 */
final class ClientRendering {

    private final PropertyTable table = new PropertyTable();
    private final Map<String, Origin> origins;
    private final String prefix;

    ClientRendering(KafkaKeys.Client client, String name, ClusterSettings cluster, Map<String, Origin> origins) {
        this.origins = origins;
        this.prefix = client.section() + "." + name + ".";
        ClusterRenderer.render(cluster, table);
    }

    PropertyTable table() {
        return table;
    }

    /** Puts a typed value: its origin is the recorded one, or PRESET when none was recorded. */
    void typed(String key, String kafkaKey, Object value) {
        if (value != null) {
            table.put(kafkaKey, render(value), Optional.ofNullable(origins.get(key)).orElse(Origin.PRESET),
                    prefix + key);
        }
    }

    /** Puts a typed value or, when unset, the SDK's own default. */
    void typedOrDefault(String key, String kafkaKey, Object value, Object sdkDefault) {
        if (origins.containsKey(key)) {
            typed(key, kafkaKey, value);
        } else if (sdkDefault != null) {
            table.put(kafkaKey, render(sdkDefault), Origin.DEFAULT, prefix + key);
        }
    }

    void clientId(String name, Optional<String> explicit, ClusterSettings cluster) {
        if (explicit.isPresent()) {
            typed("client-id", CommonClientConfigs.CLIENT_ID_CONFIG, explicit.get());
        } else {
            cluster.clientIdPrefix().ifPresent(p -> table.put(CommonClientConfigs.CLIENT_ID_CONFIG, p + "-" + name,
                    Origin.DEFAULT, prefix + "client-id"));
        }
    }

    void raw(Map<String, String> properties, String section) {
        properties.forEach((k, v) -> table.putRaw(k, v,
                Optional.ofNullable(origins.get(section + "." + k)).orElse(Origin.CODE), prefix + section + "." + k));
    }

    static String render(Object value) {
        if (value instanceof Duration d) {
            return Long.toString(d.toMillis());
        }
        if (value instanceof ByteSize s) {
            return Long.toString(s.toBytes());
        }
        return value.toString();
    }
}
