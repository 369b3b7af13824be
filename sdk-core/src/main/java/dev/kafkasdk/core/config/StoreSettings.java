package dev.kafkasdk.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A TLS key store or trust store ({@code ssl.truststore.*} / {@code ssl.keystore.*}).
 * Immutable and thread-safe. Checked when the enclosing {@link ClusterSettings} is built:
 * a password or type without a location is an error, and so is a key store without a
 * password (unless its type is PEM).
 */
public final class StoreSettings {

    private final String location;
    private final Secret password;
    private final Secret keyPassword;
    private final String type;
    private final Map<String, Origin> origins;

    private StoreSettings(Builder b) {
        this.location = b.location;
        this.password = b.password;
        this.keyPassword = b.keyPassword;
        this.type = b.type;
        this.origins = Collections.unmodifiableMap(new LinkedHashMap<>(b.origins));
    }

    /**
     * Starts an empty store.
     *
     * @return a new builder; values set on it have origin {@link Origin#CODE}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts from a copy of an existing store.
     *
     * @param base the store to copy, origins included
     * @return a new builder
     */
    public static Builder from(StoreSettings base) {
        Builder b = new Builder();
        b.location = base.location;
        b.password = base.password;
        b.keyPassword = base.keyPassword;
        b.type = base.type;
        b.origins.putAll(base.origins);
        return b;
    }

    /**
     * The store file ({@code ssl.*store.location}).
     *
     * @return the path, or empty
     */
    public Optional<String> location() {
        return Optional.ofNullable(location);
    }

    /**
     * The store password ({@code ssl.*store.password}).
     *
     * @return the password, or empty
     */
    public Optional<Secret> password() {
        return Optional.ofNullable(password);
    }

    /**
     * The private key password of a key store ({@code ssl.key.password}).
     *
     * @return the password, or empty
     */
    public Optional<Secret> keyPassword() {
        return Optional.ofNullable(keyPassword);
    }

    /**
     * The store type ({@code JKS}, {@code PKCS12}, {@code PEM}).
     *
     * @return the type, or empty for kafka-clients' default (JKS)
     */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /**
     * Where each explicitly set value came from, keyed by file key ({@code location},
     * {@code password}, {@code key-password}, {@code type}).
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
        return location == null && password == null && keyPassword == null && type == null;
    }

    /**
     * Compares every value; origins are not compared.
     *
     * @param o another object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof StoreSettings s && Objects.equals(location, s.location)
                && Objects.equals(password, s.password) && Objects.equals(keyPassword, s.keyPassword)
                && Objects.equals(type, s.type);
    }

    /** @return a hash of every value */
    @Override
    public int hashCode() {
        return Objects.hash(location, password, keyPassword, type);
    }

    /**
     * A description with passwords masked.
     *
     * @return e.g. {@code StoreSettings[location=/etc/kafka/ts.p12, password=******, type=PKCS12]}
     */
    @Override
    public String toString() {
        return "StoreSettings[location=" + location + ", password=" + password + ", keyPassword=" + keyPassword
                + ", type=" + type + "]";
    }

    /** Builds {@link StoreSettings}. Not thread-safe. */
    public static final class Builder {
        private String location;
        private Secret password;
        private Secret keyPassword;
        private String type;
        private Origin origin = Origin.CODE;
        private final Map<String, Origin> origins = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the origin recorded for values set after this call ({@link Origin#CODE} until
         * changed). Loaders use it; application code rarely needs it.
         *
         * @param origin the origin
         * @return this builder
         */
        public Builder origin(Origin origin) {
            this.origin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /**
         * Sets the store file.
         *
         * @param location a path; {@code null} clears it
         * @return this builder
         */
        public Builder location(String location) {
            this.location = mark("location", location);
            return this;
        }

        /**
         * Sets the store password.
         *
         * @param password the password; {@code null} clears it
         * @return this builder
         */
        public Builder password(Secret password) {
            this.password = mark("password", password);
            return this;
        }

        /**
         * Sets the private key password (key stores only).
         *
         * @param keyPassword the password; {@code null} clears it
         * @return this builder
         */
        public Builder keyPassword(Secret keyPassword) {
            this.keyPassword = mark("key-password", keyPassword);
            return this;
        }

        /**
         * Sets the store type.
         *
         * @param type {@code JKS}, {@code PKCS12} or {@code PEM}; {@code null} clears it
         * @return this builder
         */
        public Builder type(String type) {
            this.type = mark("type", type);
            return this;
        }

        /**
         * Builds the store. It is checked when a {@link ClusterSettings} using it is built.
         *
         * @return the store
         */
        public StoreSettings build() {
            return new StoreSettings(this);
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
