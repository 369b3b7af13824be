package dev.kafkasdk.core.config.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JacksonReaderTest {

    @Test
    void quotesPlaceholdersInFlowCollectionsButNotInQuotesOrComments() {
        assertThat(JacksonReader.quotePlaceholdersInFlow("a: { b: ${B}, c: '${C}' } # { d: ${D} }"))
                .isEqualTo("a: { b: \"${B}\", c: '${C}' } # { d: ${D} }");
        assertThat(JacksonReader.quotePlaceholdersInFlow("a: ${A}")).isEqualTo("a: ${A}");
        assertThat(JacksonReader.quotePlaceholdersInFlow("a: [${A}, ${B:x}]")).isEqualTo("a: [\"${A}\", \"${B:x}\"]");
    }

    @Test
    void quotesPlaceholdersOfAHugeLineInLinearTime() {
        String line = "a: [" + "${A}, ".repeat(100_000) + "x]";

        String quoted =
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> JacksonReader.quotePlaceholdersInFlow(line));

        assertThat(quoted.startsWith("a: [\"${A}\", \"${A}\", "))
                .as(quoted.substring(0, 40))
                .isTrue();
        assertThat(quoted.length()).isEqualTo(line.length() + 200_000);
    }

    @Test
    void findsTheLineOfARunWithoutWhiteSpaceLongerThanAnyKeyAndValue() {
        assertThat(JacksonReader.lineOfLongRun("a: b\nc: " + "x".repeat(JacksonReader.MAX_RUN) + "\n"))
                .isEqualTo(-1);
        assertThat(JacksonReader.lineOfLongRun("a: b\nc: " + "x".repeat(JacksonReader.MAX_RUN + 1)))
                .isEqualTo(2);
    }
}
