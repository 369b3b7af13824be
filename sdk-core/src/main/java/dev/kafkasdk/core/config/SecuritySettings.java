package dev.kafkasdk.core.config;

import static dev.kafkasdk.core.config.ClusterKeys.PROTOCOL;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How clients secure their broker connections: the protocol, SASL credentials and TLS
 * stores; its keys are declared once in {@link ClusterKeys}. Immutable and thread-safe.
 * Checked when the enclosing {@link ClusterSettings} is built: SASL protocols need a
 * mechanism and its credentials, SASL settings need a SASL protocol, stores need an SSL
 * protocol and a location.
 */
public final class SecuritySettings extends TypedSettings {

    private static final SecuritySettings NONE = builder().build();

    private SecuritySettings(Values values) {
        super(values);
    }

    /**
     * No security settings: kafka-clients' default, PLAINTEXT.
     *
     * @return the shared empty instance
     */
    public static SecuritySettings none() {
        return NONE;
    }

    /**
     * Starts empty security settings.
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
    public static Builder from(SecuritySettings base) {
        return new Builder(base.v.copy());
    }

    @Override
    KeyTable<?> table() {
        return ClusterKeys.SECURITY;
    }

    /** @return the protocol ({@code security.protocol}), or empty for kafka-clients' default (PLAINTEXT) */
    public Optional<SecurityProtocol> protocol() {
        return get(PROTOCOL);
    }

    /** @return the SASL settings, or empty */
    public Optional<SaslSettings> sasl() {
        return section("sasl", SaslSettings.class);
    }

    /** @return the trust store, or empty to use the JVM's trusted certificates */
    public Optional<StoreSettings> truststore() {
        return section("truststore", StoreSettings.class);
    }

    /** @return the key store, for TLS client authentication, or empty */
    public Optional<StoreSettings> keystore() {
        return section("keystore", StoreSettings.class);
    }

    /** Builds {@link SecuritySettings}; setting a value to {@code null} clears it. Not thread-safe. */
    public static final class Builder extends TypedSettings.Builder<SecuritySettings, Builder> {

        private Builder(Values values) {
            super(values, ClusterKeys.SECURITY);
        }

        /** Sets the protocol; returns this builder. */
        public Builder protocol(@Nullable SecurityProtocol protocol) {
            return set(PROTOCOL, protocol);
        }

        /** Sets SASL mechanism and credentials; returns this builder. */
        public Builder sasl(@Nullable SaslSettings sasl) {
            return section("sasl", sasl);
        }

        /** Sets the trust store; returns this builder. */
        public Builder truststore(@Nullable StoreSettings truststore) {
            return section("truststore", truststore);
        }

        /** Sets the key store; returns this builder. */
        public Builder keystore(@Nullable StoreSettings keystore) {
            return section("keystore", keystore);
        }

        /**
         * Builds the settings. They are checked when a {@link ClusterSettings} using them is built.
         *
         * @return the settings
         */
        @Override
        public SecuritySettings build() {
            return new SecuritySettings(v.copy());
        }
    }
}
