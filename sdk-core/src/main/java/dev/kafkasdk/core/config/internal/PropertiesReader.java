package dev.kafkasdk.core.config.internal;

import dev.kafkasdk.core.config.Origin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code .properties} document into a {@link DocNode} tree. Keys are dotted paths
 * ({@code producers.orders.linger=10ms}); under {@code properties} and {@code configs} the
 * rest of the key is one raw kafka key ({@code producers.orders.properties.linger.ms=5}).
 * Supports the usual syntax ({@code =}, {@code :} or blank separators, {@code #}/{@code !}
 * comments, backslash continuations and escapes) and reports errors with line numbers.
 * Not part of the API.
 */
final class PropertiesReader {

    private static final Set<String> RAW_SECTIONS = Set.of("properties", "configs");

    private PropertiesReader() {}

    static DocNode.MapNode read(String name, String text, Problems problems) {
        DocNode.MapNode root = new DocNode.MapNode(Origin.FILE);
        List<String> lines = text.lines().toList();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            StringBuilder logical = new StringBuilder(stripLeading(lines.get(i)));
            if (logical.length() == 0 || logical.charAt(0) == '#' || logical.charAt(0) == '!') {
                continue;
            }
            while (endsWithOddBackslashes(logical) && i + 1 < lines.size()) {
                logical.setLength(logical.length() - 1);
                logical.append(stripLeading(lines.get(++i)));
            }
            parseLine(name + ":" + lineNo, logical.toString(), root, problems).ifPresent(key -> {
                Integer first = seen.putIfAbsent(key, lineNo);
                if (first != null) {
                    problems.missing(
                            name + ":" + lineNo,
                            "is not valid properties: Duplicate field '"
                                    + Limits.shorten(key.substring(key.lastIndexOf('.') + 1)) + "' ("
                                    + Limits.shorten(key)
                                    + " is set twice, first on line " + first + ")");
                }
            });
        }
        return root;
    }

    /** Parses one logical line into the tree; returns its key when it was well formed. */
    private static Optional<String> parseLine(String where, String line, DocNode.MapNode root, Problems problems) {
        int sep = separator(line);
        String rawKey = sep < 0 ? line : line.substring(0, sep);
        String rest = sep < 0 ? "" : line.substring(sep + 1);
        if (sep >= 0 && line.charAt(sep) == ' ') {
            rest = stripLeading(rest);
            if (!rest.isEmpty() && (rest.charAt(0) == '=' || rest.charAt(0) == ':')) {
                rest = rest.substring(1);
            }
        }
        try {
            String key = unescape(rawKey.strip());
            String value = unescape(stripLeading(rest));
            if (value.length() > Limits.MAX_VALUE_LENGTH) {
                problems.missing(Limits.shorten(key), Limits.valueTooLong(value.length()));
                return Optional.empty();
            }
            insert(where, key, value, root, problems);
            return Optional.of(key);
        } catch (IllegalArgumentException e) {
            problems.missing(where, "is not a valid properties line: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static void insert(String where, String key, String value, DocNode.MapNode root, Problems problems) {
        if (key.isEmpty()) {
            problems.missing(where, "is not a valid properties line: the key is empty");
            return;
        }
        String[] parts = key.split("\\.", -1);
        boolean raw = parts.length > 3 && RAW_SECTIONS.contains(parts[2]);
        if ((raw ? 4 : parts.length) > Limits.MAX_DEPTH) {
            problems.missing(Limits.shorten(key), Limits.tooDeep());
            return;
        }
        DocNode.MapNode node = root;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                problems.missing(
                        where,
                        "is not a valid properties line: '" + Limits.shorten(key) + "' has an empty path segment");
                return;
            }
            boolean rawRest = i == 3 && RAW_SECTIONS.contains(parts[2]);
            String segment = rawRest ? String.join(".", List.of(parts).subList(3, parts.length)) : parts[i];
            if (segment.length() > Limits.MAX_KEY_LENGTH) {
                problems.missing(Limits.shorten(key), Limits.keyTooLong(segment.length()));
                return;
            }
            if (rawRest || i == parts.length - 1) {
                DocNode previous = node.entries().get(segment);
                if (previous instanceof DocNode.MapNode) {
                    problems.missing(
                            where, "'" + Limits.shorten(key) + "' is set as a value but also has keys below it");
                    return;
                }
                node.entries().put(segment, new DocNode.Scalar(value, Origin.FILE, null));
                return;
            }
            DocNode child = node.entries().computeIfAbsent(segment, k -> new DocNode.MapNode(Origin.FILE));
            if (!(child instanceof DocNode.MapNode map)) {
                problems.missing(
                        where,
                        "'" + Limits.shorten(key) + "' has keys below '"
                                + Limits.shorten(String.join(".", List.of(parts).subList(0, i + 1)))
                                + "', which is also set as a value");
                return;
            }
            node = map;
        }
    }

    private static int separator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=' || c == ':' || c == ' ' || c == '\t') {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 >= s.length()) {
                        throw new IllegalArgumentException("malformed \\uXXXX escape");
                    }
                    String hex = s.substring(i + 1, i + 5);
                    if (!hex.matches("[0-9a-fA-F]{4}")) {
                        throw new IllegalArgumentException("malformed \\uXXXX escape");
                    }
                    out.append((char) Integer.parseInt(hex, 16));
                    i += 4;
                }
                default -> out.append(n);
            }
        }
        return out.toString();
    }

    private static boolean endsWithOddBackslashes(CharSequence s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) {
            i++;
        }
        return s.substring(i);
    }
}
