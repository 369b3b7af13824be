package dev.kafkasdk.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block in the README and in {@code docs/} is a copy of a tagged region of a compiled
 * source file, named by a {@code <!-- snippet: path#tag -->} line right above the block. This test
 * fails when a copy drifts from its source, names a missing file or tag, or a Java block has no
 * source. Run with {@code -Ddocs.snippets.update=true} to rewrite the copies from the sources.
 */
class DocsSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyJavaBlockInTheDocsMatchesItsCompiledSource() throws IOException {
        boolean update = Boolean.getBoolean("docs.snippets.update");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            DocSnippets.Result result = DocSnippets.check(ROOT, page, update);
            problems.addAll(result.problems());
            checked += result.checked();
        }
        assertThat(problems)
                .as("docs snippets out of date (%d checked)", checked)
                .isEmpty();
        assertThat(checked).as("snippets found in README.md and docs/").isGreaterThanOrEqualTo(4);
    }

    @Test
    void aDriftedCopyIsReportedWithItsPageAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Source.java"), """
                class Source {
                    void m() {
                        // tag::call[]
                        call(1);
                        // end::call[]
                    }
                }
                """);
        Path page = Files.writeString(dir.resolve("page.md"), """
                text
                <!-- snippet: Source.java#call -->
                ```java
                call(2);
                ```
                """);

        DocSnippets.Result result = DocSnippets.check(dir, page, false);

        assertThat(result.checked()).isEqualTo(1);
        assertThat(result.problems())
                .singleElement()
                .asString()
                .contains("page.md:3")
                .contains("Source.java#call")
                .contains("call(1);")
                .contains("call(2);");
    }

    @Test
    void aJavaBlockWithoutASourceAndAMissingTagAreReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Source.java"), "class Source {}\n");
        Path page = Files.writeString(dir.resolve("page.md"), """
                ```java
                orphan();
                ```
                <!-- snippet: Source.java#nowhere -->
                ```java
                x();
                ```
                """);

        DocSnippets.Result result = DocSnippets.check(dir, page, false);

        assertThat(result.problems()).hasSize(2);
        assertThat(result.problems().get(0)).contains("page.md:1").contains("no <!-- snippet:");
        assertThat(result.problems().get(1)).contains("page.md:5").contains("no region 'nowhere'");
    }

    @Test
    void updateRewritesTheCopyFromTheSource(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Source.java"), "// tag::a[]\n    one();\n    two();\n// end::a[]\n");
        Path page =
                Files.writeString(dir.resolve("page.md"), "<!-- snippet: Source.java#a -->\n```java\nold();\n```\n");

        DocSnippets.check(dir, page, true);

        assertThat(Files.readString(page)).isEqualTo("<!-- snippet: Source.java#a -->\n```java\none();\ntwo();\n```\n");
        assertThat(DocSnippets.check(dir, page, false).problems()).isEmpty();
    }

    @Test
    void aTableCopiedFromJavadocIsCheckedCellByCell(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Modes.java"), """
                /**
                 * <table>
                 * <!-- tag::modes[] -->
                 * <tr><th>Mode</th><th>Window</th></tr>
                 * <tr><td>{@code sync()}</td><td>&lt;= 1 record</td></tr>
                 * <!-- end::modes[] -->
                 * </table>
                 */
                interface Modes {}
                """);
        Path page = Files.writeString(dir.resolve("page.md"), """
                <!-- table: Modes.java#modes -->
                | Mode | Window |
                | --- | --- |
                | `sync()` | <= 2 records |
                """);

        DocSnippets.Result drifted = DocSnippets.check(dir, page, false);
        DocSnippets.check(dir, page, true);

        assertThat(drifted.problems())
                .singleElement()
                .asString()
                .contains("page.md:1")
                .contains("<= 1 record");
        assertThat(Files.readString(page)).contains("| `sync()` | <= 1 record |");
        assertThat(DocSnippets.check(dir, page, false).problems()).isEmpty();
    }

    @Test
    void aSnippetPathMayNotLeaveTheRepository(@TempDir Path dir) throws IOException {
        Path page = Files.writeString(dir.resolve("page.md"), "<!-- snippet: ../x.java#a -->\n```java\nx\n```\n");
        assertThatThrownBy(() -> DocSnippets.check(dir.resolve("sub"), page, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("../x.java");
    }

    private static List<Path> pages() {
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            List<Path> pages = new ArrayList<>();
            pages.add(ROOT.resolve("README.md"));
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
