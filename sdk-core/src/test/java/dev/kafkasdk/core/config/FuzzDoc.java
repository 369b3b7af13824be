package dev.kafkasdk.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A configuration document as a mutable tree that renders alike as YAML, JSON and properties,
 * for {@link LoaderFuzzPropertyTest}.
 */
final class FuzzDoc {

    static final Set<String> SECRET_KEYS = Set.of("password", "key-password", "client-secret");

    private FuzzDoc() {}

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
            return secret()
                    || value() instanceof Doc d && d.slots(path).stream().anyMatch(Slot::secret);
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
            Object value = v.isObject()
                    ? toDoc(v)
                    : v.isArray()
                            ? String.join(
                                    ",", v.valueStream().map(JsonNode::asText).toList())
                            : v.asText();
            d.put(e.getKey(), value);
        });
        return d;
    }

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
                sb.append(" ".repeat(indent))
                        .append(quoted(d.keys.get(i), Render::yamlChar))
                        .append(':');
                if (d.values.get(i) instanceof Doc m) {
                    sb.append('\n');
                    yaml(m, indent + 2, sb);
                } else {
                    sb.append(' ')
                            .append(quoted((String) d.values.get(i), Render::yamlChar))
                            .append('\n');
                }
            }
        }

        static void json(Doc d, StringBuilder sb) {
            sb.append('{');
            for (int i = 0; i < d.keys.size(); i++) {
                sb.append(i == 0 ? "\n" : ",\n")
                        .append(quoted(d.keys.get(i), Render::jsonChar))
                        .append(": ");
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
                    sb.append(key)
                            .append('=')
                            .append(escapeProperty((String) d.values.get(i), false))
                            .append('\n');
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
            boolean special = c < 0x20 && c != '\n' && c != '\t' && c != '\r'
                    || c >= 0x7F && c <= 0x9F
                    || c == 0x2028
                    || c == 0x2029
                    || c == 0xFEFF
                    || c >= 0xFFFE && c <= 0xFFFF;
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
