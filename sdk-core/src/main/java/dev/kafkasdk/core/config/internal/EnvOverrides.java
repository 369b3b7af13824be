package dev.kafkasdk.core.config.internal;

import dev.kafkasdk.core.config.Origin;
import dev.kafkasdk.core.config.Secret;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies {@code KAFKA_SDK_<PATH>} environment overrides to a document. The path's segments
 * are upper case with {@code -} as {@code _}; it is resolved against the {@link Schema} and
 * the names the document declares, comparing without case, {@code -}, {@code _} or {@code .}.
 * An override for an undeclared client name declares it (lower case, {@code _} as
 * {@code -}). A variable that matches no setting is a problem with a "did you mean". Not part
 * of the API.
 */
final class EnvOverrides {

    static final String PREFIX = "KAFKA_SDK_";

    private EnvOverrides() {}

    static void apply(DocNode.MapNode root, Map<String, String> env, Schema.Section schema, Problems problems) {
        env.keySet().stream()
                .filter(k -> k.startsWith(PREFIX))
                .sorted()
                .forEach(var -> applyOne(root, schema, var, env.get(var), problems));
    }

    private static void applyOne(
            DocNode.MapNode root, Schema.Section schema, String var, String value, Problems problems) {
        String[] tokens = Arrays.stream(
                        var.substring(PREFIX.length()).toLowerCase(Locale.ROOT).split("_"))
                .filter(t -> !t.isEmpty())
                .toArray(String[]::new);
        Optional<List<String>> path = resolve(schema, root, tokens, 0);
        if (path.isPresent()) {
            set(root, path.get(), value, var);
            return;
        }
        Set<String> guesses = new LinkedHashSet<>();
        for (int j = 2; j < tokens.length; j++) {
            guesses.add(String.join("_", Arrays.copyOfRange(tokens, 1, j)).toUpperCase(Locale.ROOT));
        }
        List<String> candidates = new ArrayList<>();
        candidates(schema, root, PREFIX.substring(0, PREFIX.length() - 1), guesses, candidates);
        Optional<String> closest = Suggestions.closest(var, candidates);
        boolean secret =
                looksSecret(var) || closest.map(EnvOverrides::looksSecret).orElse(false);
        problems.add(
                var,
                secret ? Secret.MASK : value,
                "matches no setting"
                        + closest.map(c -> "; did you mean " + c + "?")
                                .orElse(
                                        "; KAFKA_SDK_ variables must name a setting path, e.g. KAFKA_SDK_PRODUCERS_ORDERS_LINGER"));
    }

    private static boolean looksSecret(String var) {
        return var.contains("PASSWORD") || var.contains("SECRET") || var.contains("TOKEN") || var.contains("KEY");
    }

    private static Optional<List<String>> resolve(Schema.Node schema, DocNode doc, String[] tokens, int i) {
        if (schema instanceof Schema.Leaf) {
            return i == tokens.length ? Optional.of(List.of()) : Optional.empty();
        }
        if (i >= tokens.length) {
            return Optional.empty();
        }
        if (schema instanceof Schema.Raw raw) {
            String rest = String.join("", Arrays.copyOfRange(tokens, i, tokens.length));
            return raw.keys().stream()
                    .filter(k -> norm(k).equals(rest))
                    .findFirst()
                    .map(List::of);
        }
        if (schema instanceof Schema.Section section) {
            for (Map.Entry<String, Schema.Node> child : section.children().entrySet()) {
                Optional<List<String>> found =
                        descend(child.getKey(), child.getValue(), child(doc, child.getKey()), tokens, i);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        Schema.Named named = (Schema.Named) schema;
        if (doc instanceof DocNode.MapNode map) {
            for (String name : map.entries().keySet()) {
                Optional<List<String>> found =
                        descend(name, named.element(), map.entries().get(name), tokens, i);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        for (int j = i + 1; j < tokens.length; j++) {
            String name = String.join("-", Arrays.copyOfRange(tokens, i, j));
            Optional<List<String>> rest = resolve(named.element(), null, tokens, j);
            if (rest.isPresent()) {
                return Optional.of(prepend(name, rest.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> descend(String key, Schema.Node schema, DocNode doc, String[] tokens, int i) {
        String target = norm(key);
        StringBuilder joined = new StringBuilder();
        for (int j = i; j < tokens.length && joined.length() < target.length(); j++) {
            joined.append(tokens[j]);
            if (joined.toString().equals(target)) {
                return resolve(schema, doc, tokens, j + 1).map(rest -> prepend(key, rest));
            }
        }
        return Optional.empty();
    }

    private static void candidates(
            Schema.Node schema, DocNode doc, String prefix, Set<String> guesses, List<String> out) {
        if (schema instanceof Schema.Leaf) {
            out.add(prefix);
        } else if (schema instanceof Schema.Section section) {
            section.children().forEach((k, v) -> candidates(v, child(doc, k), prefix + "_" + envForm(k), guesses, out));
        } else if (schema instanceof Schema.Named named) {
            Set<String> names = new LinkedHashSet<>(guesses);
            if (doc instanceof DocNode.MapNode map) {
                map.entries().keySet().forEach(n -> names.add(envForm(n)));
            }
            names.forEach(n -> candidates(named.element(), child(doc, n), prefix + "_" + n, guesses, out));
        }
    }

    private static void set(DocNode.MapNode root, List<String> path, String value, String var) {
        DocNode.MapNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            DocNode child = node.entries().get(path.get(i));
            if (!(child instanceof DocNode.MapNode)) {
                child = new DocNode.MapNode(Origin.ENVIRONMENT);
                node.entries().put(path.get(i), child);
            }
            node = (DocNode.MapNode) child;
        }
        node.entries().put(path.get(path.size() - 1), new DocNode.Scalar(value, Origin.ENVIRONMENT, var));
    }

    private static DocNode child(DocNode doc, String key) {
        return doc instanceof DocNode.MapNode map ? map.entries().get(key) : null;
    }

    private static List<String> prepend(String head, List<String> tail) {
        List<String> list = new ArrayList<>();
        list.add(head);
        list.addAll(tail);
        return list;
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[-_.]", "");
    }

    private static String envForm(String s) {
        return s.toUpperCase(Locale.ROOT).replaceAll("[-.]", "_");
    }
}
