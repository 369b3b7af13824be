package dev.kafkasdk.core.config;

import static dev.kafkasdk.core.config.ProducerKeys.ACKS;
import static dev.kafkasdk.core.config.ProducerKeys.BATCH_SIZE;
import static dev.kafkasdk.core.config.ProducerKeys.BUFFER_MEMORY;
import static dev.kafkasdk.core.config.ProducerKeys.CLIENT_ID;
import static dev.kafkasdk.core.config.ProducerKeys.COMPRESSION;
import static dev.kafkasdk.core.config.ProducerKeys.DELIVERY_TIMEOUT;
import static dev.kafkasdk.core.config.ProducerKeys.IDEMPOTENCE;
import static dev.kafkasdk.core.config.ProducerKeys.LINGER;
import static dev.kafkasdk.core.config.ProducerKeys.MAX_BLOCK;
import static dev.kafkasdk.core.config.ProducerKeys.MAX_IN_FLIGHT;
import static dev.kafkasdk.core.config.ProducerKeys.MAX_REQUEST_SIZE;
import static dev.kafkasdk.core.config.ProducerKeys.PRESET;
import static dev.kafkasdk.core.config.ProducerKeys.REQUEST_TIMEOUT;
import static dev.kafkasdk.core.config.ProducerKeys.RETRIES;
import static dev.kafkasdk.core.config.ProducerKeys.TRANSACTIONAL_ID;

