package dev.kafkasdk.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How clients secure their broker connections: the protocol, SASL credentials and TLS
 * stores. Immutable and thread-safe. Checked when the enclosing {@link ClusterSettings} is
 * built: SASL protocols need a mechanism and its credentials, SASL settings need a SASL
 * protocol, stores need an SSL protocol and a location.
 */
public final class SecuritySettings {

    private static final SecuritySettings NONE = builder().build();

    private final SecurityProtocol protocol;
    private final SaslSettings sasl;
    private final StoreSettings truststore;
    private final StoreSettings keystore;
    private final Map<String, Origin> origins;

    private SecuritySettings(Builder b) {
        this.protocol = b.protocol;
        this.sasl = b.sasl;
        this.truststore = b.truststore;
        this.keystore = b.keystore;
        this.origins = Collections.unmodifiableMap(new LinkedHashMap<>(b.origins));
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
        return new Builder();
    }

    /**
     * Starts from a copy of existing settings.
     *
     * @param base the settings to copy, origins included
     * @return a new builder
     */
    public static Builder from(SecuritySettings base) {
        Builder b = new Builder();
        b.protocol = base.protocol;
        b.sasl = base.sasl;
        b.truststore = base.truststore;
        b.keystore = base.keystore;
        b.origins.putAll(base.origins);
        return b;
    }

    /**
     * The protocol ({@code security.protocol}).
     *
     * @return the protocol, or empty for kafka-clients' default (PLAINTEXT)
     */
    public Optional<SecurityProtocol> protocol() {
        return Optional.ofNullable(protocol);
    }

    /**
     * SASL mechanism and credentials.
     *
     * @return the SASL settings, or empty
     */
    public Optional<SaslSettings> sasl() {
        return Optional.ofNullable(sasl);
    }

    /**
     * The trust store.
     *
     * @return the store, or empty to use the JVM's trusted certificates
     */
    public Optional<StoreSettings> truststore() {
        return Optional.ofNullable(truststore);
    }

    /**
     * The key store, for TLS client authentication.
     *
     * @return the store, or empty
     */
    public Optional<StoreSettings> keystore() {
        return Optional.ofNullable(keystore);
    }

    /**
     * Where each explicitly set value came from, keyed by file key ({@code protocol}).
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
        return o instanceof SecuritySettings s && protocol == s.protocol && Objects.equals(sasl, s.sasl)
                && Objects.equals(truststore, s.truststore) && Objects.equals(keystore, s.keystore);
    }

    /** @return a hash of every value */
    @Override
    public int hashCode() {
        return Objects.hash(protocol, sasl, truststore, keystore);
    }

    /**
     * A description with secrets masked.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "SecuritySettings[protocol=" + protocol + ", sasl=" + sasl + ", truststore=" + truststore
                + ", keystore=" + keystore + "]";
    }

    /** Builds {@link SecuritySettings}. Not thread-safe. */
    public static final class Builder {
        private SecurityProtocol protocol;
        private SaslSettings sasl;
        private StoreSettings truststore;
        private StoreSettings keystore;
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
         * Sets the protocol.
         *
         * @param protocol the protocol; {@code null} clears it
         * @return this builder
         */
        public Builder protocol(SecurityProtocol protocol) {
            this.protocol = protocol;
            if (protocol == null) {
                origins.remove("protocol");
            } else {
                origins.put("protocol", origin);
            }
            return this;
        }

        /**
         * Sets SASL mechanism and credentials.
         *
         * @param sasl the settings; {@code null} clears them
         * @return this builder
         */
        public Builder sasl(SaslSettings sasl) {
            this.sasl = sasl;
            return this;
        }

        /**
         * Sets the trust store.
         *
         * @param truststore the store; {@code null} clears it
         * @return this builder
         */
        public Builder truststore(StoreSettings truststore) {
            this.truststore = truststore;
            return this;
        }

        /**
         * Sets the key store.
         *
         * @param keystore the store; {@code null} clears it
         * @return this builder
         */
        public Builder keystore(StoreSettings keystore) {
            this.keystore = keystore;
            return this;
        }

        /**
         * Builds the settings. They are checked when a {@link ClusterSettings} using them is built.
         *
         * @return the settings
         */
        public SecuritySettings build() {
            return new SecuritySettings(this);
        }
    }
}
