package dev.kafkasdk.examples.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks (or rewrites) the fenced code blocks of one Markdown page against the tagged regions of
 * the source files their {@code <!-- snippet: path#tag[,tag...] -->} markers name. A region runs
 * from a line containing {@code tag::name[]} to one containing {@code end::name[]}; it is
 * dedented, lines holding other tags are dropped, and several regions are joined by a blank line.
 * A marker without {@code #} names the whole file. Every {@code java} block needs a marker.
 */
final class DocSnippets {

    private static final Pattern MARKER = Pattern.compile("^<!-- snippet: (\\S+?)(?:#(\\S+))? -->$");
    private static final Pattern TABLE_MARKER = Pattern.compile("^<!-- table: (\\S+?)#(\\S+) -->$");
    private static final Pattern CELL = Pattern.compile("<t[hd]>(.*?)</t[hd]>");
    private static final Pattern CODE = Pattern.compile("\\{@code ([^}]*)}");

    record Result(int checked, List<String> problems) {}

    private DocSnippets() {}

    static Result check(Path root, Path page, boolean update) throws IOException {
        List<String> lines = new ArrayList<>(
                List.of(Files.readString(page, StandardCharsets.UTF_8).split("\n", -1)));
        List<String> problems = new ArrayList<>();
        int checked = 0;
        boolean changed = false;
        String name = root.relativize(page.toAbsolutePath().normalize()).toString();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher table = TABLE_MARKER.matcher(line);
            if (table.matches()) {
                int end = i + 1;
                while (end < lines.size() && lines.get(end).startsWith("|")) {
                    end++;
                }
                checked++;
                String where = table.group(1) + "#" + table.group(2);
                try {
                    String expected = javadocTable(root, table.group(1), table.group(2));
                    String actual = String.join("\n", lines.subList(i + 1, end));
                    if (!actual.equals(expected)) {
                        if (update) {
                            lines.subList(i + 1, end).clear();
                            lines.addAll(i + 1, List.of(expected.split("\n", -1)));
                            changed = true;
                        } else {
                            problems.add(name + ":" + (i + 1) + ": table differs from " + where + "\n--- source\n"
                                    + expected + "\n--- page\n" + actual);
                        }
                    }
                } catch (MissingRegion e) {
                    problems.add(name + ":" + (i + 1) + ": " + where + ": " + e.getMessage());
                }
                continue;
            }
            if (!line.startsWith("```") || line.equals("```")) {
                continue;
            }
            int end = closingFence(lines, i);
            Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1)) : MARKER.matcher("");
            if (!marker.matches()) {
                if (line.equals("```java")) {
                    problems.add(
                            name + ":" + (i + 1) + ": a java block with no <!-- snippet: path#tag --> line above it");
                }
                i = end;
                continue;
            }
            checked++;
            String where = marker.group(1) + (marker.group(2) == null ? "" : "#" + marker.group(2));
            String expected;
            try {
                expected = expected(root, marker.group(1), marker.group(2));
            } catch (MissingRegion e) {
                problems.add(name + ":" + (i + 1) + ": " + where + ": " + e.getMessage());
                i = end;
                continue;
            }
            String actual = String.join("\n", lines.subList(i + 1, end));
            if (!actual.equals(expected)) {
                if (update) {
                    List<String> replacement = List.of(expected.split("\n", -1));
                    lines.subList(i + 1, end).clear();
                    lines.addAll(i + 1, replacement);
                    end = i + 1 + replacement.size();
                    changed = true;
                } else {
                    problems.add(name + ":" + (i + 1) + ": differs from " + where + "\n--- source\n" + expected
                            + "\n--- page\n" + actual);
                }
            }
            i = end;
        }
        if (changed) {
            Files.writeString(page, String.join("\n", lines), StandardCharsets.UTF_8);
        }
        return new Result(checked, problems);
    }

    private static int closingFence(List<String> lines, int open) {
        for (int j = open + 1; j < lines.size(); j++) {
            if (lines.get(j).equals("```")) {
                return j;
            }
        }
        throw new IllegalStateException("unclosed code block opened at line " + (open + 1));
    }

    /** The lines of a file the docs name; the path must stay inside {@code root}. */
    private static List<String> sourceLines(Path root, String file) throws IOException {
        Path source = root.resolve(file).normalize();
        if (!source.startsWith(root.normalize())) {
            throw new IllegalArgumentException("snippet path " + file + " leaves " + root);
        }
        if (!Files.isRegularFile(source)) {
            throw new MissingRegion("no such file");
        }
        return List.of(Files.readString(source, StandardCharsets.UTF_8).split("\n", -1));
    }

    private static String expected(Path root, String file, String tags) throws IOException {
        List<String> text = sourceLines(root, file);
        if (tags == null) {
            return String.join("\n", trimTrailingBlank(text));
        }
        List<String> parts = new ArrayList<>();
        for (String tag : tags.split(",")) {
            parts.add(String.join("\n", dedent(region(text, tag))));
        }
        return String.join("\n\n", parts);
    }

    /** A javadoc HTML table region ({@code <tr><th>..</th></tr>} rows) as a Markdown table. */
    private static String javadocTable(Path root, String file, String tag) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : region(sourceLines(root, file), tag)) {
            String row = line.strip().replaceFirst("^\\*\\s?", "");
            Matcher cell = CELL.matcher(row);
            List<String> cells = new ArrayList<>();
            while (cell.find()) {
                cells.add(CODE.matcher(cell.group(1))
                        .replaceAll("`$1`")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&amp;", "&"));
            }
            if (!cells.isEmpty()) {
                rows.add("| " + String.join(" | ", cells) + " |");
                if (rows.size() == 1) {
                    rows.add("|" + " --- |".repeat(cells.size()));
                }
            }
        }
        if (rows.isEmpty()) {
            throw new MissingRegion("region '" + tag + "' holds no <tr> rows");
        }
        return String.join("\n", rows);
    }

    private static List<String> region(List<String> text, String tag) {
        int start = -1;
        for (int i = 0; i < text.size(); i++) {
            if (text.get(i).contains("tag::" + tag + "[]")) {
                start = i + 1;
            } else if (start >= 0 && text.get(i).contains("end::" + tag + "[]")) {
                return text.subList(start, i).stream()
                        .filter(l -> !l.contains("tag::") && !l.contains("end::"))
                        .toList();
            }
        }
        throw new MissingRegion("no region '" + tag + "' (tag::" + tag + "[] ... end::" + tag + "[])");
    }

    private static List<String> dedent(List<String> lines) {
        int indent = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        return lines.stream()
                .map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing())
                .toList();
    }

    private static List<String> trimTrailingBlank(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        return lines.subList(0, end);
    }

    private static final class MissingRegion extends RuntimeException {
        MissingRegion(String message) {
            super(message);
        }
    }
}
