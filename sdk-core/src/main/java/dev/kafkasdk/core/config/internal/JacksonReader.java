package dev.kafkasdk.core.config.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kafkasdk.core.config.Origin;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads YAML and JSON documents into {@link DocNode} trees with Jackson. Duplicate keys are
 * errors. In YAML, a bare {@code ${NAME}} or {@code ${NAME:default}} value inside a flow
 * collection ({@code { password: ${PW}, type: PKCS12 }}) is quoted before parsing: plain YAML
 * would reject its braces there. Not part of the API.
 */
final class JacksonReader {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Pattern FLOW_PLACEHOLDER = Pattern.compile(
            "([\\[{,:]\\s*)(\\$\\{[A-Za-z_][A-Za-z0-9_.]*(?::[^{}\"',\\]]*)?})(?=\\s*[,}\\]])");

    private JacksonReader() {
    }

    static Optional<DocNode.MapNode> read(String name, String text, boolean yaml, Problems problems) {
        JsonNode root;
        try {
            root = yaml ? YAML.readTree(quotePlaceholdersInFlow(text)) : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? name : name + ":" + at.getLineNr() + ":" + at.getColumnNr();
            String message = Optional.ofNullable(e.getOriginalMessage()).orElse(e.getClass().getSimpleName())
                    .lines().findFirst().orElse("");
            problems.missing(where, "is not valid " + (yaml ? "YAML" : "JSON") + ": " + message);
            return Optional.empty();
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Optional.of(new DocNode.MapNode(Origin.FILE));
        }
        if (!root.isObject()) {
            problems.missing(name, "must hold a map of sections (cluster, producers, consumers, admins, topics) but "
                    + "holds " + convert(root).kind());
            return Optional.empty();
        }
        return Optional.of((DocNode.MapNode) convert(root));
    }

    /**
     * Quotes bare placeholders that stand as whole values inside flow collections, outside
     * quotes and comments.
     */
    static String quotePlaceholdersInFlow(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (String line : text.split("\n", -1)) {
            Matcher m = FLOW_PLACEHOLDER.matcher(line);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String before = line.substring(0, m.start());
                boolean quotedOrComment = before.chars().filter(c -> c == '"').count() % 2 == 1
                        || before.chars().filter(c -> c == '\'').count() % 2 == 1 || before.contains("#")
                        || before.indexOf('{') < 0 && before.indexOf('[') < 0;
                m.appendReplacement(sb, Matcher.quoteReplacement(quotedOrComment ? m.group()
                        : m.group(1) + "\"" + m.group(2) + "\""));
            }
            m.appendTail(sb);
            out.append(sb).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static DocNode convert(JsonNode node) {
        if (node.isObject()) {
            DocNode.MapNode map = new DocNode.MapNode(Origin.FILE);
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                map.entries().put(f.getKey(), convert(f.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            DocNode.ListNode list = new DocNode.ListNode(Origin.FILE);
            node.forEach(item -> list.items().add(convert(item)));
            return list;
        }
        return new DocNode.Scalar(node.isNull() ? null : node.asText(), Origin.FILE, null);
    }
}
