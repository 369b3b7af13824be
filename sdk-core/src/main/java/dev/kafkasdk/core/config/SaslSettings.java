package dev.kafkasdk.core.config;

import static dev.kafkasdk.core.config.ClusterKeys.SASL_CLIENT_ID;
import static dev.kafkasdk.core.config.ClusterKeys.SASL_CLIENT_SECRET;
import static dev.kafkasdk.core.config.ClusterKeys.SASL_MECHANISM;
import static dev.kafkasdk.core.config.ClusterKeys.SASL_PASSWORD;
import static dev.kafkasdk.core.config.ClusterKeys.SASL_SCOPE;
import static dev.kafkasdk.core.config.ClusterKeys.SASL_TOKEN_ENDPOINT_URL;
import static dev.kafkasdk.core.config.ClusterKeys.SASL_USERNAME;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * SASL authentication: the mechanism and its credentials; its keys are declared once in
 * {@link ClusterKeys}. PLAIN and SCRAM use {@code username} and {@code password}; OAUTHBEARER
 * uses the client-credentials grant with {@code token-endpoint-url}, {@code client-id},
 * {@code client-secret} and an optional {@code scope}. Immutable and thread-safe. Checked when
 * the enclosing {@link ClusterSettings} is built.
 */
public final class SaslSettings extends TypedSettings {

    private SaslSettings(Values values) {
        super(values);
    }

    /**
     * Starts empty SASL settings.
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
    public static Builder from(SaslSettings base) {
        return new Builder(base.v.copy());
    }

    @Override
    KeyTable<?> table() {
        return ClusterKeys.SASL;
    }

    /** @return the mechanism ({@code sasl.mechanism}), or empty */
    public Optional<SaslMechanism> mechanism() {
        return get(SASL_MECHANISM);
    }

    /** @return the PLAIN/SCRAM user name, or empty */
    public Optional<String> username() {
        return get(SASL_USERNAME);
    }

    /** @return the PLAIN/SCRAM password, or empty */
    public Optional<Secret> password() {
        return get(SASL_PASSWORD);
    }

    /**
     * The OAuth token endpoint ({@code sasl.oauthbearer.token.endpoint.url}). kafka-clients 4
     * only calls URLs listed in the JVM system property
     * {@code org.apache.kafka.sasl.oauthbearer.allowed.urls}.
     *
     * @return the URL, or empty
     */
    public Optional<String> tokenEndpointUrl() {
        return get(SASL_TOKEN_ENDPOINT_URL);
    }

    /** @return the OAuth client id ({@code sasl.oauthbearer.client.credentials.client.id}), or empty */
    public Optional<String> clientId() {
        return get(SASL_CLIENT_ID);
    }

    /** @return the OAuth client secret ({@code sasl.oauthbearer.client.credentials.client.secret}), or empty */
    public Optional<Secret> clientSecret() {
        return get(SASL_CLIENT_SECRET);
    }

    /** @return the OAuth scope ({@code sasl.oauthbearer.scope}), or empty */
    public Optional<String> scope() {
        return get(SASL_SCOPE);
    }

    /**
     * Tells whether nothing is set.
     *
     * @return {@code true} if every value is empty
     */
    public boolean isEmpty() {
        return noValues();
    }

    /** Builds {@link SaslSettings}; setting a value to {@code null} clears it. Not thread-safe. */
    public static final class Builder extends TypedSettings.Builder<SaslSettings, Builder> {

        private Builder(Values values) {
            super(values, ClusterKeys.SASL);
        }

        /** Sets the mechanism; returns this builder. */
        public Builder mechanism(@Nullable SaslMechanism mechanism) {
            return set(SASL_MECHANISM, mechanism);
        }

        /** Sets the PLAIN/SCRAM user name; returns this builder. */
        public Builder username(@Nullable String username) {
            return set(SASL_USERNAME, username);
        }

        /** Sets the PLAIN/SCRAM password; returns this builder. */
        public Builder password(@Nullable Secret password) {
            return set(SASL_PASSWORD, password);
        }

        /** Sets the OAuth token endpoint: an https://, http:// or file: URL; returns this builder. */
        public Builder tokenEndpointUrl(@Nullable String url) {
            return set(SASL_TOKEN_ENDPOINT_URL, url);
        }

        /** Sets the OAuth client id; returns this builder. */
        public Builder clientId(@Nullable String clientId) {
            return set(SASL_CLIENT_ID, clientId);
        }

        /** Sets the OAuth client secret; returns this builder. */
        public Builder clientSecret(@Nullable Secret clientSecret) {
            return set(SASL_CLIENT_SECRET, clientSecret);
        }

        /** Sets the OAuth scope; returns this builder. */
        public Builder scope(@Nullable String scope) {
            return set(SASL_SCOPE, scope);
        }

        /**
         * Builds the settings. They are checked when a {@link ClusterSettings} using them is built.
         *
         * @return the settings
         */
        @Override
        public SaslSettings build() {
            return new SaslSettings(v.copy());
        }
    }
}
