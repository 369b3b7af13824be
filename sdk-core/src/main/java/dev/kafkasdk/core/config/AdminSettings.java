package dev.kafkasdk.core.config;

import static dev.kafkasdk.core.config.AdminKeys.CLIENT_ID;
import static dev.kafkasdk.core.config.AdminKeys.DEFAULT_API_TIMEOUT;
import static dev.kafkasdk.core.config.AdminKeys.REQUEST_TIMEOUT;

import dev.kafkasdk.core.config.internal.Problems;
import dev.kafkasdk.core.config.internal.PropertyTable;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one named admin client; its keys are declared once in {@link AdminKeys}.
 * Immutable and thread-safe; always valid once built.
 */
public final class AdminSettings extends ClientSettings {

    private AdminSettings(Values values) {
        super(values);
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
        return new Builder(new Values());
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

    @Override
    KeyTable<?> table() {
        return AdminKeys.TABLE;
    }

    @Override
    void crossField(PropertyTable table, String prefix, Problems p) {
        AdminKeys.crossField(this, prefix, p);
    }

    /** @return {@code request.timeout.ms}, or empty (30 s) */
    public Optional<Duration> requestTimeout() {
        return get(REQUEST_TIMEOUT);
    }

    /** @return {@code default.api.timeout.ms}, or empty (60 s) */
    public Optional<Duration> defaultApiTimeout() {
        return get(DEFAULT_API_TIMEOUT);
    }

    /** @return {@code client.id}: explicit, else {@code <client-id-prefix>-<name>}, else empty */
    public Optional<String> clientId() {
        return get(CLIENT_ID);
    }

    /**
     * Builds {@link AdminSettings}: {@link #set(SettingKey, Object)} sets any key of
     * {@link AdminKeys}. Setting a value to {@code null} clears it. Not thread-safe.
     */
    public static final class Builder extends ClientBuilder<AdminSettings, Builder> {

        private Builder(Values values) {
            super(values, AdminKeys.TABLE);
        }

        @Override
        AdminSettings create(Values values) {
            return new AdminSettings(values);
        }

        /** Sets {@code request.timeout.ms}; returns this builder. */
        public Builder requestTimeout(@Nullable Duration timeout) {
            return set(REQUEST_TIMEOUT, timeout);
        }

        /** Sets {@code default.api.timeout.ms}, at least the request timeout; returns this builder. */
        public Builder defaultApiTimeout(@Nullable Duration timeout) {
            return set(DEFAULT_API_TIMEOUT, timeout);
        }

        /** Sets {@code client.id}; returns this builder. */
        public Builder clientId(@Nullable String clientId) {
            return set(CLIENT_ID, clientId);
        }
    }
}
