package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.Fields;
import dev.kafkasdk.core.config.internal.Problems;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One setting of a configuration section, declared once in its section's key table
 * ({@link ProducerKeys}, {@link ConsumerKeys}, {@link AdminKeys}, {@link TopicKeys},
 * {@link ClusterKeys}): its YAML name, type, the kafka-clients key it renders to, bounds,
 * default, preset values and one-line doc. Loading, environment overrides, checks,
 * rendering, {@code describe()}, typed read-back and the config reference all iterate
 * these tables. Read values with {@code settings.get(key)} or {@code settings.effective(key)}
 * and set them with {@code builder.set(key, value)}. Immutable and thread-safe.
 *
 * @param <T> the value type
 */
public final class SettingKey<T> {

    /** The value types a setting can have. */
    public enum Kind {
        /** A {@link Duration}, written with a unit ({@code 250ms}, {@code 5s}); rendered in ms. */
        DURATION("duration"),
        /** A {@link ByteSize}, written with a unit ({@code 64KiB}); rendered in bytes. */
        BYTE_SIZE("byte size"),
        /** One of a fixed set of names. */
        ENUM("enum"),
        /** A whole number. */
        INT("int"),
        /** {@code true} or {@code false}. */
        BOOLEAN("boolean"),
        /** Free text. */
        STRING("string"),
        /** A list, or comma-separated text. */
        LIST("list"),
        /** A {@link Secret}: masked wherever shown. */
        SECRET("secret");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** @return the name used in the config reference, e.g. {@code byte size} */
        public String label() {
            return label;
        }
    }

    private static final long INT_MAX = Integer.MAX_VALUE;

    private final KeyTable<?> table;
    private final String name;
    private final Kind kind;
    private final Class<T> type;
    private final Function<String, T> parser;
    private final Function<T, String> renderer;
    private final Function<T, String> displayer;
    private final String kafkaKey;
    private final long min;
    private final long max;
    private final String maxNote;
    private final boolean notBlank;
    private final T defaultValue;
    private final Function<TypedSettings, T> computedDefault;
    private final String defaultDoc;
    private final Map<String, T> presetValues;
    private final Predicate<TypedSettings> applies;
    private final String doc;

    private SettingKey(Def<T, ?> d, String doc) {
        this.table = d.table;
        this.name = d.name;
        this.kind = d.kind;
        this.type = d.type;
        this.parser = d.parser;
        this.renderer = d.renderer;
        this.displayer = d.displayer == null ? d.renderer : d.displayer;
        this.kafkaKey = d.kafkaKey;
        this.min = d.min;
        this.max = d.max;
        this.maxNote = d.maxNote;
        this.notBlank = d.notBlank;
        this.defaultValue = d.defaultValue;
        this.computedDefault = d.computedDefault;
        this.defaultDoc = d.defaultDoc;
        this.presetValues = Map.copyOf(d.presetValues);
        this.applies = d.applies;
        this.doc = doc;
    }

    /** @return the key as written in a configuration file, e.g. {@code linger} */
    public String name() {
        return name;
    }

    /** @return the section the key belongs to, e.g. {@code producers.<name>} */
    public String section() {
        return table.path();
    }

    /** @return the value type */
    public Kind kind() {
        return kind;
    }

    /** @return the Java type of values */
    public Class<T> type() {
        return type;
    }

    /** @return the kafka-clients key it renders to, or empty when it renders to none */
    public Optional<String> kafkaKey() {
        return Optional.ofNullable(kafkaKey);
    }

    /** @return the SDK's own default, or empty when the preset or kafka-clients decides */
    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** @return the value each preset sets, by preset name; empty when no preset sets it */
    public Map<String, T> presetValues() {
        return presetValues;
    }

    /** @return the one-line description */
    public String doc() {
        return doc;
    }

    /** @return {@code section.name} */
    @Override
    public String toString() {
        return table.path() + "." + name;
    }

    KeyTable<?> table() {
        return table;
    }

    T parse(String text) {
        return parser.apply(text);
    }

