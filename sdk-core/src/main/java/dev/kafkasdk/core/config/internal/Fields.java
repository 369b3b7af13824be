package dev.kafkasdk.core.config.internal;

import dev.kafkasdk.core.config.ByteSize;
import dev.kafkasdk.core.config.Durations;
import dev.kafkasdk.core.config.Origin;
import dev.kafkasdk.core.config.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Reads typed values out of one map of a document, recording a problem (path, value,
 * reason) for each value that does not parse. Nodes of the wrong kind are skipped: the
 * {@link SchemaChecker} reports them. Not part of the API.
 */
public final class Fields {

    /** Receives a raw entry: origin, key, value. */
    public interface RawSink {
        void accept(Origin origin, String key, String value);
    }

    private final DocNode.MapNode map;
    private final String path;
    private final Problems problems;

    public Fields(DocNode node, String path, Problems problems) {
        this.map = node instanceof DocNode.MapNode m ? m : new DocNode.MapNode(Origin.FILE);
        this.path = path;
        this.problems = problems;
    }

    public Fields child(String key) {
        return new Fields(map.entries().get(key), path(key), problems);
    }

    public Set<String> names() {
        return map.entries().keySet();
    }

    public boolean has(String key) {
        DocNode n = map.entries().get(key);
        return n != null && !(n instanceof DocNode.Scalar s && s.text() == null);
    }

    public <T> void value(String key, Function<String, T> parser, BiConsumer<Origin, T> sink) {
        if (map.entries().get(key) instanceof DocNode.Scalar s && s.text() != null) {
            try {
                sink.accept(s.origin(), parser.apply(s.text()));
            } catch (IllegalArgumentException e) {
                problems.add(path(key), s.text(), e.getMessage() + s.sourceNote());
            }
        }
    }

    public void text(String key, BiConsumer<Origin, String> sink) {
        value(key, Function.identity(), sink);
    }

    public void secret(String key, BiConsumer<Origin, Secret> sink) {
        value(key, Secret::of, sink);
    }

    public void bool(String key, BiConsumer<Origin, Boolean> sink) {
        value(key, Fields::parseBoolean, sink);
    }

    public void integer(String key, BiConsumer<Origin, Integer> sink) {
        value(key, Fields::parseInt, sink);
    }

    public void duration(String key, BiConsumer<Origin, Duration> sink) {
        value(key, Durations::parse, sink);
    }

    public void size(String key, BiConsumer<Origin, ByteSize> sink) {
        value(key, ByteSize::parse, sink);
    }

    /** A value that may be a list or a comma-separated string. */
    public void list(String key, BiConsumer<Origin, List<String>> sink) {
        DocNode n = map.entries().get(key);
        if (n instanceof DocNode.Scalar s && s.text() != null) {
            sink.accept(
                    s.origin(),
                    List.of(s.text().split(",", -1)).stream()
                            .map(String::trim)
                            .filter(t -> !t.isEmpty())
                            .toList());
        } else if (n instanceof DocNode.ListNode l) {
            List<String> items = new ArrayList<>();
            l.items().forEach(i -> {
                if (i instanceof DocNode.Scalar s && s.text() != null) {
                    items.add(s.text().trim());
                }
            });
            sink.accept(l.origin(), items);
        }
    }

    public void raw(String key, RawSink sink) {
        if (map.entries().get(key) instanceof DocNode.MapNode m) {
            for (Map.Entry<String, DocNode> e : m.entries().entrySet()) {
                if (e.getValue() instanceof DocNode.Scalar s && s.text() != null) {
                    sink.accept(s.origin(), e.getKey(), s.text());
                }
            }
        }
    }

    private String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public static boolean parseBoolean(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t);
        }
        throw new IllegalArgumentException("'" + text + "' is not a boolean; use true or false");
    }

    public static int parseInt(String text) {
        String t = text.trim();
        if (!t.matches("[-+]?\\d+")) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number; e.g. 6");
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is out of range; use a whole number from " + Integer.MIN_VALUE + " to "
                            + Integer.MAX_VALUE,
                    e);
        }
    }
}
