package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.KafkaKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The keys of one configuration section in declaration order: what {@link ProducerKeys} and
 * the other key tables fill, one line per key. Filled while its declaring class initializes,
 * read-only afterwards. Not part of the API.
 *
 * @param <P> the section's preset enum, or {@link NoPreset}
 */
final class KeyTable<P> {

    /** The preset type of sections without presets. */
    enum NoPreset {}

    private final String path;
    private final String label;
    private final KafkaKeys.Client client;
    private final List<P> presets;
    private final String rawSection;
    private final List<SettingKey<?>> keys = new ArrayList<>();
    private final Map<String, KeyTable<?>> children = new LinkedHashMap<>();
    private SettingKey<P> presetKey;

    /**
     * @param path       the document path of one element, e.g. {@code producers.<name>}
     * @param label      the singular name used in messages, e.g. {@code producer}
     * @param client     the kafka-clients client it renders for, or {@code null}
     * @param presetType the preset enum, or {@code null}
     * @param rawSection the key of the raw escape hatch ({@code properties}), or {@code null}
     */
    KeyTable(String path, String label, KafkaKeys.Client client, Class<P> presetType, String rawSection) {
        this.path = path;
        this.label = label;
        this.client = client;
        this.presets = presetType == null ? List.of() : List.of(presetType.getEnumConstants());
        this.rawSection = rawSection;
    }

    String path() {
        return path;
    }

    String label() {
        return label;
    }

    Optional<KafkaKeys.Client> client() {
        return Optional.ofNullable(client);
    }

    List<P> presets() {
        return presets;
    }

    Optional<String> rawSection() {
        return Optional.ofNullable(rawSection);
    }

    List<SettingKey<?>> keys() {
        return Collections.unmodifiableList(keys);
    }

    Optional<SettingKey<P>> presetKey() {
        return Optional.ofNullable(presetKey);
    }

    /** Nested sections (e.g. {@code security} below {@code cluster}), in display order. */
    Map<String, KeyTable<?>> children() {
        return Collections.unmodifiableMap(children);
    }

    void child(String name, KeyTable<?> table) {
        children.put(name, table);
    }

    @SuppressWarnings("unchecked")
    void add(SettingKey<?> key) {
        keys.add(key);
        if (key.name().equals("preset") && !presets.isEmpty()) {
            presetKey = (SettingKey<P>) key;
        }
    }

    boolean isIntKey(String kafkaKey) {
        return kafkaKey != null && client != null && client.type(kafkaKey) == ConfigDef.Type.INT;
    }

    /** Declares the section's preset key (a key without a kafka-clients key). */
    @SuppressWarnings("unchecked")
    SettingKey.Def<P, P> preset(Function<String, P> parser) {
        Class<P> type = (Class<P>) ((Enum<?>) presets.get(0)).getDeclaringClass();
        return def("preset", SettingKey.Kind.ENUM, type, parser, p -> ((Enum<?>) p).name(), null);
    }

    SettingKey.Def<Duration, P> duration(String name, String kafkaKey) {
        return def(
                name,
                SettingKey.Kind.DURATION,
                Duration.class,
                Durations::parse,
                d -> Long.toString(d.toMillis()),
                kafkaKey);
    }

    SettingKey.Def<ByteSize, P> byteSize(String name, String kafkaKey) {
        return def(
                name,
                SettingKey.Kind.BYTE_SIZE,
                ByteSize.class,
                ByteSize::parse,
                s -> Long.toString(s.toBytes()),
                kafkaKey);
    }

    SettingKey.Def<Integer, P> integer(String name, String kafkaKey) {
        return def(name, SettingKey.Kind.INT, Integer.class, SettingKey::parseInt, Object::toString, kafkaKey);
    }

    SettingKey.Def<Boolean, P> bool(String name, String kafkaKey) {
        return def(name, SettingKey.Kind.BOOLEAN, Boolean.class, SettingKey::parseBoolean, Object::toString, kafkaKey);
    }

    SettingKey.Def<String, P> string(String name, String kafkaKey) {
        return def(name, SettingKey.Kind.STRING, String.class, Function.identity(), Function.identity(), kafkaKey);
    }

    SettingKey.Def<Secret, P> secret(String name, String kafkaKey) {
        return def(name, SettingKey.Kind.SECRET, Secret.class, Secret::of, Secret::reveal, kafkaKey);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    SettingKey.Def<List<String>, P> list(String name, String kafkaKey) {
        Function<String, List<String>> parser = text -> List.of(text.split(",", -1)).stream()
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .toList();
        return def(name, SettingKey.Kind.LIST, (Class) List.class, parser, l -> String.join(",", l), kafkaKey);
    }

    <E extends Enum<E>> SettingKey.Def<E, P> enumeration(
            String name, String kafkaKey, Class<E> type, Function<String, E> parser, Function<E, String> kafkaValue) {
        return def(name, SettingKey.Kind.ENUM, type, parser, kafkaValue, kafkaKey);
    }

    private <T> SettingKey.Def<T, P> def(
            String name,
            SettingKey.Kind kind,
            Class<T> type,
            Function<String, T> parser,
            Function<T, String> renderer,
            String kafkaKey) {
        return new SettingKey.Def<>(this, name, kind, type, parser, renderer, kafkaKey);
    }
}