import dev.kafkasdk.core.config.internal.Problems;
import dev.kafkasdk.core.config.internal.PropertyTable;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one named producer; its keys are declared once in {@link ProducerKeys}.
 * Values resolve in this order, later winning: the {@linkplain #preset() preset}, the
 * document, {@code KAFKA_SDK_...} environment overrides, builder calls; raw
 * {@link #properties()} are applied last but may not repeat a typed setting. Typed accessors
 * return the effective typed value (explicit, else preset); {@link #effective(SettingKey)}
 * also counts raw properties and kafka-clients defaults. Immutable and thread-safe; always
 * valid once built.
 */
public final class ProducerSettings extends ClientSettings {

    private ProducerSettings(Values values) {
        super(values);
    }

    /**
     * The default producer ({@link ProducerPreset#BALANCED}, nothing overridden).
     *
     * @param cluster the cluster to connect to
     * @return the settings, named {@code default}
     */
    public static ProducerSettings defaults(ClusterSettings cluster) {
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
    public static Builder from(ProducerSettings base) {
        return new Builder(base.v.copy());
    }

    @Override
    KeyTable<?> table() {
        return ProducerKeys.TABLE;
    }

    @Override
    void crossField(PropertyTable table, String prefix, Problems p) {
        ProducerKeys.crossField(this, prefix, p);
    }

    /** @return the preset; {@link ProducerPreset#BALANCED} unless set */
    public ProducerPreset preset() {
        return get(PRESET).orElseThrow();
    }

    /** @return {@code linger.ms}: explicit, else the preset's */
    public Duration linger() {
        return get(LINGER).orElseThrow();
    }

    /** @return {@code batch.size}: explicit, else the preset's */
    public ByteSize batchSize() {
        return get(BATCH_SIZE).orElseThrow();
    }

    /** @return {@code compression.type}: explicit, else the preset's */
    public Compression compression() {
        return get(COMPRESSION).orElseThrow();
    }

    /** @return {@code buffer.memory}: explicit, else the preset's */
    public ByteSize bufferMemory() {
        return get(BUFFER_MEMORY).orElseThrow();
    }

    /** @return {@code acks}: explicit, else the preset's */
    public Acks acks() {
        return get(ACKS).orElseThrow();
    }

    /** @return {@code enable.idempotence}: explicit, else the preset's */
    public boolean idempotence() {
        return get(IDEMPOTENCE).orElseThrow();
    }

    /** @return {@code max.block.ms}, or empty for kafka-clients' default (60 s) */
    public Optional<Duration> maxBlock() {
        return get(MAX_BLOCK);
    }

    /** @return {@code request.timeout.ms}, or empty for kafka-clients' default (30 s) */
    public Optional<Duration> requestTimeout() {
        return get(REQUEST_TIMEOUT);
    }

    /** @return {@code delivery.timeout.ms}: explicit, else the preset's, else empty (120 s) */
    public Optional<Duration> deliveryTimeout() {
        return get(DELIVERY_TIMEOUT);
    }

    /** @return {@code max.request.size}, or empty for kafka-clients' default (1 MiB) */
    public Optional<ByteSize> maxRequestSize() {
        return get(MAX_REQUEST_SIZE);
    }

    /** @return {@code max.in.flight.requests.per.connection}: explicit, else the preset's, else empty (5) */
    public OptionalInt maxInFlight() {
        return get(MAX_IN_FLIGHT).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** @return {@code retries}: explicit, else the preset's, else empty (unlimited within the delivery timeout) */
    public OptionalInt retries() {
        return get(RETRIES).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** @return {@code transactional.id}, or empty for a non-transactional producer */
    public Optional<String> transactionalId() {
        return get(TRANSACTIONAL_ID);
    }

    /** @return {@code client.id}: explicit, else {@code <client-id-prefix>-<name>}, else empty */
    public Optional<String> clientId() {
        return get(CLIENT_ID);
    }

    /**
     * Builds {@link ProducerSettings}: {@link #set(SettingKey, Object)} sets any key of
     * {@link ProducerKeys}; the named setters below are shortcuts. Setting a value to
     * {@code null} clears it. Not thread-safe.
     */
    public static final class Builder extends ClientBuilder<ProducerSettings, Builder> {

        private Builder(Values values) {
            super(values, ProducerKeys.TABLE);
        }

        @Override
        ProducerSettings create(Values values) {
            return new ProducerSettings(values);
        }

        /** Sets the preset (default BALANCED); returns this builder. */
        public Builder preset(@Nullable ProducerPreset preset) {
            return set(PRESET, preset);
        }

        /** Sets {@code linger.ms}, zero or more; returns this builder. */
        public Builder linger(@Nullable Duration linger) {
            return set(LINGER, linger);
        }

        /** Sets {@code batch.size}, at most 2 GiB - 1; returns this builder. */
        public Builder batchSize(@Nullable ByteSize batchSize) {
            return set(BATCH_SIZE, batchSize);
        }

        /** Sets {@code compression.type}; returns this builder. */
        public Builder compression(@Nullable Compression compression) {
            return set(COMPRESSION, compression);
        }

        /** Sets {@code buffer.memory}, more than zero; returns this builder. */
        public Builder bufferMemory(@Nullable ByteSize bufferMemory) {
            return set(BUFFER_MEMORY, bufferMemory);
        }

        /** Sets {@code acks}; returns this builder. */
        public Builder acks(@Nullable Acks acks) {
            return set(ACKS, acks);
        }

        /** Sets {@code enable.idempotence}; needs acks ALL; returns this builder. */
        public Builder idempotence(@Nullable Boolean idempotence) {
            return set(IDEMPOTENCE, idempotence);
        }

        /** Sets {@code max.block.ms}: how long {@code send()} may block; returns this builder. */
        public Builder maxBlock(@Nullable Duration maxBlock) {
            return set(MAX_BLOCK, maxBlock);
        }

        /** Sets {@code request.timeout.ms}, more than zero; returns this builder. */
        public Builder requestTimeout(@Nullable Duration requestTimeout) {
            return set(REQUEST_TIMEOUT, requestTimeout);
        }

        /** Sets {@code delivery.timeout.ms}, at least linger + request timeout; returns this builder. */
        public Builder deliveryTimeout(@Nullable Duration deliveryTimeout) {
            return set(DELIVERY_TIMEOUT, deliveryTimeout);
        }

        /** Sets {@code max.request.size}, more than zero; returns this builder. */
        public Builder maxRequestSize(@Nullable ByteSize maxRequestSize) {
            return set(MAX_REQUEST_SIZE, maxRequestSize);
        }

        /** Sets {@code max.in.flight.requests.per.connection}; at most 5 when idempotent; returns this builder. */
        public Builder maxInFlight(@Nullable Integer maxInFlight) {
            return set(MAX_IN_FLIGHT, maxInFlight);
        }

        /** Sets {@code retries}, zero or more; more than zero when idempotent; returns this builder. */
        public Builder retries(@Nullable Integer retries) {
            return set(RETRIES, retries);
        }

        /** Sets {@code transactional.id}; needs idempotence; returns this builder. */
        public Builder transactionalId(@Nullable String transactionalId) {
            return set(TRANSACTIONAL_ID, transactionalId);
        }

        /** Sets {@code client.id} (default {@code <client-id-prefix>-<name>}); returns this builder. */
        public Builder clientId(@Nullable String clientId) {
            return set(CLIENT_ID, clientId);
        }
    }
}
