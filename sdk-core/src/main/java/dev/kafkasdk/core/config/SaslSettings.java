package dev.kafkasdk.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * SASL authentication: the mechanism and its credentials. PLAIN and SCRAM use
 * {@code username} and {@code password}; OAUTHBEARER uses the client-credentials grant
 * with {@code token-endpoint-url}, {@code client-id}, {@code client-secret} and an optional
 * {@code scope}. Immutable and thread-safe. Checked when the enclosing
 * {@link ClusterSettings} is built.
 */
public final class SaslSettings {

    private final SaslMechanism mechanism;
    private final String username;
    private final Secret password;
    private final String tokenEndpointUrl;
    private final String clientId;
    private final Secret clientSecret;
    private final String scope;
    private final Map<String, Origin> origins;

    private SaslSettings(Builder b) {
        this.mechanism = b.mechanism;
        this.username = b.username;
        this.password = b.password;
        this.tokenEndpointUrl = b.tokenEndpointUrl;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.scope = b.scope;
        this.origins = Collections.unmodifiableMap(new LinkedHashMap<>(b.origins));
    }

    /**
     * Starts empty SASL settings.
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
    public static Builder from(SaslSettings base) {
        Builder b = new Builder();
        b.mechanism = base.mechanism;
        b.username = base.username;
        b.password = base.password;
        b.tokenEndpointUrl = base.tokenEndpointUrl;
        b.clientId = base.clientId;
        b.clientSecret = base.clientSecret;
        b.scope = base.scope;
        b.origins.putAll(base.origins);
        return b;
    }

    /**
     * The mechanism ({@code sasl.mechanism}).
     *
     * @return the mechanism, or empty
     */
    public Optional<SaslMechanism> mechanism() {
        return Optional.ofNullable(mechanism);
    }

    /**
     * The PLAIN/SCRAM user name.
     *
     * @return the user, or empty
     */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /**
     * The PLAIN/SCRAM password.
     *
     * @return the password, or empty
     */
    public Optional<Secret> password() {
        return Optional.ofNullable(password);
    }

    /**
     * The OAuth token endpoint ({@code sasl.oauthbearer.token.endpoint.url}). kafka-clients 4
     * only calls URLs listed in the JVM system property
     * {@code org.apache.kafka.sasl.oauthbearer.allowed.urls}.
     *
     * @return the URL, or empty
     */
    public Optional<String> tokenEndpointUrl() {
        return Optional.ofNullable(tokenEndpointUrl);
    }

    /**
     * The OAuth client id ({@code sasl.oauthbearer.client.credentials.client.id}).
     *
     * @return the client id, or empty
     */
    public Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    /**
     * The OAuth client secret ({@code sasl.oauthbearer.client.credentials.client.secret}).
     *
     * @return the secret, or empty
     */
    public Optional<Secret> clientSecret() {
        return Optional.ofNullable(clientSecret);
    }

    /**
     * The OAuth scope ({@code sasl.oauthbearer.scope}).
     *
     * @return the scope, or empty
     */
    public Optional<String> scope() {
        return Optional.ofNullable(scope);
    }

    /**
     * Where each explicitly set value came from, keyed by file key ({@code mechanism},
     * {@code username}, {@code password}, {@code token-endpoint-url}, {@code client-id},
     * {@code client-secret}, {@code scope}).
     *
     * @return an unmodifiable map
     */
    public Map<String, Origin> origins() {
        return origins;
    }

    /**
     * Tells whether nothing is set.
     *
     * @return {@code true} if every value is empty
     */
    public boolean isEmpty() {
        return mechanism == null && username == null && password == null && tokenEndpointUrl == null
                && clientId == null && clientSecret == null && scope == null;
    }

    /**
     * Compares every value; origins are not compared.
     *
     * @param o another object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof SaslSettings s && mechanism == s.mechanism && Objects.equals(username, s.username)
                && Objects.equals(password, s.password) && Objects.equals(tokenEndpointUrl, s.tokenEndpointUrl)
                && Objects.equals(clientId, s.clientId) && Objects.equals(clientSecret, s.clientSecret)
                && Objects.equals(scope, s.scope);
    }

    /** @return a hash of every value */
    @Override
    public int hashCode() {
        return Objects.hash(mechanism, username, password, tokenEndpointUrl, clientId, clientSecret, scope);
    }

    /**
     * A description with secrets masked.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "SaslSettings[mechanism=" + mechanism + ", username=" + username + ", password=" + password
                + ", tokenEndpointUrl=" + tokenEndpointUrl + ", clientId=" + clientId + ", clientSecret="
                + clientSecret + ", scope=" + scope + "]";
    }

    /** Builds {@link SaslSettings}. Not thread-safe. */
    public static final class Builder {
        private SaslMechanism mechanism;
        private String username;
        private Secret password;
        private String tokenEndpointUrl;
        private String clientId;
        private Secret clientSecret;
        private String scope;
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
         * Sets the mechanism.
         *
         * @param mechanism the mechanism; {@code null} clears it
         * @return this builder
         */
        public Builder mechanism(SaslMechanism mechanism) {
            this.mechanism = mark("mechanism", mechanism);
            return this;
        }

        /**
         * Sets the PLAIN/SCRAM user name.
         *
         * @param username the user; {@code null} clears it
         * @return this builder
         */
        public Builder username(String username) {
            this.username = mark("username", username);
            return this;
        }

        /**
         * Sets the PLAIN/SCRAM password.
         *
         * @param password the password; {@code null} clears it
         * @return this builder
         */
        public Builder password(Secret password) {
            this.password = mark("password", password);
            return this;
        }

        /**
         * Sets the OAuth token endpoint.
         *
         * @param url an {@code https://} (or {@code http://}, {@code file:}) URL; {@code null} clears it
         * @return this builder
         */
        public Builder tokenEndpointUrl(String url) {
            this.tokenEndpointUrl = mark("token-endpoint-url", url);
            return this;
        }

        /**
         * Sets the OAuth client id.
         *
         * @param clientId the client id; {@code null} clears it
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = mark("client-id", clientId);
            return this;
        }

        /**
         * Sets the OAuth client secret.
         *
         * @param clientSecret the secret; {@code null} clears it
         * @return this builder
         */
        public Builder clientSecret(Secret clientSecret) {
            this.clientSecret = mark("client-secret", clientSecret);
            return this;
        }

        /**
         * Sets the OAuth scope.
         *
         * @param scope the scope; {@code null} clears it
         * @return this builder
         */
        public Builder scope(String scope) {
            this.scope = mark("scope", scope);
            return this;
        }

        /**
         * Builds the settings. They are checked when a {@link ClusterSettings} using them is built.
         *
         * @return the settings
         */
        public SaslSettings build() {
            return new SaslSettings(this);
        }

        private <T> T mark(String key, T value) {
            if (value == null) {
                origins.remove(key);
            } else {
                origins.put(key, origin);
            }
            return value;
        }
    }
}
