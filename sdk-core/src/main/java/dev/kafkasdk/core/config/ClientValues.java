package dev.kafkasdk.core.config;

import dev.kafkasdk.core.ConfigException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The mutable value store behind the client settings builders, and the frozen copy inside
 * each settings object: values and origins by file key, plus raw properties.
 */
final class ClientValues {

    String name = "default";
    ClusterSettings cluster;
    Origin origin = Origin.CODE;
    final Map<String, Object> values = new LinkedHashMap<>();
    final Map<String, String> raw = new TreeMap<>();
    final Map<String, Origin> origins = new LinkedHashMap<>();

    <T> Optional<T> get(String key, Class<T> type) {
        return Optional.ofNullable(values.get(key)).map(type::cast);
    }

    void set(String key, Object value) {
        if (value == null) {
            values.remove(key);
            origins.remove(key);
        } else {
            values.put(key, value);
            origins.put(key, origin);
        }
    }

    void raw(String key, String value, String section) {
        Objects.requireNonNull(key, "key");
        if (value == null) {
            raw.remove(key);
            origins.remove(section + "." + key);
        } else {
            raw.put(key, value);
            origins.put(section + "." + key, origin);
        }
    }

    void requireCluster(String section) {
        if (cluster == null) {
            throw new ConfigException(section + "." + name, null,
                    "has no cluster; set the cluster's bootstrap servers (cluster.bootstrap-servers)");
        }
    }

    /** A copy of the values and origins; the copy records new values as {@link Origin#CODE}. */
    ClientValues copy() {
        ClientValues c = new ClientValues();
        c.name = name;
        c.cluster = cluster;
        c.values.putAll(values);
        c.raw.putAll(raw);
        c.origins.putAll(origins);
        return c;
    }

    boolean sameValues(ClientValues other) {
        return name.equals(other.name) && Objects.equals(cluster, other.cluster) && values.equals(other.values)
                && raw.equals(other.raw);
    }

    int valuesHash() {
        return Objects.hash(name, cluster, values, raw);
    }
}
