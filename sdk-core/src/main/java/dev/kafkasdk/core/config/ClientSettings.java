package dev.kafkasdk.core.config;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.internal.Checks;
import dev.kafkasdk.core.config.internal.DescribeTable;
import dev.kafkasdk.core.config.internal.KafkaKeys;
import dev.kafkasdk.core.config.internal.Problems;
import dev.kafkasdk.core.config.internal.PropertyTable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;

/**
 * What producer, consumer and admin settings share: a name, a cluster, typed values from
 * their key table, raw kafka-clients properties, and the rendering, checks and
 * {@code describe()} that iterate the table. Not part of the API; its public methods are
 * reached through {@link ProducerSettings}, {@link ConsumerSettings} and {@link AdminSettings}.
 */
abstract class ClientSettings extends TypedSettings {

    private volatile PropertyTable rendered;

    ClientSettings(Values values) {
        super(values);
    }

    /** @return the name in the configuration */
    public String name() {
        return v.name;
    }

    /** @return the cluster it connects to */
    public ClusterSettings cluster() {
        return v.cluster;
    }

    /** @return the raw kafka-clients properties, applied last */
    public Map<String, String> properties() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(v.raw));
    }

    /**
     * The value kafka-clients will use for a setting: explicitly set, else a raw property
     * for its kafka-clients key, else the preset's, else the SDK default, else kafka-clients'
     * own default. This is the typed read-back the clients use; nothing parses rendered
     * properties.
     *
     * @param key a key of this settings type's table
     * @param <T> the value type
     * @return the value, or empty when nobody, not even kafka-clients, gives one
     */
    public <T> Optional<T> effective(SettingKey<T> key) {
        Optional<T> explicit = explicit(key);
        if (explicit.isPresent()) {
            return explicit;
        }
        KafkaKeys.Client client = table().client().orElseThrow();
        Optional<String> kafkaKey = key.kafkaKey();
        Optional<T> raw = kafkaKey.filter(v.raw::containsKey).flatMap(k -> fromRaw(client, key, k));
        return raw.or(() -> get(key)).or(() -> kafkaKey.flatMap(k -> key.fromKafka(client.defaultObject(k))));
    }

    private <T> Optional<T> fromRaw(KafkaKeys.Client client, SettingKey<T> key, String kafkaKey) {
        try {
            return key.fromKafka(ConfigDef.parseType(kafkaKey, v.raw.get(kafkaKey), client.type(kafkaKey)));
        } catch (org.apache.kafka.common.config.ConfigException e) {
            return Optional.empty();
        }
    }

    /**
     * The exact properties to create the kafka-clients client with: bootstrap servers, client
     * id, security (with real secrets), preset and explicit values, SDK defaults, raw
     * properties. Durations are in milliseconds and sizes in bytes, as strings. Serializers are
     * not included.
     *
     * @return a new modifiable map the caller owns; it holds secrets: do not log it
     */
    public Map<String, Object> toProperties() {
        return rendered().toMap();
    }

    /**
     * Where the effective value of a kafka-clients key came from.
     *
     * @param kafkaKey e.g. {@code linger.ms}
     * @return its origin; {@link Origin#DEFAULT} if nobody set it
     */
    public Origin origin(String kafkaKey) {
        return rendered().get(kafkaKey).map(PropertyTable.Entry::origin).orElse(Origin.DEFAULT);
    }

    /**
     * A table of every effective property (those set, and kafka-clients defaults of the typed
     * keys), with values (secrets masked) and origins.
     *
     * @return multi-line text
     */
    public String describe() {
        List<String> described = table().keys().stream()
                .filter(k -> k.appliesTo(this))
                .flatMap(k -> k.kafkaKey().stream())
                .toList();
        return DescribeTable.render(
                table().label() + " '" + v.name + "'"
                        + presetName().map(p -> " (preset " + p + ")").orElse(""),
                rendered(),
                table().client().orElseThrow(),
                described,
                presetName().orElse(""));
    }

    /** @return the type, name, preset and effective properties with secrets masked */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[name=" + v.name
                + presetName().map(p -> ", preset=" + p).orElse("") + ", properties="
                + rendered().toMaskedMap() + "]";
    }

    /** The default client id: {@code <client-id-prefix>-<name>}, or none without a prefix. */
    static String defaultClientId(TypedSettings s) {
        ClientSettings c = (ClientSettings) s;
        return c.cluster().clientIdPrefix().map(p -> p + "-" + c.name()).orElse(null);
    }

    PropertyTable rendered() {
        PropertyTable t = rendered;
        if (t == null) {
            t = render();
            rendered = t;
        }
        return t;
    }

    /** Renders every key of the table that has a kafka-clients key, then the raw properties. */
    private PropertyTable render() {
        PropertyTable table = new PropertyTable();
        ClusterRenderer.render(v.cluster, table);
        String prefix = prefix();
        for (SettingKey<?> key : table().keys()) {
            key.kafkaKey().ifPresent(kafkaKey -> renderKey(table, prefix, key, kafkaKey));
        }
        String raw = table().rawSection().orElseThrow();
        v.raw.forEach((k, value) -> table.putRaw(
                k,
                value,
                Optional.ofNullable(v.origins.get(raw + "." + k)).orElse(Origin.CODE),
                prefix + raw + "." + k));
        return table;
    }

    private void renderKey(PropertyTable table, String prefix, SettingKey<?> key, String kafkaKey) {
        Optional<?> explicit = explicit(key);
        if (explicit.isPresent()) {
            table.put(
                    kafkaKey,
                    key.render(explicit.get()),
                    v.origins.getOrDefault(key.name(), Origin.CODE),
                    prefix + key.name());
            return;
        }
        Optional<?> preset = presetValue(key);
        if (preset.isPresent()) {
            table.put(kafkaKey, key.render(preset.get()), Origin.PRESET, prefix + key.name());
            return;
        }
        key.defaultValue()
                .map(Object.class::cast)
                .or(() -> key.computedDefault(this))
                .ifPresent(d -> table.put(kafkaKey, key.render(d), Origin.DEFAULT, prefix + key.name()));
    }

    String prefix() {
        return table().path().replace("<name>", v.name) + ".";
    }

    /**
     * Checks single values against their keys, raw properties against kafka-clients, then the
     * cross-field rules of the settings type.
     *
     * @throws ConfigException listing every problem
     */
    final void check() {
        Problems p = new Problems();
        String prefix = prefix();
        checkKeys(p, prefix);
        PropertyTable table = render();
        Checks.raw(p, table().client().orElseThrow(), prefix, v.raw, table);
        crossField(table, prefix, p);
        p.throwIfAny();
    }

    /** The settings type's cross-field rules, beside its key table. */
    abstract void crossField(PropertyTable table, String prefix, Problems p);

    /**
     * The builder shape of every client's settings.
     *
     * @param <S> the settings type
     * @param <B> the builder type
     */
    abstract static class ClientBuilder<S extends ClientSettings, B extends ClientBuilder<S, B>>
            extends TypedSettings.Builder<S, B> {

        ClientBuilder(Values values, KeyTable<?> table) {
            super(values, table);
        }

        /**
         * Sets the name (default {@code default}).
         *
         * @param name the name
         * @return this builder
         */
        public B name(String name) {
            v.name = Objects.requireNonNull(name, "name");
            return self();
        }

        /**
         * Sets the cluster to connect to (required).
         *
         * @param cluster the cluster
         * @return this builder
         */
        public B cluster(ClusterSettings cluster) {
            v.cluster = cluster;
            return self();
        }

        /**
         * Sets a raw kafka-clients property, applied after every typed setting. The key must be a
         * config of this kafka-clients client and must not repeat a typed setting set here.
         *
         * @param key   a kafka-clients key
         * @param value its value as text; {@code null} removes it
         * @return this builder
         */
        public B property(String key, String value) {
            v.raw(key, value, "properties");
            return self();
        }

        /**
         * Checks and builds the settings.
         *
         * @return the settings
         * @throws ConfigException listing every problem, with paths {@code <section>.<name>.<key>}
         */
        @Override
        public S build() {
            Values values = v.copy();
            if (values.cluster == null) {
                String section = table().path().replace(".<name>", "");
                throw new ConfigException(
                        section + "." + values.name,
                        null,
                        "has no cluster; set the cluster's bootstrap servers (cluster.bootstrap-servers)");
            }
            S settings = create(values);
            settings.check();
            return settings;
        }

        abstract S create(Values values);
    }
}
