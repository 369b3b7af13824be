package dev.kafkasdk.core.config;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.internal.DescribeTable;
import dev.kafkasdk.core.config.internal.KafkaKeys;
import dev.kafkasdk.core.config.internal.ProducerRules;
import dev.kafkasdk.core.config.internal.PropertyTable;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The settings of one named producer. Values resolve in this order, later winning: the
 * {@linkplain #preset() preset}, the document, {@code KAFKA_SDK_...} environment overrides,
 * builder calls; raw {@link #properties()} are applied last but may not repeat a typed
 * setting. Typed accessors return the effective typed value (explicit, else preset); they do
 * not look at raw properties. Immutable and thread-safe; always valid once built.
 */
public final class ProducerSettings {

    private final ClientValues v;
    private volatile PropertyTable table;

    private ProducerSettings(ClientValues values) {
        this.v = values;
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
        return new Builder(new ClientValues());
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

    /** @return the producer's name in the configuration */
    public String name() {
        return v.name;
    }

    /** @return the cluster it connects to */
    public ClusterSettings cluster() {
        return v.cluster;
    }

    /** @return the preset; {@link ProducerPreset#BALANCED} unless set */
    public ProducerPreset preset() {
        return v.get("preset", ProducerPreset.class).orElse(ProducerPreset.BALANCED);
    }

    /** @return {@code linger.ms}: explicit, else the preset's */
    public Duration linger() {
        return v.get("linger", Duration.class).orElse(preset().linger());
    }

    /** @return {@code batch.size}: explicit, else the preset's */
    public ByteSize batchSize() {
        return v.get("batch-size", ByteSize.class).orElse(preset().batchSize());
    }

    /** @return {@code compression.type}: explicit, else the preset's */
    public Compression compression() {
        return v.get("compression", Compression.class).orElse(preset().compression());
    }

    /** @return {@code buffer.memory}: explicit, else the preset's */
    public ByteSize bufferMemory() {
        return v.get("buffer-memory", ByteSize.class).orElse(preset().bufferMemory());
    }

    /** @return {@code acks}: explicit, else the preset's */
    public Acks acks() {
        return v.get("acks", Acks.class).orElse(preset().acks());
    }

    /** @return {@code enable.idempotence}: explicit, else the preset's */
    public boolean idempotence() {
        return v.get("idempotence", Boolean.class).orElse(preset().idempotence());
    }

    /** @return {@code max.block.ms}, or empty for kafka-clients' default (60 s) */
    public Optional<Duration> maxBlock() {
        return v.get("max-block", Duration.class);
    }

    /** @return {@code request.timeout.ms}, or empty for kafka-clients' default (30 s) */
    public Optional<Duration> requestTimeout() {
        return v.get("request-timeout", Duration.class);
    }

    /** @return {@code delivery.timeout.ms}: explicit, else the preset's, else empty (120 s) */
    public Optional<Duration> deliveryTimeout() {
        return v.get("delivery-timeout", Duration.class).or(() -> preset().deliveryTimeout());
    }

    /** @return {@code max.request.size}, or empty for kafka-clients' default (1 MiB) */
    public Optional<ByteSize> maxRequestSize() {
        return v.get("max-request-size", ByteSize.class);
    }

    /** @return {@code max.in.flight.requests.per.connection}: explicit, else the preset's, else empty (5) */
    public OptionalInt maxInFlight() {
        Optional<Integer> explicit = v.get("max-in-flight", Integer.class);
        return explicit.isPresent() ? OptionalInt.of(explicit.get()) : preset().maxInFlight();
    }

    /** @return {@code retries}: explicit, else the preset's, else empty (unlimited within the delivery timeout) */
    public OptionalInt retries() {
        Optional<Integer> explicit = v.get("retries", Integer.class);
        return explicit.isPresent() ? OptionalInt.of(explicit.get()) : preset().retries();
    }

    /** @return {@code transactional.id}, or empty for a non-transactional producer */
    public Optional<String> transactionalId() {
        return v.get("transactional-id", String.class);
    }

    /** @return {@code client.id}: explicit, else {@code <client-id-prefix>-<name>}, else empty */
    public Optional<String> clientId() {
        return v.get("client-id", String.class)
                .or(() -> v.cluster.clientIdPrefix().map(p -> p + "-" + v.name));
    }

    /** @return the raw kafka-clients properties, applied last */
    public Map<String, String> properties() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(v.raw));
    }

    /**
     * Where each explicitly set value came from, keyed by file key ({@code linger}, ...; raw
     * properties as {@code properties.<key>}).
     *
     * @return an unmodifiable map
     */
    public Map<String, Origin> origins() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(v.origins));
    }

    /**
     * The exact properties to create a {@code KafkaProducer} with: bootstrap servers, client
     * id, security (with real secrets), preset and explicit values, raw properties. Durations
     * are in milliseconds and sizes in bytes, as strings. Serializers are not included.
     *
     * @return a new modifiable map the caller owns; it holds secrets: do not log it
     */
    public Map<String, Object> toProperties() {
        return table().toMap();
    }

    /**
     * Where the effective value of a kafka-clients key came from.
     *
     * @param kafkaKey e.g. {@code linger.ms}
     * @return its origin; {@link Origin#DEFAULT} if nobody set it
     */
    public Origin origin(String kafkaKey) {
        return table().get(kafkaKey).map(PropertyTable.Entry::origin).orElse(Origin.DEFAULT);
    }

    /**
     * A table of every effective property (those set, and kafka-clients defaults of the typed
     * keys), with values (secrets masked) and origins.
     *
     * @return multi-line text
     */
    public String describe() {
        return DescribeTable.render("producer '" + v.name + "' (preset " + preset() + ")", table(),
                KafkaKeys.Client.PRODUCER, ProducerRules.TYPED_KEYS, preset().name());
    }

    /**
     * Compares name, cluster and every value; origins are not compared.
     *
     * @param o another object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ProducerSettings p && v.sameValues(p.v);
    }

    /** @return a hash of name, cluster and values */
    @Override
    public int hashCode() {
        return v.valuesHash();
    }

    /** @return the name, preset and effective properties with secrets masked */
    @Override
    public String toString() {
        return "ProducerSettings[name=" + v.name + ", preset=" + preset() + ", properties=" + table().toMaskedMap()
                + "]";
    }

    private PropertyTable table() {
        PropertyTable t = table;
        if (t == null) {
            t = ProducerRules.render(this);
            table = t;
        }
        return t;
    }

    /** Builds {@link ProducerSettings}. Setting a value to {@code null} clears it. Not thread-safe. */
    public static final class Builder {
        private final ClientValues v;

        private Builder(ClientValues values) {
            this.v = values;
        }

        /**
         * Sets the origin recorded for values set after this call ({@link Origin#CODE} until changed).
         *
         * @param origin the origin
         * @return this builder
         */
        public Builder origin(Origin origin) {
            v.origin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /** Sets the producer's name (default {@code default}); returns this builder. */
        public Builder name(String name) {
            v.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Sets the cluster to connect to (required); returns this builder. */
        public Builder cluster(ClusterSettings cluster) {
            v.cluster = cluster;
            return this;
        }

        /** Sets the preset (default BALANCED); returns this builder. */
        public Builder preset(ProducerPreset preset) {
            return set("preset", preset);
        }

        /** Sets {@code linger.ms}, zero or more; returns this builder. */
        public Builder linger(Duration linger) {
            return set("linger", linger);
        }

        /** Sets {@code batch.size}, at most 2 GiB - 1; returns this builder. */
        public Builder batchSize(ByteSize batchSize) {
            return set("batch-size", batchSize);
        }

        /** Sets {@code compression.type}; returns this builder. */
        public Builder compression(Compression compression) {
            return set("compression", compression);
        }

        /** Sets {@code buffer.memory}, more than zero; returns this builder. */
        public Builder bufferMemory(ByteSize bufferMemory) {
            return set("buffer-memory", bufferMemory);
        }

        /** Sets {@code acks}; returns this builder. */
        public Builder acks(Acks acks) {
            return set("acks", acks);
        }

        /** Sets {@code enable.idempotence}; needs acks ALL; returns this builder. */
        public Builder idempotence(Boolean idempotence) {
            return set("idempotence", idempotence);
        }

        /** Sets {@code max.block.ms}: how long {@code send()} may block; returns this builder. */
        public Builder maxBlock(Duration maxBlock) {
            return set("max-block", maxBlock);
        }

        /** Sets {@code request.timeout.ms}, more than zero; returns this builder. */
        public Builder requestTimeout(Duration requestTimeout) {
            return set("request-timeout", requestTimeout);
        }

        /** Sets {@code delivery.timeout.ms}, at least linger + request timeout; returns this builder. */
        public Builder deliveryTimeout(Duration deliveryTimeout) {
            return set("delivery-timeout", deliveryTimeout);
        }

        /** Sets {@code max.request.size}, more than zero; returns this builder. */
        public Builder maxRequestSize(ByteSize maxRequestSize) {
            return set("max-request-size", maxRequestSize);
        }

        /** Sets {@code max.in.flight.requests.per.connection}; at most 5 when idempotent; returns this builder. */
        public Builder maxInFlight(Integer maxInFlight) {
            return set("max-in-flight", maxInFlight);
        }

        /** Sets {@code retries}, zero or more; more than zero when idempotent; returns this builder. */
        public Builder retries(Integer retries) {
            return set("retries", retries);
        }

        /** Sets {@code transactional.id}; needs idempotence; returns this builder. */
        public Builder transactionalId(String transactionalId) {
            return set("transactional-id", transactionalId);
        }

        /** Sets {@code client.id} (default {@code <client-id-prefix>-<name>}); returns this builder. */
        public Builder clientId(String clientId) {
            return set("client-id", clientId);
        }

        /**
         * Sets a raw kafka-clients property, applied after every typed setting. The key must be a
         * producer config of kafka-clients and must not repeat a typed setting set on this producer.
         *
         * @param key   a {@code ProducerConfig} key
         * @param value its value as text; {@code null} removes it
         * @return this builder
         */
        public Builder property(String key, String value) {
            v.raw(key, value, "properties");
            return this;
        }

        /**
         * Checks and builds the settings.
         *
         * @return the settings
         * @throws ConfigException listing every problem, with paths {@code producers.<name>.<key>}
         */
        public ProducerSettings build() {
            ClientValues values = v.copy();
            values.requireCluster("producers");
            ProducerSettings settings = new ProducerSettings(values);
            ProducerRules.check(settings);
            return settings;
        }

        private Builder set(String key, Object value) {
            v.set(key, value);
            return this;
        }
    }
}
