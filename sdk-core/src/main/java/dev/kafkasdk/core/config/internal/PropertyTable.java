package dev.kafkasdk.core.config.internal;

import dev.kafkasdk.core.config.Origin;
import dev.kafkasdk.core.config.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kafka-clients properties of one client with, for each, its origin and the setting that
 * produced it. Typed values go in first, raw {@code properties} last; a raw key that repeats
 * an explicitly set typed one is recorded as a conflict. Not thread-safe while filled;
 * read-only afterwards. Not part of the API.
 */
public final class PropertyTable {

    /**
     * One property.
     *
     * @param key     the kafka-clients key
     * @param value   the value as kafka-clients accepts it
     * @param origin  where it came from
     * @param setting the document path of the setting that produced it
     * @param secret  whether the value must be masked when shown
     */
    public record Entry(String key, String value, Origin origin, String setting, boolean secret) {
        /**
         * The value, masked when secret and shortened when long.
         *
         * @return the value to show
         */
        public String shownValue() {
            return secret ? Secret.MASK : Limits.shorten(value);
        }
    }

    /**
     * A raw property that repeats a typed setting.
     *
     * @param key          the kafka-clients key both set
     * @param typedSetting the typed setting's path
     * @param rawSetting   the raw property's path
     */
    public record Conflict(String key, String typedSetting, String rawSetting) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<Conflict> conflicts = new ArrayList<>();

    /**
     * Sets a property from a typed setting, replacing an earlier value.
     *
     * @param key     the kafka-clients key
     * @param value   the value
     * @param origin  its origin
     * @param setting the setting's document path
     */
    public void put(String key, String value, Origin origin, String setting) {
        entries.put(key, new Entry(key, value, origin, setting, KafkaKeys.isPassword(key)));
    }

    /**
     * Sets a property from the raw {@code properties} escape hatch. It replaces preset and
     * default values; if a typed setting set the key explicitly, a conflict is recorded.
     *
     * @param key     the kafka-clients key
     * @param value   the value
     * @param origin  its origin
     * @param setting the raw property's document path
     */
    public void putRaw(String key, String value, Origin origin, String setting) {
        Entry existing = entries.get(key);
        if (existing != null && existing.origin().isExplicit()) {
            conflicts.add(new Conflict(key, existing.setting(), setting));
        }
        put(key, value, origin, setting);
    }

    /**
     * One property.
     *
     * @param key the kafka-clients key
     * @return the entry, or empty
     */
    public Optional<Entry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /**
     * Every property in insertion order.
     *
     * @return an unmodifiable view
     */
    public Collection<Entry> entries() {
        return Collections.unmodifiableCollection(entries.values());
    }

    /**
     * Raw properties that repeat typed settings.
     *
     * @return the conflicts
     */
    public List<Conflict> conflicts() {
        return List.copyOf(conflicts);
    }

    /**
     * The properties with real values, for kafka-clients.
     *
     * @return a new modifiable map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        entries.values().forEach(e -> map.put(e.key(), e.value()));
        return map;
    }

    /**
     * The properties with secrets masked, for display.
     *
     * @return a new map
     */
    public Map<String, String> toMaskedMap() {
        Map<String, String> map = new LinkedHashMap<>();
        entries.values().forEach(e -> map.put(e.key(), e.shownValue()));
        return map;
    }
}
