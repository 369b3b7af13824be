package dev.kafkasdk.it.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The {@code -Pcompat} runs of the modules' own integration suites, read from their failsafe reports
 * ({@code <module>/target/failsafe-reports-compat/<version>/TEST-*.xml}, written by the parent pom's
 * {@code compat-<version>} executions) and rendered as a suites x versions table: "yes" when every
 * test passed, "partly (n)" when some were skipped for a feature the release lacks (the note quotes the
 * assumption), "no (n)" when all were skipped, "FAILED" otherwise. Not thread-safe.
 */
final class SuiteResults {

    /** The modules whose suites the compat profile runs, in table order. */
    static final List<String> MODULES = List.of("sdk-producer", "sdk-consumer", "sdk-admin", "sdk-cli");

    /** One test class on one version. */
    record Suite(int tests, int failed, int skipped, double seconds, List<String> skipReasons) {
        int passed() {
            return tests - failed - skipped;
        }
    }

    /** module + " " + class -> version -> suite. */
    private final Map<String, Map<String, Suite>> rows = new TreeMap<>(SuiteResults::byModuleOrder);

    private final List<String> versions;

    private SuiteResults(List<String> versions) {
        this.versions = List.copyOf(versions);
    }

    /** Reads every report under {@code root}'s modules for {@code versions}; missing ones stay empty. */
    static SuiteResults read(Path root, List<String> versions) {
        SuiteResults results = new SuiteResults(versions);
        for (String module : MODULES) {
            for (String version : versions) {
                Path dir = root.resolve(module)
                        .resolve("target/failsafe-reports-compat")
                        .resolve(version);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml"))
                            .sorted()
                            .forEach(f -> results.add(module, version, f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return results;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    private void add(String module, String version, Path report) {
        try {
            Document doc =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
            Element suite = doc.getDocumentElement();
            String name = suite.getAttribute("name");
            List<String> reasons = new ArrayList<>();
            NodeList skipped = suite.getElementsByTagName("skipped");
            for (int i = 0; i < skipped.getLength(); i++) {
                Element skip = (Element) skipped.item(i);
                String message = skip.hasAttribute("message")
                        ? skip.getAttribute("message")
                        : skip.getTextContent().strip().lines().findFirst().orElse("");
                String reason = reason(message);
                if (!reasons.contains(reason)) {
                    reasons.add(reason);
                }
            }
            Suite result = new Suite(
                    count(suite, "tests"),
                    count(suite, "failures") + count(suite, "errors"),
                    count(suite, "skipped"),
                    Double.parseDouble(suite.getAttribute("time").replace(",", "")),
                    reasons);
            String row = module + " " + name.substring(name.lastIndexOf('.') + 1);
            rows.computeIfAbsent(row, r -> new TreeMap<>()).put(version, result);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the failsafe report " + report + ": " + e, e);
        }
    }

    private static int count(Element suite, String attribute) {
        String value = suite.getAttribute(attribute);
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }

    /** The assumption's message without JUnit's prefix, up to the SDK message's first sentence. */
    static String reason(String message) {
        String text = message.replaceFirst("^org\\.opentest4j\\.TestAbortedException: ", "")
                .replaceFirst("^Assumption failed: ", "")
                .replaceFirst("^skipped, ", "");
        return text.isBlank() ? "skipped without a reason" : Outcome.firstSentence(text);
    }

    /** Per version: passed, failed, skipped and seconds over every suite. */
    String summary(String version) {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        double seconds = 0;
        for (Map<String, Suite> row : rows.values()) {
            Suite s = row.get(version);
            if (s != null) {
                passed += s.passed();
                failed += s.failed();
                skipped += s.skipped();
                seconds += s.seconds();
            }
        }
        return String.format(
                Locale.ROOT,
                "Kafka %s: %d passed, %d failed, %d skipped, %.0f s in the tests",
                version,
                passed,
                failed,
                skipped,
                seconds);
    }

    /** The suites x versions table with its notes and one summary line per version. */
    String markdown() {
        List<String> notes = new ArrayList<>();
        StringBuilder out = new StringBuilder("| Integration suite | ");
        out.append(String.join(" | ", versions.stream().map(v -> "Kafka " + v).toList()))
                .append(" |\n|---|")
                .append("---|".repeat(versions.size()))
                .append('\n');
        rows.forEach((row, byVersion) -> {
            out.append("| ").append(row).append(" |");
            for (String version : versions) {
                out.append(' ').append(cell(byVersion.get(version), notes)).append(" |");
            }
            out.append('\n');
        });
        out.append('\n');
        for (int i = 0; i < notes.size(); i++) {
            out.append(i + 1).append(". ").append(notes.get(i)).append('\n');
        }
        out.append('\n');
        versions.forEach(v -> out.append("- ").append(summary(v)).append('\n'));
        return out.toString();
    }

    private static String cell(Suite suite, List<String> notes) {
        if (suite == null) {
            return "not run";
        }
        if (suite.failed() > 0) {
            return "FAILED: " + suite.failed() + " of " + suite.tests();
        }
        if (suite.skipped() == 0) {
            return "yes (" + suite.tests() + ")";
        }
        String note = "skipped: " + String.join("; ", suite.skipReasons());
        int index = notes.indexOf(note);
        if (index < 0) {
            notes.add(note);
            index = notes.size() - 1;
        }
        return (suite.passed() == 0 ? "no: " : "partly: " + suite.passed() + " of " + suite.tests() + ", ")
                + suite.skipped() + " skipped (" + (index + 1) + ")";
    }

    private static int byModuleOrder(String a, String b) {
        int byModule = Integer.compare(
                MODULES.indexOf(a.substring(0, a.indexOf(' '))), MODULES.indexOf(b.substring(0, b.indexOf(' '))));
        return byModule != 0 ? byModule : a.compareTo(b);
    }
}
