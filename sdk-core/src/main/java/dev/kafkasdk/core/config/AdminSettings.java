package dev.kafkasdk.core.config;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.internal.AdminRules;
import dev.kafkasdk.core.config.internal.DescribeTable;
import dev.kafkasdk.core.config.internal.KafkaKeys;
import dev.kafkasdk.core.config.internal.PropertyTable;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The settings of one named admin client. Immutable and thread-safe; always valid once built.
 */
public final class AdminSettings {

    private final ClientValues v;
    private volatile PropertyTable table;

    private AdminSettings(ClientValues values) {
        this.v = values;
    }

    /**
     * An admin client with every value defaulted.
     *
     * @param cluster the cluster to connect to
     * @return the settings, named {@code default}
     */
    public static AdminSettings defaults(ClusterSettings cluster) {
        return builder().cluster(cluster).build();
    }

    /**
     * Starts empty settings named {@code default}; a cluster is required.
     *
     * @return a new builder; values set on it have origin {@link Origin#CODE}
     */
    public static Builder builder() {
        return new Builder(new ClientValues());
    }

    /**
     * Starts from a copy of existing settings, origins included.
     *
     * @param base the settings to copy
     * @return a new builder
     */
    public static Builder from(AdminSettings base) {
        return new Builder(base.v.copy());
    }

    /** @return the admin client's name in the configuration */
    public String name() {
        return v.name;
    }

    /** @return the cluster it connects to */
    public ClusterSettings cluster() {
        return v.cluster;
    }

    /** @return {@code request.timeout.ms}, or empty (30 s) */
    public Optional<Duration> requestTimeout() {
        return v.get("request-timeout", Duration.class);
    }

    /** @return {@code default.api.timeout.ms}, or empty (60 s) */
    public Optional<Duration> defaultApiTimeout() {
        return v.get("default-api-timeout", Duration.class);
    }

    /** @return {@code client.id}: explicit, else {@code <client-id-prefix>-<name>}, else empty */
    public Optional<String> clientId() {
        return v.get("client-id", String.class).or(() -> v.cluster.clientIdPrefix().map(p -> p + "-" + v.name));
    }

    /** @return the raw kafka-clients properties, applied last */
    public Map<String, String> properties() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(v.raw));
    }

    /**
     * Where each explicitly set value came from, keyed by file key; raw properties as
     * {@code properties.<key>}.
     *
     * @return an unmodifiable map
     */
    public Map<String, Origin> origins() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(v.origins));
    }

    /**
     * The exact properties to create an {@code Admin} client with.
     *
     * @return a new modifiable map the caller owns; it holds secrets: do not log it
     */
    public Map<String, Object> toProperties() {
        return table().toMap();
    }

    /**
     * Where the effective value of a kafka-clients key came from.
     *
     * @param kafkaKey e.g. {@code request.timeout.ms}
     * @return its origin; {@link Origin#DEFAULT} if nobody set it
     */
    public Origin origin(String kafkaKey) {
        return table().get(kafkaKey).map(PropertyTable.Entry::origin).orElse(Origin.DEFAULT);
    }

    /**
     * A table of every effective property with values (secrets masked) and origins.
     *
     * @return multi-line text
     */
    public String describe() {
        return DescribeTable.render("admin '" + v.name + "'", table(), KafkaKeys.Client.ADMIN, AdminRules.TYPED_KEYS,
                "");
    }

    /**
     * Compares name, cluster and every value; origins are not compared.
     *
     * @param o another object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof AdminSettings a && v.sameValues(a.v);
    }

    /** @return a hash of name, cluster and values */
    @Override
    public int hashCode() {
        return v.valuesHash();
    }

    /** @return the name and effective properties with secrets masked */
    @Override
    public String toString() {
        return "AdminSettings[name=" + v.name + ", properties=" + table().toMaskedMap() + "]";
    }

    private PropertyTable table() {
        PropertyTable t = table;
        if (t == null) {
            t = AdminRules.render(this);
            table = t;
        }
        return t;
    }

    /** Builds {@link AdminSettings}. Setting a value to {@code null} clears it. Not thread-safe. */
    public static final class Builder {
        private final ClientValues v;

        private Builder(ClientValues values) {
            this.v = values;
        }

        /**
         * Sets the origin recorded for values set after this call ({@link Origin#CODE} until changed).
         *
         * @param origin the origin
         * @return this builder
         */
        public Builder origin(Origin origin) {
            v.origin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /** Sets the admin client's name (default {@code default}); returns this builder. */
        public Builder name(String name) {
            v.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Sets the cluster to connect to (required); returns this builder. */
        public Builder cluster(ClusterSettings cluster) {
            v.cluster = cluster;
            return this;
        }

        /** Sets {@code request.timeout.ms}; returns this builder. */
        public Builder requestTimeout(Duration timeout) {
            v.set("request-timeout", timeout);
            return this;
        }

        /** Sets {@code default.api.timeout.ms}, at least the request timeout; returns this builder. */
        public Builder defaultApiTimeout(Duration timeout) {
            v.set("default-api-timeout", timeout);
            return this;
        }

        /** Sets {@code client.id}; returns this builder. */
        public Builder clientId(String clientId) {
            v.set("client-id", clientId);
            return this;
        }

        /**
         * Sets a raw kafka-clients property, applied after every typed setting. The key must be an
         * admin config of kafka-clients and must not repeat a typed setting.
         *
         * @param key   an {@code AdminClientConfig} key
         * @param value its value as text; {@code null} removes it
         * @return this builder
         */
        public Builder property(String key, String value) {
            v.raw(key, value, "properties");
            return this;
        }

        /**
         * Checks and builds the settings.
         *
         * @return the settings
         * @throws ConfigException listing every problem, with paths {@code admins.<name>.<key>}
         */
        public AdminSettings build() {
            ClientValues values = v.copy();
            values.requireCluster("admins");
            AdminSettings settings = new AdminSettings(values);
            AdminRules.check(settings);
            return settings;
        }
    }
}
