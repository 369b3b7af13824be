package dev.kafkasdk.core.config;

import static dev.kafkasdk.core.config.FuzzDoc.SECRET_KEYS;

import dev.kafkasdk.core.config.FuzzDoc.Doc;
import dev.kafkasdk.core.config.FuzzDoc.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** The mutations {@link LoaderFuzzPropertyTest} applies to the document tree and to rendered text. */
final class FuzzMutations {

    private FuzzMutations() {}

    /** Mutations of the tree, rendered alike in every format. */
    static final class TreeMutation {
        static final String[] WORDS = {
            "",
            "-1",
            "0",
            "1",
            "99999999999999999999",
            "1.5",
            "true",
            "false",
            "null",
            "none",
            "ALL",
            "5 parsecs",
            "10ms",
            "64KiB",
            "PT5S",
            "${UNSET_VARIABLE}",
            "${UNSET:fallback}",
            "$${literal}",
            "${",
            "a b",
            " leading",
            "trailing ",
            "two\nlines",
            "quote\"s",
            "it's",
            "back\\slash",
            "tab\there",
            "#hash",
            "!bang",
            "key=value",
            "colon: here",
            "{flow: map}",
            "[a, b]",
            "*alias",
            "&anchor",
            "- dash",
            "ünïcødé-✓",
            "日本語",
            "😀 emoji",
            "zero\u200Bwidth",
            "bom\uFEFFinside",
            "rtl\u202Eltr",
            "nbsp\u00A0x",
            "broker1:9092",
            "SASL_SSL",
            "PLAIN",
            "earliest",
            "DURABLE",
            "zstd"
        };
        static final String[] KEYS = {
            "lingr",
            "linger",
            "group-id",
            "password",
            "propertie",
            "configs",
            "x",
            "bootstrap-server",
            "client-secret",
            "ünï",
            "日本",
            "with space",
            "eq=key",
            "colon:key",
            "#hash",
            "!bang",
            "back\\slash",
            "a-b-c",
            "producers",
            "topics",
            "preset",
            "\uD83D\uDE00"
        };

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
                    if (s.holdsSecret()
                            || other.holdsSecret()
                            || s.path().startsWith(other.path())
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
                    if (key.isEmpty()
                            || key.contains(".")
                            || s.parent().keys.contains(key)
                                    && (s.value() instanceof Doc || valueOf(s.parent(), key) instanceof Doc)
                            || s.holdsSecret()
                            || SECRET_KEYS.contains(key)
                            || key.contains("password")) {
                        return "no-op";
                    }
                    s.parent().keys.set(s.index(), key);
                    return "rename " + s.path() + " to " + key;
                }
                case 4 -> {
                    if (s.holdsSecret()) {
                        return "no-op";
                    }
                    s.parent()
                            .values
                            .set(s.index(), s.value() instanceof Doc ? safeWord(r) : new Doc().put("x", safeWord(r)));
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
                    List<Slot> secretSlots = slots.stream()
                            .filter(x -> x.secret() && !(x.value() instanceof Doc))
                            .toList();
                    if (secretSlots.isEmpty()) {
                        return "no-op";
                    }
                    Slot target = secretSlots.get(r.nextInt(secretSlots.size()));
                    String secret = "Sekr1t" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36);
                    String[] shapes = {
                        secret,
                        secret + ": x",
                        "\"" + secret,
                        secret + "\\q",
                        "{" + secret + "}",
                        secret + "\n" + secret,
                        "  " + secret,
                        secret + " # c",
                        secret + "Z".repeat(300)
                    };
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
                    String siblingPath =
                            s.path().substring(0, s.path().length() - s.key().length())
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
        static final String[] STRAY = {
            "{", "}", "[", "]", ":", "\"", "'", "#", "\\", "&", "*", "!", "%", "@", "`", "\t", ",", "=", "é", "😀",
            "\u0000", "\r", "- ", "---\n", "|", ">"
        };

        static TextMutation apply(String format, String text, Random r, Set<String> secrets) {
            List<String> lines = new ArrayList<>(text.lines().toList());
            int line = r.nextInt(lines.size());
            boolean nearSecret = nearSecret(lines, line, secrets);
            return switch (r.nextInt(11)) {
                case 0 -> new TextMutation("truncate", text.substring(0, r.nextInt(text.length())));
                case 1 ->
                    new TextMutation("quotes removed", text.replace("\"", "").replace("'", ""));
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
                    String[] shapes = {
                        secret,
                        secret + ": x",
                        "\"" + secret,
                        "'" + secret,
                        "[" + secret,
                        secret + "\", \"x\": y",
                        "{" + secret,
                        secret + "Z".repeat(300)
                    };
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
                if (l.contains("password")
                        || l.contains("secret")
                        || secrets.stream().anyMatch(l::contains)) {
                    return true;
                }
            }
            return false;
        }
    }
}