    String render(Object value) {
        return renderer.apply(type.cast(value));
    }

    T cast(Object value) {
        return type.cast(value);
    }

    boolean appliesTo(TypedSettings settings) {
        return applies.test(settings);
    }

    Optional<T> computedDefault(TypedSettings settings) {
        return computedDefault == null ? Optional.empty() : Optional.ofNullable(computedDefault.apply(settings));
    }

    /** The default as the reference shows it. */
    String defaultText() {
        if (defaultDoc != null) {
            return defaultDoc;
        }
        return defaultValue == null ? "" : display(defaultValue);
    }

    /** A value as the reference and messages show it. */
    String display(Object value) {
        if (value instanceof Duration d) {
            return Durations.format(d);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(Object::toString).collect(Collectors.joining(","));
        }
        if (kind == Kind.ENUM) {
            return displayer.apply(type.cast(value));
        }
        return kind == Kind.BOOLEAN || kind == Kind.INT ? render(value) : value.toString();
    }

    /** The bounds as the reference shows them. */
    String boundsText() {
        StringBuilder sb = new StringBuilder();
        if (kind == Kind.INT && min > Integer.MIN_VALUE) {
            sb.append(">= ").append(min);
        } else if (min > 0) {
            sb.append("> 0");
        }
        if (max < (kind == Kind.INT ? INT_MAX : Long.MAX_VALUE)) {
            sb.append(sb.length() > 0 ? ", " : "")
                    .append("<= ")
                    .append(max)
                    .append(kind == Kind.DURATION ? "ms" : kind == Kind.BYTE_SIZE ? " bytes" : "");
        }
        if (notBlank) {
            sb.append("not blank");
        }
        return sb.toString();
    }

    /** Records a problem if an explicitly set value breaks this key's bounds. */
    void check(Problems p, String path, Object value) {
        switch (kind) {
            case DURATION -> checkDuration(p, path, (Duration) value);
            case BYTE_SIZE -> checkSize(p, path, (ByteSize) value);
            case INT -> {
                int v = (Integer) value;
                if (v < min) {
                    p.invalid(path, Integer.toString(v), "must be at least " + min);
                } else if (v > max) {
                    p.invalid(path, Integer.toString(v), "is more than " + max + ", " + maxNote);
                }
            }
            case STRING -> {
                if (notBlank && ((String) value).isBlank()) {
                    p.invalid(path, (String) value, "must not be blank");
                }
            }
            default -> {}
        }
    }

    private void checkDuration(Problems p, String path, Duration d) {
        long ms = d.toMillis();
        if (ms == 0 && min > 0) {
            p.invalid(path, Durations.format(d), "must be more than zero");
        } else if (ms > max) {
            p.invalid(
                    path,
                    Durations.format(d),
                    "is too long; kafka-clients takes at most 2147483647ms (about 24d)" + " here");
        } else if (d.toNanos() % 1_000_000 != 0) {
            p.invalid(path, Durations.format(d), "has a fraction of a millisecond; kafka-clients counts whole ms");
        }
    }

    private void checkSize(Problems p, String path, ByteSize s) {
        if (s.toBytes() == 0 && min > 0) {
            p.invalid(path, s.toString(), "must be more than zero");
        } else if (s.toBytes() > max) {
            p.invalid(
                    path,
                    s.toString(),
                    "is too large; kafka-clients takes at most 2147483647 bytes (2GiB - 1)" + " here");
        }
    }

