package dev.kafkasdk.core.config;

import static dev.kafkasdk.core.config.ClusterKeys.BOOTSTRAP_SERVERS;
import static dev.kafkasdk.core.config.ClusterKeys.BROKER_VERSION;
import static dev.kafkasdk.core.config.ClusterKeys.CLIENT_ID_PREFIX;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.internal.Problems;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The connection every client of a configuration shares: bootstrap servers, the client id
 * prefix and security; its keys are declared once in {@link ClusterKeys}. Immutable and
 * thread-safe; always valid once built.
 */
public final class ClusterSettings extends TypedSettings {

    private ClusterSettings(Values values) {
        super(values);
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
        return new Builder(new Values());
    }

    /**
     * Starts from a copy of existing settings.
     *
     * @param base the settings to copy, origins included
     * @return a new builder
     */
    public static Builder from(ClusterSettings base) {
        return new Builder(base.v.copy());
    }

    @Override
    KeyTable<?> table() {
        return ClusterKeys.TABLE;
    }

    /**
     * The bootstrap servers ({@code bootstrap.servers}).
     *
     * @return the {@code host:port} pairs, never empty once built
     */
    public List<String> bootstrapServers() {
        return get(BOOTSTRAP_SERVERS).orElse(List.of());
    }

    /**
     * The prefix of default client ids: a client named {@code orders} gets
     * {@code <prefix>-orders} unless it sets its own.
     *
     * @return the prefix, or empty (kafka-clients then generates ids)
     */
    public Optional<String> clientIdPrefix() {
        return get(CLIENT_ID_PREFIX);
    }

    /**
     * KIP-714: whether the client registers meter {@code kafka.sdk.client.instance} tagged with its
     * {@code client.id} and {@code client.instance.id} once the broker assigns the id.
     *
     * @return {@code true} when asked for; {@code false} by default
     */
    public boolean clientInstanceIdTag() {
        return get(ClusterKeys.CLIENT_INSTANCE_ID_TAG).orElse(false);
    }

    /**
     * KIP-714: how long a client waits for the broker to assign its client instance id before its
     * health reports the id unavailable.
     *
     * @return the bound, 10 s by default
     */
    public Duration clientInstanceIdTimeout() {
        return get(ClusterKeys.CLIENT_INSTANCE_ID_TIMEOUT).orElse(Duration.ofSeconds(10));
    }

    /**
     * How long a client that the cluster has answered treats authentication failures as passing (an
     * OAUTHBEARER token refreshed after the old one ran out, a re-authentication that raced a
     * token's expiry) before it treats them as fatal. A consumer polls through them; a producer
     * fails the affected records with a retriable error and stays usable. A client the cluster
     * never answered treats its first authentication failure as fatal, so wrong credentials fail at
     * once.
     *
     * @return {@code cluster.authentication-retry-timeout}, 2 min by default; zero: fatal at once
     */
    public Duration authenticationRetryTimeout() {
        return get(ClusterKeys.AUTHENTICATION_RETRY_TIMEOUT).orElse(Duration.ofMinutes(2));
    }

    /**
     * The Kafka release the brokers run ({@code cluster.broker-version}, such as {@code 3.9}), declared
     * so that offline lint can report the features the configuration asks for and that release lacks.
     * Clients do not use it: at start they read the cluster's own features.
     *
     * @return the declared release, or empty
     */
    public Optional<String> brokerVersion() {
        return get(BROKER_VERSION);
    }

    /**
     * Security settings.
     *
     * @return the settings; {@link SecuritySettings#none()} when unset
     */
    public SecuritySettings security() {
        return section("security", SecuritySettings.class).orElse(SecuritySettings.none());
    }

    /** Builds {@link ClusterSettings}. Not thread-safe. */
    public static final class Builder extends TypedSettings.Builder<ClusterSettings, Builder> {

        private Builder(Values values) {
            super(values, ClusterKeys.TABLE);
        }

        /**
         * Sets the bootstrap servers from a comma-separated list.
         *
         * @param servers e.g. {@code broker1:9092,broker2:9092}
         * @return this builder
         */
        public Builder bootstrapServers(String servers) {
            return bootstrapServers(Arrays.stream(servers.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList());
        }

        /**
         * Sets the bootstrap servers.
         *
         * @param servers {@code host:port} pairs
         * @return this builder
         */
        public Builder bootstrapServers(List<String> servers) {
            return set(BOOTSTRAP_SERVERS, List.copyOf(servers));
        }

        /**
         * Sets the client id prefix.
         *
         * @param prefix the prefix; {@code null} clears it
         * @return this builder
         */
        public Builder clientIdPrefix(@Nullable String prefix) {
            return set(CLIENT_ID_PREFIX, prefix);
        }

        /**
         * KIP-714: registers meter {@code kafka.sdk.client.instance} tagged with the client
         * instance id once the broker assigns it; see {@link ClusterSettings#clientInstanceIdTag()}.
         *
         * @param tag {@code true} to register it
         * @return this builder
         */
        public Builder clientInstanceIdTag(boolean tag) {
            return set(ClusterKeys.CLIENT_INSTANCE_ID_TAG, tag);
        }

        /**
         * KIP-714: how long a client waits for its client instance id; see
         * {@link ClusterSettings#clientInstanceIdTimeout()}.
         *
         * @param timeout more than zero; {@code null} restores the default
         * @return this builder
         */
        public Builder clientInstanceIdTimeout(@Nullable Duration timeout) {
            return set(ClusterKeys.CLIENT_INSTANCE_ID_TIMEOUT, timeout);
        }

        /**
         * How long a client the cluster has answered treats authentication failures as passing; see
         * {@link ClusterSettings#authenticationRetryTimeout()}.
         *
         * @param timeout zero or more; {@code null} restores the default (2 min)
         * @return this builder
         */
        public Builder authenticationRetryTimeout(@Nullable Duration timeout) {
            return set(ClusterKeys.AUTHENTICATION_RETRY_TIMEOUT, timeout);
        }

        /**
         * Declares the Kafka release the brokers run, for offline lint.
         *
         * @param release such as {@code 3.9} or {@code 3.9.2}; {@code null} clears it
         * @return this builder
         */
        public Builder brokerVersion(@Nullable String release) {
            return set(BROKER_VERSION, release);
        }

        /**
         * Sets the security settings.
         *
         * @param security the settings; {@code null} means none
         * @return this builder
         */
        public Builder security(@Nullable SecuritySettings security) {
            return section("security", security == null || security.equals(SecuritySettings.none()) ? null : security);
        }

        /**
         * Checks and builds the settings.
         *
         * @return the settings
         * @throws ConfigException listing every problem: missing or malformed bootstrap servers,
         *                         incomplete or contradictory security settings
         */
        @Override
        public ClusterSettings build() {
            ClusterSettings settings = new ClusterSettings(v.copy());
            Problems problems = new Problems();
            ClusterRules.check(settings, problems);
            problems.throwIfAny();
            return settings;
        }
    }
}
