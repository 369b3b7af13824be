package dev.kafkasdk.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.ConfigProblem;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Mutates the complete example configuration and loads every mutation in YAML, JSON and
 * properties. Each try applies one to three mutations to the document tree (delete, duplicate,
 * rename or swap keys, values of the wrong type or shape, huge values, deep nesting, unicode,
 * a literal secret) and renders it in all three formats, then one mutation to each rendered
 * text (truncation, quotes removed, a byte order mark, lines deleted, duplicated or swapped,
 * stray characters, a huge line, deep nesting, an unquoted secret). Every load must give a
 * configuration or a {@link ConfigException} whose problems all have a path; no secret may
 * appear in a message, a problem, {@code toString()} or {@code describe()}; a tree mutation
 * must load identically (or fail) in all three formats. The seed is fixed so that the build is
 * repeatable; change it to explore other mutations.
 */
class LoaderFuzzPropertyTest {

    static final Map<String, String> ENV = Map.of(
            "KAFKA_PASSWORD", "kafkaPw-7QzXv",
            "TRUSTSTORE_PASSWORD", "trustPw-8RyWq",
            "KEYSTORE_PASSWORD", "storePw-9SxVn",
            "KEY_PASSWORD", "keyPw-1TwUm");
    static final Set<String> SECRET_KEYS = Set.of("password", "key-password", "client-secret");
    static final List<String> FORMATS = List.of("yaml", "json", "properties");
    static final Doc EXAMPLE = exampleTree();

    static final AtomicInteger TREE_MUTATIONS = new AtomicInteger();
    static final AtomicInteger TEXT_MUTATIONS = new AtomicInteger();
    static final AtomicInteger LOADS = new AtomicInteger();
    static final AtomicInteger LOADED_EVERYWHERE = new AtomicInteger();
    static final long STARTED = System.nanoTime();

