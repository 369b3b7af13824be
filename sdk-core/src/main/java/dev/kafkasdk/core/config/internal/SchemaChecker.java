package dev.kafkasdk.core.config.internal;

import java.util.Map;

/**
 * Walks a document against the {@link Schema}: unknown keys get a "did you mean", and a node
 * of the wrong kind (a list where a map is expected) is reported. Raw keys are checked later,
 * by the settings' own rules. Not part of the API.
 */
final class SchemaChecker {

    private SchemaChecker() {}

    static void check(DocNode.MapNode root, Schema.Section schema, Problems problems) {
        section(root, schema, "", problems);
    }

    private static void check(DocNode node, Schema.Node schema, String path, Problems problems) {
        if (node instanceof DocNode.Scalar s && s.text() == null) {
            return;
        }
        if (schema instanceof Schema.Section section) {
            section(node, section, path, problems);
        } else if (schema instanceof Schema.Named named) {
            if (expectMap(node, path, "a map of " + named.label() + " names to settings", problems)) {
                for (Map.Entry<String, DocNode> e :
                        ((DocNode.MapNode) node).entries().entrySet()) {
                    section(e.getValue(), named.element(), path + "." + e.getKey(), problems);
                }
            }
        } else if (schema instanceof Schema.Leaf leaf) {
            leaf(node, leaf, path, problems);
        } else if (schema instanceof Schema.Raw raw
                && expectMap(node, path, "a map of " + raw.label() + " names to values", problems)) {
            for (Map.Entry<String, DocNode> e :
                    ((DocNode.MapNode) node).entries().entrySet()) {
                if (!(e.getValue() instanceof DocNode.Scalar)) {
                    problems.missing(
                            path + "." + e.getKey(),
                            "must be a single value but is " + e.getValue().kind());
                }
            }
        }
    }

    private static void section(DocNode node, Schema.Section section, String path, Problems problems) {
        if (node instanceof DocNode.Scalar s && s.text() == null) {
            return;
        }
        String where = path.isEmpty() ? "(document)" : path;
        if (!expectMap(node, where, "a map of " + section.label() + " settings", problems)) {
            return;
        }
        for (Map.Entry<String, DocNode> e : ((DocNode.MapNode) node).entries().entrySet()) {
            String childPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            Schema.Node child = section.children().get(e.getKey());
            if (child == null) {
                String hint =
                        Suggestions.didYouMean(e.getKey(), section.children().keySet());
                problems.missing(
                        childPath,
                        "unknown " + section.label() + " setting"
                                + (hint.isEmpty()
                                        ? "; valid keys: "
                                                + String.join(
                                                        ", ", section.children().keySet())
                                        : hint));
            } else {
                check(e.getValue(), child, childPath, problems);
            }
        }
    }

    private static void leaf(DocNode node, Schema.Leaf leaf, String path, Problems problems) {
        if (node instanceof DocNode.ListNode list && leaf.listAllowed()) {
            list.items().stream()
                    .filter(i -> !(i instanceof DocNode.Scalar))
                    .findFirst()
                    .ifPresent(i -> problems.missing(path, "must be a list of single values but holds " + i.kind()));
        } else if (!(node instanceof DocNode.Scalar)) {
            problems.missing(
                    path,
                    "must be a single value" + (leaf.listAllowed() ? " or a list" : "") + " but is " + node.kind());
        }
    }

    private static boolean expectMap(DocNode node, String path, String what, Problems problems) {
        if (node instanceof DocNode.MapNode) {
            return true;
        }
        problems.missing(path, "must be " + what + " but is " + node.kind());
        return false;
    }
}
