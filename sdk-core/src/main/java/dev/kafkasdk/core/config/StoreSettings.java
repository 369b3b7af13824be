package dev.kafkasdk.core.config;

import static dev.kafkasdk.core.config.ClusterKeys.STORE_KEY_PASSWORD;
import static dev.kafkasdk.core.config.ClusterKeys.STORE_LOCATION;
import static dev.kafkasdk.core.config.ClusterKeys.STORE_PASSWORD;
import static dev.kafkasdk.core.config.ClusterKeys.STORE_TYPE;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A TLS key store or trust store ({@code ssl.truststore.*} / {@code ssl.keystore.*}); its keys
 * are declared once in {@link ClusterKeys}. Immutable and thread-safe. Checked when the
 * enclosing {@link ClusterSettings} is built: a password or type without a location is an
 * error, and so is a key store without a password (unless its type is PEM).
 */
public final class StoreSettings extends TypedSettings {

    private StoreSettings(Values values) {
        super(values);
    }

    /**
     * Starts empty store settings.
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
    public static Builder from(StoreSettings base) {
        return new Builder(base.v.copy());
    }

    @Override
    KeyTable<?> table() {
        return ClusterKeys.STORE;
    }

    /** @return the store file ({@code ssl.truststore.location} / {@code ssl.keystore.location}), or empty */
    public Optional<String> location() {
        return get(STORE_LOCATION);
    }

    /** @return the store password, or empty */
    public Optional<Secret> password() {
        return get(STORE_PASSWORD);
    }

    /** @return the private key's password ({@code ssl.key.password}, keystore only), or empty */
    public Optional<Secret> keyPassword() {
        return get(STORE_KEY_PASSWORD);
    }

    /** @return the store type (JKS, PKCS12, PEM), or empty for kafka-clients' default */
    public Optional<String> type() {
        return get(STORE_TYPE);
    }

    /**
     * Tells whether nothing is set.
     *
     * @return {@code true} if every value is empty
     */
    public boolean isEmpty() {
        return noValues();
    }

    /** Builds {@link StoreSettings}; setting a value to {@code null} clears it. Not thread-safe. */
    public static final class Builder extends TypedSettings.Builder<StoreSettings, Builder> {

        private Builder(Values values) {
            super(values, ClusterKeys.STORE);
        }

        /** Sets the store file; returns this builder. */
        public Builder location(@Nullable String location) {
            return set(STORE_LOCATION, location);
        }

        /** Sets the store password; returns this builder. */
        public Builder password(@Nullable Secret password) {
            return set(STORE_PASSWORD, password);
        }

        /** Sets the private key's password (keystore only); returns this builder. */
        public Builder keyPassword(@Nullable Secret keyPassword) {
            return set(STORE_KEY_PASSWORD, keyPassword);
        }

        /** Sets the store type; returns this builder. */
        public Builder type(@Nullable String type) {
            return set(STORE_TYPE, type);
        }

        /**
         * Builds the settings. They are checked when a {@link ClusterSettings} using them is built.
         *
         * @return the settings
         */
        @Override
        public StoreSettings build() {
            return new StoreSettings(v.copy());
        }
    }
}