    @Property(tries = 1000, seed = "20261203", shrinking = ShrinkingMode.OFF,
            afterFailure = AfterFailureMode.SAMPLE_FIRST)
    void everyMutationIsAConfigOrAConfigExceptionAndLeaksNoSecret(@ForAll long seed) {
        Random r = new Random(seed);
        Doc doc = EXAMPLE.copy();
        Set<String> secrets = new HashSet<>(ENV.values());
        int n = 1 + r.nextInt(3);
        List<String> applied = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            applied.add(TreeMutation.apply(doc, r, secrets));
            TREE_MUTATIONS.incrementAndGet();
        }
        doc.prune();
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (String format : FORMATS) {
            texts.put(format, Render.as(format, doc));
            outcomes.put(format, load(format, texts.get(format), secrets, applied));
        }
        assertSameEverywhere(outcomes, applied);
        for (String format : FORMATS) {
            String text = texts.get(format);
            Set<String> textSecrets = new HashSet<>(secrets);
            TextMutation mutation = TextMutation.apply(format, text, r, textSecrets);
            TEXT_MUTATIONS.incrementAndGet();
            Outcome after = load(format, mutation.text(), textSecrets, List.of(mutation.name()));
            if (mutation.name().equals("bom")) {
                assertThat(after.shown()).as("a BOM changed the %s result", format).isEqualTo(outcomes.get(format).shown());
            }
            if (mutation.name().equals("huge line")) {
                assertThat(after.config()).as("a %s document over 1 MiB loaded", format).isNull();
            }
        }
    }

    @AfterContainer
    static void report() {
        System.out.printf("loader fuzz: %d tree mutations (each loaded in 3 formats), %d text mutations, %d loads, "
                        + "%d tries loaded in all formats, %.1f s (%.1f s of CPU)%n", TREE_MUTATIONS.get(),
                TEXT_MUTATIONS.get(), LOADS.get(), LOADED_EVERYWHERE.get(), (System.nanoTime() - STARTED) / 1e9,
                ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9);
    }

    /** A load's result: the configuration, or the problems. */
    record Outcome(KafkaSdkConfig config, ConfigException error, String shown) {
    }

    static Outcome load(String format, String text, Set<String> secrets, List<String> applied) {
        LOADS.incrementAndGet();
        KafkaSdkConfig.Loader loader = KafkaSdkConfig.loader().environment(ENV);
        loader = switch (format) {
            case "json" -> loader.json(text);
            case "properties" -> loader.properties(text);
            default -> loader.yaml(text);
        };
        long start = System.nanoTime();
        try {
            KafkaSdkConfig config = loader.load();
            String shown = config.describe() + "\n" + config;
            assertNoSecret(shown, secrets, format, applied);
            return new Outcome(config, null, shown);
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                assertThat(p.path()).as("a problem without a path: %s", p).isNotBlank();
                assertNoSecret(p.toString() + " " + p.value(), secrets, format, applied);
            }
            assertNoSecret(e.getMessage(), secrets, format, applied);
            assertThat(e.getMessage().length()).as("message length").isLessThan(100_000);
            return new Outcome(null, e, "rejected");
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable t) {
            return fail("%s after %s in %s: %s", t.getClass().getName(), applied, format, t, t);
        } finally {
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms to load %s after %s", format, applied)
                    .isLessThan(5_000);
        }
    }

    static void assertNoSecret(String text, Set<String> secrets, String format, List<String> applied) {
        for (String secret : secrets) {
            if (text.contains(secret)) {
                fail("secret '%s' shown in %s after %s:%n%s", secret, format, applied, text);
            }
        }
    }

    static void assertSameEverywhere(Map<String, Outcome> outcomes, List<String> applied) {
        Outcome yaml = outcomes.get("yaml");
        for (String format : List.of("json", "properties")) {
            Outcome other = outcomes.get(format);
            assertThat(other.shown()).as("%s and yaml disagree after %s; yaml: %s; %s: %s", format, applied,
                    yaml.error() == null ? "loaded" : yaml.error().getMessage(), format,
                    other.error() == null ? "loaded" : other.error().getMessage()).isEqualTo(yaml.shown());
        }
        if (yaml.config() != null) {
            LOADED_EVERYWHERE.incrementAndGet();
        }
    }

    // the document tree

    /** A map that keeps its keys in order and may hold one twice; values are text or maps. */
    static final class Doc {
        final List<String> keys = new ArrayList<>();
        final List<Object> values = new ArrayList<>();

        Doc put(String key, Object value) {
            keys.add(key);
            values.add(value);
            return this;
        }

        Doc copy() {
            Doc d = new Doc();
            for (int i = 0; i < keys.size(); i++) {
                d.put(keys.get(i), values.get(i) instanceof Doc m ? m.copy() : values.get(i));
            }
            return d;
        }

        /** Drops empty maps: properties cannot write them, so no format gets them. */
        boolean prune() {
            for (int i = keys.size() - 1; i >= 0; i--) {
                if (values.get(i) instanceof Doc m && m.prune()) {
                    keys.remove(i);
                    values.remove(i);
                }
            }
            return keys.isEmpty();
        }

        /** Every entry of the tree, depth first. */
        List<Slot> slots(String path) {
            List<Slot> all = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                String p = path.isEmpty() ? keys.get(i) : path + "." + keys.get(i);
                all.add(new Slot(this, i, p));
                if (values.get(i) instanceof Doc m) {
                    all.addAll(m.slots(p));
                }
            }
            return all;
        }
    }

    /** One entry of a map, with its path. */
    record Slot(Doc parent, int index, String path) {
        String key() {
            return parent.keys.get(index);
        }

        Object value() {
            return parent.values.get(index);
        }

        boolean secret() {
            return SECRET_KEYS.contains(key()) || path.contains("password");
        }

        boolean holdsSecret() {
            return secret() || value() instanceof Doc d && d.slots(path).stream().anyMatch(Slot::secret);
        }
    }

    static Doc exampleTree() {
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(FullExampleGoldenTest.example("json")));
            return toDoc(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Doc toDoc(JsonNode node) {
        Doc d = new Doc();
        node.properties().forEach(e -> {
            JsonNode v = e.getValue();
            Object value = v.isObject() ? toDoc(v) : v.isArray()
                    ? String.join(",", v.valueStream().map(JsonNode::asText).toList()) : v.asText();
            d.put(e.getKey(), value);
        });
        return d;
    }

    // mutations

    /** Mutations of the tree, rendered alike in every format. */
    static final class TreeMutation {
        static final String[] WORDS = {"", "-1", "0", "1", "99999999999999999999", "1.5", "true", "false", "null",
            "none", "ALL", "5 parsecs", "10ms", "64KiB", "PT5S", "${UNSET_VARIABLE}", "${UNSET:fallback}",
            "$${literal}", "${", "a b", " leading", "trailing ", "two\nlines", "quote\"s", "it's", "back\\slash",
            "tab\there", "#hash", "!bang", "key=value", "colon: here", "{flow: map}", "[a, b]", "*alias", "&anchor",
            "- dash", "ünïcødé-✓", "日本語", "😀 emoji", "zero\u200Bwidth", "bom\uFEFFinside", "rtl\u202Eltr",
            "nbsp\u00A0x", "broker1:9092", "SASL_SSL", "PLAIN", "earliest", "DURABLE", "zstd"};
        static final String[] KEYS = {"lingr", "linger", "group-id", "password", "propertie", "configs", "x",
            "bootstrap-server", "client-secret", "ünï", "日本", "with space", "eq=key", "colon:key", "#hash", "!bang",
            "back\\slash", "a-b-c", "producers", "topics", "preset", "\uD83D\uDE00"};

        static String apply(Doc doc, Random r, Set<String> secrets) {
            List<Slot> slots = doc.slots("");
            if (slots.isEmpty()) {
                doc.put("cluster", new Doc().put("bootstrap-servers", "b:9092"));
                return "restore";
            }
            Slot s = slots.get(r.nextInt(slots.size()));
            int op = r.nextInt(12);
            switch (op) {
                case 0 -> {
                    s.parent().keys.remove(s.index());
                    s.parent().values.remove(s.index());
                    return "delete " + s.path();
                }
                case 1 -> {
                    if (s.value() instanceof Doc) {
                        return "no-op";
                    }
                    Object copy = r.nextBoolean() ? s.value() : safeWord(r);
                    s.parent().keys.add(s.index() + 1, s.key());
                    s.parent().values.add(s.index() + 1, copy);
                    return "duplicate " + s.path();
                }
                case 2 -> {
                    Slot other = slots.get(r.nextInt(slots.size()));
                    if (s.holdsSecret() || other.holdsSecret() || s.path().startsWith(other.path())
                            || other.path().startsWith(s.path())) {
                        return "no-op";
                    }
                    Object v = s.value();
                    s.parent().values.set(s.index(), other.value());
                    other.parent().values.set(other.index(), v);
                    return "swap values of " + s.path() + " and " + other.path();
                }
                case 3 -> {
                    String key = r.nextBoolean() ? KEYS[r.nextInt(KEYS.length)] : typo(s.key(), r);
                    if (key.isEmpty() || key.contains(".") || s.parent().keys.contains(key)
                            && (s.value() instanceof Doc || valueOf(s.parent(), key) instanceof Doc)
                            || s.holdsSecret() || SECRET_KEYS.contains(key) || key.contains("password")) {
                        return "no-op";
                    }
                    s.parent().keys.set(s.index(), key);
                    return "rename " + s.path() + " to " + key;
                }
                case 4 -> {
                    if (s.holdsSecret()) {
                        return "no-op";
                    }
                    s.parent().values.set(s.index(), s.value() instanceof Doc ? safeWord(r)
                            : new Doc().put("x", safeWord(r)));
                    return "wrong shape at " + s.path();
                }
                case 5, 6 -> {
                    if (s.holdsSecret()) {
                        return "no-op";
                    }
                    s.parent().values.set(s.index(), safeWord(r));
                    return "value at " + s.path();
                }
                case 7 -> {
                    if (s.holdsSecret()) {
                        return "no-op";
                    }
                    int[] sizes = {5_000, 10_000, 70_000, 1_100_000};
                    int size = sizes[r.nextInt(sizes.length)];
                    s.parent().values.set(s.index(), "h".repeat(size));
                    return "value of " + size + " chars at " + s.path();
                }
                case 8 -> {
                    if (s.holdsSecret()) {
                        return "no-op";
                    }
                    int depth = 5 + r.nextInt(40);
                    Object v = safeWord(r);
                    for (int i = 0; i < depth; i++) {
                        v = new Doc().put("n", v);
                    }
                    s.parent().values.set(s.index(), v);
                    return "nesting of " + depth + " at " + s.path();
                }
                case 9 -> {
                    List<Slot> secretSlots = slots.stream().filter(x -> x.secret() && !(x.value() instanceof Doc))
                            .toList();
                    if (secretSlots.isEmpty()) {
                        return "no-op";
                    }
                    Slot target = secretSlots.get(r.nextInt(secretSlots.size()));
                    String secret = "Sekr1t" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36);
                    String[] shapes = {secret, secret + ": x", "\"" + secret, secret + "\\q", "{" + secret + "}", secret + "\n" + secret, "  " + secret, secret + " # c"};
                    target.parent().values.set(target.index(), shapes[r.nextInt(shapes.length)]);
                    secrets.add(secret);
                    return "literal secret at " + target.path();
                }
                case 10 -> {
                    if (!(s.value() instanceof Doc d) || s.holdsSecret() && r.nextBoolean()) {
                        return "no-op";
                    }
                    String key = KEYS[r.nextInt(KEYS.length)];
                    if (d.keys.contains(key) || key.contains("password") || SECRET_KEYS.contains(key)) {
                        return "no-op";
                    }
                    d.put(key, safeWord(r));
                    return "add " + s.path() + "." + key;
                }
                default -> {
                    int i = r.nextInt(s.parent().keys.size());
                    String siblingPath = s.path().substring(0, s.path().length() - s.key().length())
                            + s.parent().keys.get(i);
                    if (i == s.index() || s.holdsSecret() || new Slot(s.parent(), i, siblingPath).holdsSecret()) {
                        return "no-op";
                    }
                    String k = s.key();
                    s.parent().keys.set(s.index(), s.parent().keys.get(i));
                    s.parent().keys.set(i, k);
                    return "swap keys " + s.path() + " and " + k;
                }
            }
        }

        private static Object valueOf(Doc d, String key) {
            int i = d.keys.indexOf(key);
            return i < 0 ? null : d.values.get(i);
        }

        private static String safeWord(Random r) {
            return WORDS[r.nextInt(WORDS.length)];
        }

        private static String typo(String key, Random r) {
            if (key.length() < 2) {
                return key + "x";
            }
            int i = r.nextInt(key.length() - 1);
            return switch (r.nextInt(3)) {
                case 0 -> key.substring(0, i) + key.substring(i + 1);
                case 1 -> key.substring(0, i) + key.charAt(i + 1) + key.charAt(i) + key.substring(i + 2);
                default -> key.substring(0, i) + key.charAt(i) + key.substring(i);
            };
        }
    }

    /** A mutation of one rendered text, and its name. */
    record TextMutation(String name, String text) {
        static final String[] STRAY = {"{", "}", "[", "]", ":", "\"", "'", "#", "\\", "&", "*", "!", "%", "@", "`",
            "\t", ",", "=", "é", "😀", "\u0000", "\r", "- ", "---\n", "|", ">"};

        static TextMutation apply(String format, String text, Random r, Set<String> secrets) {
            List<String> lines = new ArrayList<>(text.lines().toList());
            int line = r.nextInt(lines.size());
            boolean nearSecret = nearSecret(lines, line, secrets);
            return switch (r.nextInt(11)) {
                case 0 -> new TextMutation("truncate", text.substring(0, r.nextInt(text.length())));
                case 1 -> new TextMutation("quotes removed", text.replace("\"", "").replace("'", ""));
                case 2 -> new TextMutation("bom", "\uFEFF" + text);
                case 3 -> {
                    lines.remove(line);
                    yield new TextMutation("line deleted", String.join("\n", lines));
                }
                case 4 -> {
                    lines.add(line, lines.get(line));
                    yield new TextMutation("line duplicated", String.join("\n", lines));
                }
                case 5 -> {
                    int other = r.nextInt(lines.size());
                    String l = lines.get(line);
                    lines.set(line, lines.get(other));
                    lines.set(other, l);
                    yield new TextMutation("lines swapped", String.join("\n", lines));
                }
                case 6 -> {
                    if (nearSecret) {
                        yield new TextMutation("none", text);
                    }
                    String l = lines.get(line);
                    int at = r.nextInt(l.length() + 1);
                    lines.set(line, l.substring(0, at) + STRAY[r.nextInt(STRAY.length)] + l.substring(at));
                    yield new TextMutation("stray character", String.join("\n", lines));
                }
                case 7 -> {
                    lines.add(line, "x".repeat(1_100_000));
                    yield new TextMutation("huge line", String.join("\n", lines));
                }
                case 8 -> {
                    String deep = switch (format) {
                        case "json" -> "\"d\": " + "[".repeat(5_000);
                        case "properties" -> "d.".repeat(10_000) + "d=1";
                        default -> "d: " + "{d: ".repeat(5_000);
                    };
                    lines.add(line, deep);
                    yield new TextMutation("deep nesting", String.join("\n", lines));
                }
                case 9 -> {
                    String secret = "Sekr1t" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36);
                    secrets.add(secret);
                    String[] shapes = {secret, secret + ": x", "\"" + secret, "'" + secret, "[" + secret,
                        secret + "\", \"x\": y", "{" + secret};
                    String shape = shapes[r.nextInt(shapes.length)];
                    String placeholder = format.equals("properties") ? "${KAFKA_PASSWORD}" : "\"${KAFKA_PASSWORD}\"";
                    yield new TextMutation("unquoted secret", text.replace(placeholder, shape));
                }
                default -> {
                    if (nearSecret) {
                        yield new TextMutation("none", text);
                    }
                    lines.set(line, "\t" + lines.get(line));
                    yield new TextMutation("tab indent", String.join("\n", lines));
                }
            };
        }

        private static boolean nearSecret(List<String> lines, int line, Set<String> secrets) {
            for (int i = Math.max(0, line - 2); i <= Math.min(lines.size() - 1, line + 2); i++) {
                String l = lines.get(i);
                if (l.contains("password") || l.contains("secret") || secrets.stream().anyMatch(l::contains)) {
                    return true;
                }
            }
            return false;
        }
    }

    // rendering

    /** Renders a tree as YAML (block style, every scalar double-quoted), JSON or properties. */
    static final class Render {
        static String as(String format, Doc doc) {
            StringBuilder sb = new StringBuilder();
            switch (format) {
                case "json" -> json(doc, sb);
                case "properties" -> properties(doc, "", sb);
                default -> yaml(doc, 0, sb);
            }
            return sb.toString();
        }

        static void yaml(Doc d, int indent, StringBuilder sb) {
            for (int i = 0; i < d.keys.size(); i++) {
                sb.append(" ".repeat(indent)).append(quoted(d.keys.get(i), Render::yamlChar)).append(':');
                if (d.values.get(i) instanceof Doc m) {
                    sb.append('\n');
                    yaml(m, indent + 2, sb);
                } else {
                    sb.append(' ').append(quoted((String) d.values.get(i), Render::yamlChar)).append('\n');
                }
            }
        }

        static void json(Doc d, StringBuilder sb) {
            sb.append('{');
            for (int i = 0; i < d.keys.size(); i++) {
                sb.append(i == 0 ? "\n" : ",\n").append(quoted(d.keys.get(i), Render::jsonChar)).append(": ");
                if (d.values.get(i) instanceof Doc m) {
                    json(m, sb);
                } else {
                    sb.append(quoted((String) d.values.get(i), Render::jsonChar));
                }
            }
            sb.append("\n}");
        }

        static void properties(Doc d, String prefix, StringBuilder sb) {
            for (int i = 0; i < d.keys.size(); i++) {
                String key = prefix + escapeProperty(d.keys.get(i), true);
                if (d.values.get(i) instanceof Doc m) {
                    properties(m, key + ".", sb);
                } else {
                    sb.append(key).append('=').append(escapeProperty((String) d.values.get(i), false)).append('\n');
                }
            }
        }

        static String quoted(String s, Function<Integer, String> escape) {
            StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
            s.codePoints().forEach(c -> {
                if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                    sb.append((char) c);
                } else {
                    sb.append(escape.apply(c));
                }
            });
            return sb.append('"').toString();
        }

        static String jsonChar(int c) {
            return switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\t' -> "\\t";
                case '\r' -> "\\r";
                default -> c < 0x20 ? String.format("\\u%04x", c) : Character.toString(c);
            };
        }

        static String yamlChar(int c) {
            boolean special = c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c >= 0x7F && c <= 0x9F
                    || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xFFFE && c <= 0xFFFF;
            return special ? String.format("\\u%04x", c) : jsonChar(c);
        }

        static String escapeProperty(String s, boolean key) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    case '\f' -> sb.append("\\f");
                    case ' ' -> sb.append(key || i == 0 ? "\\ " : " ");
                    case '=', ':', '#', '!' -> sb.append(key ? "\\" + c : String.valueOf(c));
                    default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return sb.toString();
        }
    }
}
