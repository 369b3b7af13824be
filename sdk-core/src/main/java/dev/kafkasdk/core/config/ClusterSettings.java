package dev.kafkasdk.core.config;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.internal.Problems;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The connection every client of a configuration shares: bootstrap servers, the client id
 * prefix and security. Immutable and thread-safe; always valid once built.
 */
public final class ClusterSettings {

    private final List<String> bootstrapServers;
    private final String clientIdPrefix;
    private final SecuritySettings security;
    private final Map<String, Origin> origins;

    private ClusterSettings(Builder b) {
        this.bootstrapServers = List.copyOf(b.bootstrapServers);
        this.clientIdPrefix = b.clientIdPrefix;
        this.security = b.security;
        this.origins = Collections.unmodifiableMap(new LinkedHashMap<>(b.origins));
    }

    /**
     * Settings for an unsecured cluster.
     *
     * @param bootstrapServers comma-separated {@code host:port} pairs
     * @return the settings
     * @throws ConfigException if a server is not {@code host:port}
     */
    public static ClusterSettings of(String bootstrapServers) {
        return builder().bootstrapServers(bootstrapServers).build();
    }

    /**
     * Starts empty settings; bootstrap servers are required.
     *
     * @return a new builder; values set on it have origin {@link Origin#CODE}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts from a copy of existing settings.
     *
     * @param base the settings to copy, origins included
     * @return a new builder
     */
    public static Builder from(ClusterSettings base) {
        Builder b = new Builder();
        b.bootstrapServers = base.bootstrapServers;
        b.clientIdPrefix = base.clientIdPrefix;
        b.security = base.security;
        b.origins.putAll(base.origins);
        return b;
    }

    /**
     * The bootstrap servers ({@code bootstrap.servers}).
     *
     * @return the {@code host:port} pairs, never empty
     */
    public List<String> bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The prefix of default client ids: a client named {@code orders} gets
     * {@code <prefix>-orders} unless it sets its own.
     *
     * @return the prefix, or empty (kafka-clients then generates ids)
     */
    public Optional<String> clientIdPrefix() {
        return Optional.ofNullable(clientIdPrefix);
    }

    /**
     * Security settings.
     *
     * @return the settings; {@link SecuritySettings#none()} when unset
     */
    public SecuritySettings security() {
        return security;
    }

    /**
     * Where each explicitly set value came from, keyed by file key ({@code bootstrap-servers},
     * {@code client-id-prefix}).
     *
     * @return an unmodifiable map
     */
    public Map<String, Origin> origins() {
        return origins;
    }

    /**
     * Compares every value; origins are not compared.
     *
     * @param o another object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterSettings c && bootstrapServers.equals(c.bootstrapServers)
                && Objects.equals(clientIdPrefix, c.clientIdPrefix) && security.equals(c.security);
    }

    /**
     * A hash of every value.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(bootstrapServers, clientIdPrefix, security);
    }

    /**
     * A description with secrets masked.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "ClusterSettings[bootstrapServers=" + bootstrapServers + ", clientIdPrefix=" + clientIdPrefix
                + ", security=" + security + "]";
    }

    /** Builds {@link ClusterSettings}. Not thread-safe. */
    public static final class Builder {
        private List<String> bootstrapServers = List.of();
        private String clientIdPrefix;
        private SecuritySettings security = SecuritySettings.none();
        private Origin origin = Origin.CODE;
        private final Map<String, Origin> origins = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the origin recorded for values set after this call ({@link Origin#CODE} until
         * changed).
         *
         * @param origin the origin
         * @return this builder
         */
        public Builder origin(Origin origin) {
            this.origin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /**
         * Sets the bootstrap servers from a comma-separated list.
         *
         * @param servers e.g. {@code broker1:9092,broker2:9092}
         * @return this builder
         */
        public Builder bootstrapServers(String servers) {
            return bootstrapServers(Arrays.stream(servers.split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList());
        }

        /**
         * Sets the bootstrap servers.
         *
         * @param servers {@code host:port} pairs
         * @return this builder
         */
        public Builder bootstrapServers(List<String> servers) {
            this.bootstrapServers = List.copyOf(servers);
            origins.put("bootstrap-servers", origin);
            return this;
        }

        /**
         * Sets the client id prefix.
         *
         * @param prefix the prefix; {@code null} clears it
         * @return this builder
         */
        public Builder clientIdPrefix(String prefix) {
            this.clientIdPrefix = prefix;
            if (prefix == null) {
                origins.remove("client-id-prefix");
            } else {
                origins.put("client-id-prefix", origin);
            }
            return this;
        }

        /**
         * Sets the security settings.
         *
         * @param security the settings; {@code null} means none
         * @return this builder
         */
        public Builder security(SecuritySettings security) {
            this.security = security == null ? SecuritySettings.none() : security;
            return this;
        }

        /**
         * Checks and builds the settings.
         *
         * @return the settings
         * @throws ConfigException listing every problem: missing or malformed bootstrap servers,
         *                         incomplete or contradictory security settings
         */
        public ClusterSettings build() {
            ClusterSettings settings = new ClusterSettings(this);
            Problems problems = new Problems();
            ClusterRules.check(settings, problems);
            problems.throwIfAny();
            return settings;
        }
    }
}
