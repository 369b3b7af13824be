package dev.kafkasdk.core.config.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:default}} in every scalar of a document with
 * environment values; {@code $${} stands for a literal {@code ${}. A variable that is not set
 * and has no default is a problem naming the path and the variable; the value is then left
 * unset. Defaults cannot nest. Not part of the API.
 */
final class EnvSubstitution {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private EnvSubstitution() {}

    static void apply(DocNode.MapNode root, Map<String, String> env, Problems problems) {
        map(root, "", env, problems);
    }

    private static void map(DocNode.MapNode node, String path, Map<String, String> env, Problems problems) {
        for (Map.Entry<String, DocNode> e : node.entries().entrySet()) {
            String childPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            e.setValue(node(e.getValue(), childPath, env, problems));
        }
    }

    private static DocNode node(DocNode node, String path, Map<String, String> env, Problems problems) {
        if (node instanceof DocNode.MapNode m) {
            map(m, path, env, problems);
            return m;
        }
        if (node instanceof DocNode.ListNode l) {
            l.items().replaceAll(item -> node(item, path, env, problems));
            return l;
        }
        DocNode.Scalar s = (DocNode.Scalar) node;
        if (s.text() == null || !s.text().contains("${")) {
            return s;
        }
        return new DocNode.Scalar(resolve(s.text(), path, env, problems), s.origin(), s.source());
    }

    private static String resolve(String text, String path, Map<String, String> env, Problems problems) {
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    problems.add(
                            path,
                            text,
                            "has a ${ without a closing }; write ${NAME} or ${NAME:default} "
                                    + "(or $${ for a literal ${)");
                    problems.suppressFurther(path);
                    return null;
                }
                String expr = text.substring(i + 2, end);
                int colon = expr.indexOf(':');
                String name = colon < 0 ? expr : expr.substring(0, colon);
                if (!NAME.matcher(name).matches()) {
                    problems.add(
                            path,
                            text,
                            "has ${" + Limits.shorten(expr, 60) + "}, which does not start with a variable name; write "
                                    + "${NAME} or ${NAME:default}");
                    problems.suppressFurther(path);
                    return null;
                }
                String value = env.get(name);
                if (value == null && colon >= 0) {
                    value = expr.substring(colon + 1);
                }
                if (value == null) {
                    missing.add(name);
                } else {
                    out.append(value);
                }
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        if (!missing.isEmpty()) {
            String names = String.join(", ", missing);
            problems.add(
                    path,
                    text,
                    "uses environment variable " + names + ", which is not set and has no default; "
                            + "set it, or write ${" + missing.get(0) + ":default}");
            problems.suppressFurther(path);
            return null;
        }
        return out.toString();
    }
}