    /**
     * Converts a value as kafka-clients holds it (a parsed raw property or a kafka-clients
     * default) into this key's type.
     *
     * @return the value, or empty when there is none or it does not convert
     */
    Optional<T> fromKafka(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            Object converted = switch (kind) {
                case DURATION -> Duration.ofMillis(((Number) value).longValue());
                case BYTE_SIZE -> ByteSize.ofBytes(((Number) value).longValue());
                case INT -> ((Number) value).intValue();
                case BOOLEAN -> value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
                case LIST ->
                    value instanceof List<?> l
                            ? l.stream().map(Object::toString).toList()
                            : parse(value.toString());
                case SECRET ->
                    Secret.of(
                            value instanceof org.apache.kafka.common.config.types.Password pw
                                    ? pw.value()
                                    : value.toString());
                default -> parse(kafkaText(value));
            };
            return Optional.of(type.cast(converted));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String kafkaText(Object value) {
        if (value instanceof Class<?> c) {
            return c.getName();
        }
        if (value instanceof List<?> l) {
            return l.stream()
                    .map(o -> o instanceof Class<?> c ? c.getName() : o.toString())
                    .collect(Collectors.joining(","));
        }
        return value.toString();
    }

    /**
     * The declaration of one key, written as one line of a key table and ended by
     * {@link #doc(String)}. Not part of the API.
     *
     * @param <T> the value type
     * @param <P> the table's preset type
     */
    static final class Def<T, P> {
        private final KeyTable<P> table;
        private final String name;
        private final Kind kind;
        private final Class<T> type;
        private final Function<String, T> parser;
        private final Function<T, String> renderer;
        private Function<T, String> displayer;
        private final String kafkaKey;
        private long min;
        private long max;
        private String maxNote = "";
        private boolean notBlank;
        private T defaultValue;
        private Function<TypedSettings, T> computedDefault;
        private String defaultDoc;
        private final Map<String, T> presetValues = new LinkedHashMap<>();
        private Predicate<TypedSettings> applies = s -> true;

        Def(
                KeyTable<P> table,
                String name,
                Kind kind,
                Class<T> type,
                Function<String, T> parser,
                Function<T, String> renderer,
                String kafkaKey) {
            this.table = table;
            this.name = name;
            this.kind = kind;
            this.type = type;
            this.parser = parser;
            this.renderer = renderer;
            this.kafkaKey = kafkaKey;
            this.min = kind == Kind.INT ? Integer.MIN_VALUE : 0;
            this.max = kind == Kind.INT || table.isIntKey(kafkaKey) ? INT_MAX : Long.MAX_VALUE;
        }

        /** Zero is not allowed (durations, sizes). */
        Def<T, P> positive() {
            min = 1;
            return this;
        }

        /** The smallest allowed whole number. */
        Def<T, P> atLeast(long least) {
            min = least;
            return this;
        }

        /** The largest allowed value (ms, bytes, or whole number), with why. */
        Def<T, P> atMost(long most, String why) {
            max = most;
            maxNote = why;
            return this;
        }

        /** Text that, when set, must not be blank. */
        Def<T, P> notBlank() {
            notBlank = true;
            return this;
        }

        /** How the reference and messages spell a value, when not as kafka-clients does. */
        Def<T, P> spelledAs(Function<T, String> spelling) {
            displayer = spelling;
            return this;
        }

        /** The SDK's own default, rendered with origin DEFAULT when nobody sets the key. */
        Def<T, P> defaultValue(T value) {
            defaultValue = value;
            return this;
        }

        /** A default that depends on other settings, rendered with origin DEFAULT. */
        Def<T, P> computedDefault(Function<TypedSettings, T> compute, String doc) {
            computedDefault = compute;
            defaultDoc = doc;
            return this;
        }

        /** The value each preset sets ({@code null}: the preset leaves it alone). */
        Def<T, P> preset(Function<P, T> value) {
            for (P preset : table.presets()) {
                T v = value.apply(preset);
                if (v != null) {
                    presetValues.put(((Enum<?>) preset).name(), v);
                }
            }
            return this;
        }

        /** Whether {@code describe()} lists the key's kafka-clients default for given settings. */
        Def<T, P> appliesWhen(Predicate<TypedSettings> when) {
            applies = when;
            return this;
        }

        /** Ends the declaration: the key, added to its table. */
        SettingKey<T> doc(String doc) {
            SettingKey<T> key = new SettingKey<>(this, doc);
            table.add(key);
            return key;
        }
    }

    static Integer parseInt(String text) {
        return Fields.parseInt(text);
    }

    static Boolean parseBoolean(String text) {
        return Fields.parseBoolean(text);
    }
}
