package dev.kafkasdk.core.config.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.kafkasdk.core.config.Origin;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML and JSON documents into {@link DocNode} trees, token by token with Jackson's
 * streaming parser, within {@link Limits}. A key set twice, a YAML alias ({@code *name}),
 * a second YAML document or text after the JSON object, nesting deeper than
 * {@link Limits#MAX_DEPTH} and a value longer than {@link Limits#MAX_VALUE_LENGTH} are
 * problems naming the path; so is, in YAML, a run of more than {@link #MAX_RUN} characters
 * without white space, found before parsing. Syntax errors give the line, the column and the parser's
 * description with any quoted input text masked: the parser's excerpt of the input could be a
 * secret. In YAML, a bare {@code ${NAME}} or {@code ${NAME:default}} value inside a flow
 * collection ({@code { password: ${PW}, type: PKCS12 }}) is quoted before parsing: plain YAML
 * would reject its braces there. Not part of the API.
 */
final class JacksonReader {

    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private static final Pattern FLOW_PLACEHOLDER =
            Pattern.compile("([\\[{,:]\\s*)(\\$\\{[A-Za-z_][A-Za-z0-9_.]*(?::[^{}\"',\\]]*)?})(?=\\s*[,}\\]])");
    /** A quoted token, or a quote left open up to the end of the message. */
    private static final Pattern QUOTED = Pattern.compile("'([^']*)('|$)|\"([^\"]*)(\"|$)");
    /** The longest run without white space a YAML document may hold: a key, a value and punctuation. */
    static final int MAX_RUN = Limits.MAX_VALUE_LENGTH + Limits.MAX_KEY_LENGTH + 16;

    private static final Set<String> SAFE_QUOTED = Set.of("null", "true", "false");
    /** Parser problems that end with the offending input, and their text without it. */
    private static final String[][] YAML_ARGUMENTS = {
        {"(, )?but found.*$", "$1but found something else"},
        {"found character .* that cannot start any token.*$", "found a character that cannot start any token"},
        {"found unknown escape character.*$", "found an unknown escape character"},
        {"found undefined tag handle.*$", "found an undefined tag handle"},
        {"(expected URI in UTF-8|valid version):.*$", "$1"},
        {"got this instead: .*$", "got something else"},
    };

    private JacksonReader() {}

    static Optional<DocNode.MapNode> read(String name, String text, boolean yaml, Problems problems) {
        String format = yaml ? "YAML" : "JSON";
        int longRun = yaml ? lineOfLongRun(text) : -1;
        if (longRun > 0) {
            problems.missing(
                    name + ":" + longRun,
                    "has more than " + MAX_RUN + " characters without a space or line "
                            + "break; no key or value is that long");
            return Optional.empty();
        }
        try (JsonParser p = yaml ? YAML.createParser(quotePlaceholdersInFlow(text)) : JSON.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL && !isAlias(p)) {
                return Optional.of(new DocNode.MapNode(Origin.FILE));
            }
            if (first != JsonToken.START_OBJECT) {
                String kind = first == JsonToken.START_ARRAY ? "a list" : "a value";
                problems.missing(
                        name,
                        "must hold a map of sections (cluster, producers, consumers, admins, topics) " + "but holds "
                                + kind);
                return Optional.empty();
            }
            Tree tree = new Tree(name, format, p, problems);
            DocNode.MapNode root = tree.map("", 0);
            if (hasMoreContent(p)) {
                problems.missing(
                        where(name, p.currentTokenLocation()),
                        yaml
                                ? "holds more than one YAML document (---); put every section into one document"
                                : "has more text after the end of the top-level JSON object");
                return Optional.empty();
            }
            return tree.failed ? Optional.empty() : Optional.of(root);
        } catch (TooDeep e) {
            problems.missing(e.path, Limits.tooDeep());
            return Optional.empty();
        } catch (JsonProcessingException e) {
            problems.missing(where(name, e.getLocation()), "is not valid " + format + ": " + describe(e));
            return Optional.empty();
        } catch (IOException e) {
            problems.missing(name, "cannot be read: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * The parser's description of a syntax error without any input text: only its first line
     * (YAML adds an excerpt of the input below), SnakeYAML's "but found X" arguments dropped,
     * and every quoted token masked unless it is punctuation or a JSON keyword.
     */
    static String describe(JsonProcessingException e) {
        String text = e.getCause() instanceof MarkedYAMLException y && y.getProblem() != null
                ? Optional.ofNullable(y.getContext()).map(c -> c + ": ").orElse("") + y.getProblem()
                : Optional.ofNullable(e.getOriginalMessage())
                        .orElse(e.getClass().getSimpleName());
        text = text.lines().findFirst().orElse("");
        for (String[] rewrite : YAML_ARGUMENTS) {
            text = text.replaceAll(rewrite[0], rewrite[1]);
        }
        Matcher m = QUOTED.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String quoted = m.group(1) != null ? m.group(1) : m.group(3);
            boolean safe = SAFE_QUOTED.contains(quoted)
                    || quoted.length() <= 3 && quoted.chars().noneMatch(Character::isLetterOrDigit);
            m.appendReplacement(sb, Matcher.quoteReplacement(safe ? m.group() : "'...'"));
        }
        m.appendTail(sb);
        return Limits.shorten(sb.toString().replaceAll("'\\.\\.\\.' \\(code \\d+\\)", "'...'"));
    }

    /**
     * The line of the first run of more than {@link #MAX_RUN} characters without white space, or
     * -1. SnakeYAML copies its buffer once per 1,024 characters of a token, so the time to
     * scan a token grows with the square of its length; this check keeps it bounded.
     */
    static int lineOfLongRun(String text) {
        int line = 1;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            }
            run = c == ' ' || c == '\t' || c == '\n' || c == '\r' ? 0 : run + 1;
            if (run > MAX_RUN) {
                return line;
            }
        }
        return -1;
    }

    /** After the top-level map: anything but the end, or (YAML) an empty document, is more content. */
    private static boolean hasMoreContent(JsonParser p) throws IOException {
        JsonToken next = p.nextToken();
        return next != null && (next != JsonToken.VALUE_NULL || isAlias(p) || p.nextToken() != null);
    }

    private static String where(String name, JsonLocation at) {
        return at == null || at.getLineNr() < 0 ? name : name + ":" + at.getLineNr() + ":" + at.getColumnNr();
    }

    private static boolean isAlias(JsonParser p) {
        return p instanceof YAMLParser y && y.isCurrentAlias();
    }

    /** Nesting beyond {@link Limits#MAX_DEPTH}: reading stops. */
    private static final class TooDeep extends RuntimeException {
        final String path;

        TooDeep(String path) {
            super(null, null, false, false);
            this.path = path;
        }
    }

    /** Builds the tree from the parser's tokens, recording problems as it goes. */
    private static final class Tree {
        private final String name;
        private final String format;
        private final JsonParser p;
        private final Problems problems;
        private boolean failed;

        Tree(String name, String format, JsonParser p, Problems problems) {
            this.name = name;
            this.format = format;
            this.p = p;
            this.problems = problems;
        }

        /** Reads a map whose START_OBJECT is the current token. */
        DocNode.MapNode map(String path, int depth) throws IOException {
            DocNode.MapNode map = new DocNode.MapNode(Origin.FILE);
            Map<String, Integer> lines = new HashMap<>();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String key = p.currentName();
                int line = p.currentTokenLocation().getLineNr();
                JsonLocation keyEnd = p.currentLocation();
                String childPath = path.isEmpty() ? key : path + "." + key;
                JsonToken valueToken = p.nextToken();
                if (key.length() > Limits.MAX_KEY_LENGTH) {
                    fail(Limits.shorten(childPath), Limits.keyTooLong(key.length()));
                    p.skipChildren();
                    continue;
                }
                DocNode value = node(valueToken, childPath, depth + 1);
                Integer firstLine = lines.putIfAbsent(key, line);
                if (firstLine != null) {
                    fail(
                            where(name, keyEnd),
                            "is not valid " + format + ": Duplicate field '"
                                    + Limits.shorten(key) + "' (" + Limits.shorten(childPath)
                                    + " is set twice, first on line "
                                    + firstLine + ")");
                } else if (value != null) {
                    map.entries().put(key, value);
                }
            }
            return map;
        }

        private DocNode node(JsonToken t, String path, int depth) throws IOException {
            if (depth > Limits.MAX_DEPTH) {
                throw new TooDeep(Limits.shorten(path));
            }
            if (isAlias(p)) {
                fail(
                        Limits.shorten(path),
                        "is a YAML alias (*" + Limits.shorten(p.getText(), 40) + "); aliases and "
                                + "anchors are not supported, write the value out");
                return null;
            }
            switch (t) {
                case START_OBJECT:
                    return map(path, depth);
                case START_ARRAY:
                    DocNode.ListNode list = new DocNode.ListNode(Origin.FILE);
                    for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
                        DocNode n = node(item, path, depth + 1);
                        if (n != null) {
                            list.items().add(n);
                        }
                    }
                    return list;
                case VALUE_NULL:
                    return new DocNode.Scalar(null, Origin.FILE, null);
                case VALUE_TRUE:
                case VALUE_FALSE:
                    return new DocNode.Scalar(String.valueOf(t == JsonToken.VALUE_TRUE), Origin.FILE, null);
                case VALUE_NUMBER_INT:
                    return new DocNode.Scalar(p.getNumberValue().toString(), Origin.FILE, null);
                case VALUE_NUMBER_FLOAT:
                    return new DocNode.Scalar(String.valueOf(p.getDoubleValue()), Origin.FILE, null);
                default:
                    String text = p.getText();
                    if (text != null && text.length() > Limits.MAX_VALUE_LENGTH) {
                        fail(Limits.shorten(path), Limits.valueTooLong(text.length()));
                        return null;
                    }
                    return new DocNode.Scalar(text, Origin.FILE, null);
            }
        }

        private void fail(String path, String reason) {
            failed = true;
            problems.missing(path, reason);
        }
    }

    /**
     * Quotes bare placeholders that stand as whole values inside flow collections, outside
     * quotes and comments. Linear in the length of the text.
     */
    static String quotePlaceholdersInFlow(String text) {
        if (!text.contains("${")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (String line : text.split("\n", -1)) {
            Matcher m = FLOW_PLACEHOLDER.matcher(line);
            StringBuilder sb = new StringBuilder();
            int scanned = 0;
            int doubleQuotes = 0;
            int singleQuotes = 0;
            boolean comment = false;
            boolean flow = false;
            while (m.find()) {
                for (; scanned < m.end(1); scanned++) {
                    char c = line.charAt(scanned);
                    doubleQuotes += c == '"' ? 1 : 0;
                    singleQuotes += c == '\'' ? 1 : 0;
                    comment |= c == '#';
                    flow |= c == '{' || c == '[';
                }
                boolean quotedOrComment = doubleQuotes % 2 == 1 || singleQuotes % 2 == 1 || comment || !flow;
                m.appendReplacement(
                        sb,
                        Matcher.quoteReplacement(quotedOrComment ? m.group() : m.group(1) + "\"" + m.group(2) + "\""));
            }
            m.appendTail(sb);
            out.append(sb).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
