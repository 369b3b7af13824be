package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.Problems;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The one shape of every settings type: an immutable set of typed values keyed by the
 * {@link SettingKey}s of one key table, with the origin of each, and a builder. A value
 * resolves as: explicitly set, else the preset's, else the SDK default. Not part of the API;
 * its public methods are reached through the public settings classes.
 */
abstract class TypedSettings {

    final Values v;

    TypedSettings(Values values) {
        this.v = values;
    }

    /** @return the key table of this settings type */
    abstract KeyTable<?> table();

    /**
     * The value of a setting: explicitly set, else the preset's, else the SDK default.
     * kafka-clients' own default is not looked at; see {@code effective(key)} on clients.
     *
     * @param key a key of this settings type's table
     * @param <T> the value type
     * @return the value, or empty when nothing sets it
     * @throws IllegalArgumentException if the key belongs to another table
     */
    public <T> Optional<T> get(SettingKey<T> key) {
        requireOwn(key);
        return explicit(key)
                .or(() -> presetValue(key))
                .or(() -> key.defaultValue())
                .or(() -> key.computedDefault(this));
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
     * Compares the type and every value; origins are not compared.
     *
     * @param o another object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && v.sameValues(((TypedSettings) o).v);
    }

    /** @return a hash of every value */
    @Override
    public int hashCode() {
        return v.valuesHash();
    }

    /**
     * A description of every key with its value; secrets show as {@value Secret#MASK}.
     *
     * @return e.g. {@code StoreSettings[location=/etc/kafka/ts.p12, password=******, key-password=null, type=PKCS12]}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('[');
        String sep = "";
        for (SettingKey<?> key : table().keys()) {
            sb.append(sep)
                    .append(key.name())
                    .append('=')
                    .append(explicit(key).map(key::display).orElse("null"));
            sep = ", ";
        }
        v.sections.forEach(
                (name, section) -> sb.append(", ").append(name).append('=').append(section));
        return sb.append(']').toString();
    }

    /** @return whether nothing is set */
    boolean noValues() {
        return v.values.isEmpty() && v.sections.isEmpty();
    }

    /** A nested section, e.g. {@code sasl} of security settings. */
    <S extends TypedSettings> Optional<S> section(String name, Class<S> type) {
        return Optional.ofNullable(v.sections.get(name)).map(type::cast);
    }

    <T> Optional<T> explicit(SettingKey<T> key) {
        return Optional.ofNullable(v.values.get(key)).map(key::cast);
    }

    <T> Optional<T> presetValue(SettingKey<T> key) {
        if (key.presetValues().isEmpty()) {
            return Optional.empty();
        }
        return presetName().map(p -> key.presetValues().get(p));
    }

    /** @return the name of the effective preset, or empty for tables without presets */
    Optional<String> presetName() {
        return table().presetKey().flatMap(this::get).map(p -> ((Enum<?>) p).name());
    }

    /** Records a problem for every explicitly set value that breaks its key's bounds. */
    void checkKeys(Problems p, String prefix) {
        for (SettingKey<?> key : table().keys()) {
            explicit(key).ifPresent(value -> key.check(p, prefix + key.name(), value));
        }
    }

    private void requireOwn(SettingKey<?> key) {
        if (key.table() != table()) {
            throw new IllegalArgumentException(key + " is not a setting of " + table().path());
        }
    }

    /**
     * The value store: typed values by key, their origins, and the raw escape hatch. Mutable
     * inside a builder; each built settings object holds its own frozen copy.
     */
    static final class Values {
        String name = "default";
        ClusterSettings cluster;
        Origin origin = Origin.CODE;
        final Map<SettingKey<?>, Object> values = new LinkedHashMap<>();
        final Map<String, String> raw = new TreeMap<>();
        final Map<String, Origin> origins = new LinkedHashMap<>();
        final Map<String, TypedSettings> sections = new LinkedHashMap<>();

        void set(SettingKey<?> key, Object value) {
            if (value == null) {
                values.remove(key);
                origins.remove(key.name());
            } else {
                values.put(key, key.cast(value));
                origins.put(key.name(), origin);
            }
        }

        void raw(String key, String value, String section) {
            Objects.requireNonNull(key, "key");
            if (value == null) {
                raw.remove(key);
                origins.remove(section + "." + key);
            } else {
                raw.put(key, value);
                origins.put(section + "." + key, origin);
            }
        }

        Values copy() {
            Values c = new Values();
            c.name = name;
            c.cluster = cluster;
            c.values.putAll(values);
            c.raw.putAll(raw);
            c.origins.putAll(origins);
            c.sections.putAll(sections);
            return c;
        }

        boolean sameValues(Values other) {
            return name.equals(other.name)
                    && Objects.equals(cluster, other.cluster)
                    && values.equals(other.values)
                    && raw.equals(other.raw)
                    && sections.equals(other.sections);
        }

        int valuesHash() {
            return Objects.hash(name, cluster, values, raw, sections);
        }
    }

    /**
     * The builder shape shared by every settings type. Setting a value to {@code null} clears
     * it. Not thread-safe.
     *
     * @param <S> the settings type
     * @param <B> the builder type
     */
    abstract static class Builder<S, B extends Builder<S, B>> {
        final Values v;
        private final KeyTable<?> table;

        Builder(Values values, KeyTable<?> table) {
            this.v = values;
            this.table = table;
        }

        KeyTable<?> table() {
            return table;
        }

        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
        }

        /**
         * Sets the origin recorded for values set after this call ({@link Origin#CODE} until changed).
         *
         * @param origin the origin
         * @return this builder
         */
        public B origin(Origin origin) {
            v.origin = Objects.requireNonNull(origin, "origin");
            return self();
        }

        /**
         * Sets any setting of this settings type's key table.
         *
         * @param key   the key, e.g. {@link ProducerKeys#LINGER}
         * @param value the value; {@code null} clears it
         * @param <T>   the value type
         * @return this builder
         * @throws IllegalArgumentException if the key belongs to another table
         */
        public <T> B set(SettingKey<T> key, @Nullable T value) {
            if (key.table() != table) {
                throw new IllegalArgumentException(key + " is not a setting of " + table.path());
            }
            v.set(key, value);
            return self();
        }

        /** Sets or clears a nested section. */
        B section(String name, @Nullable TypedSettings section) {
            if (section == null) {
                v.sections.remove(name);
            } else {
                v.sections.put(name, section);
            }
            return self();
        }

        /**
         * Checks and builds the settings.
         *
         * @return the settings
         * @throws dev.kafkasdk.core.ConfigException listing every problem
         */
        public abstract S build();
    }
}
