package dev.kafkasdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad option or argument exits 2 and names the flag as it was typed, before any connection: each
 * command points at {@code 127.0.0.1:1}, where nothing listens, and must return well within the time
 * one connection attempt would take (the default call timeout is 30 s).
 */
class OptionErrorsTest {

    private static final String NOWHERE = "127.0.0.1:1";
    private static final String[] SIZE = {
        "topics", "size", "--target", "10MB/s", "--producer-rate", "1MB/s", "--consumer-rate", "2MB/s", "-b", NOWHERE
    };

    static Stream<Arguments> badCommandLines() throws URISyntaxException {
        String example = Path.of(OptionErrorsTest.class
                        .getResource("/kafka-sdk-admin-example.yaml")
                        .toURI())
                .toString();
        return Stream.of(
                bad("option '--attempts'", "'0'", "cluster", "health", "-b", NOWHERE, "--attempts", "0"),
                bad("option '--attempts'", "'-1'", "groups", "list", "-b", NOWHERE, "--attempts=-1"),
                bad("option '--attempts'", "'many'", "cluster", "health", "-b", NOWHERE, "--attempts", "many"),
                bad("option '--timeout'", "'0s'", "cluster", "health", "-b", NOWHERE, "--timeout", "0s"),
                bad("option '--timeout'", "soon", "cluster", "health", "-b", NOWHERE, "--timeout", "soon"),
                bad("option '-b'", "''", "groups", "list", "-b", ""),
                bad("option '--bootstrap-servers'", "is empty", "groups", "list", "--bootstrap-servers", " "),
                bad("option '-b'", "'nohostport' is not host:port", "groups", "list", "-b", "nohostport"),
                bad("option '-b'", "'nohostport' is not host:port", "share-groups", "list", "-b", "nohostport"),
                bad("option '-b'", "''", "share-groups", "describe", "g", "-b", ""),
                bad("option '-b'", "''", "groups", "describe", "g", "-b", ""),
                bad(
                        "option '--bootstrap-servers'",
                        "'x:y' is not host:port",
                        "cluster",
                        "health",
                        "--bootstrap-servers=x:y"),
                bad("option '-c'", "'no-such.yaml' is not a file", "lint", "-c", "no-such.yaml"),
                bad(
                        "option '--config'",
                        "is not a file",
                        "topics",
                        "plan",
                        "--config",
                        System.getProperty("java.io.tmpdir")),
                bad("option '-o'", "xml", "cluster", "health", "-b", NOWHERE, "-o", "xml"),
                bad("(GROUP)", "''", "groups", "lag", "", "-b", NOWHERE),
                bad("(GROUP)", "''", "groups", "describe", "", "-b", NOWHERE),
                bad("(GROUP)", "''", "groups", "reset", "", "--to-earliest", "-b", NOWHERE),
                bad("option '--to-offset'", "'-1'", "groups", "reset", "g", "--to-offset", "-1", "-b", NOWHERE),
                bad(
                        "option '--to-datetime'",
                        "'yesterday'",
                        "groups",
                        "reset",
                        "g",
                        "--to-datetime",
                        "yesterday",
                        "-b",
                        NOWHERE),
                bad("option '-t'", "''", "groups", "reset", "g", "--to-earliest", "-t", "", "-b", NOWHERE),
                bad("option '--topic'", "''", "topics", "plan", "--topic", "", "-c", example),
                bad("option '--headroom'", "'-5'", concat(SIZE, "--headroom", "-5")),
                bad("option '--partition-budget'", "'0'", concat(SIZE, "--partition-budget", "0")),
                bad("option '--replication-factor'", "'0'", concat(SIZE, "--replication-factor", "0")),
                bad("option '--broker-count'", "'0'", concat(SIZE, "--broker-count", "0")),
                bad(
                        "option '--target'",
                        "'fast'",
                        "topics",
                        "size",
                        "--target",
                        "fast",
                        "--producer-rate",
                        "1MB/s",
                        "--consumer-rate",
                        "1MB/s",
                        "-b",
                        NOWHERE),
                bad(
                        "--target, --producer-rate and --consumer-rate",
                        "bytes",
                        "topics",
                        "size",
                        "--target",
                        "100rec/s",
                        "--producer-rate",
                        "1MB/s",
                        "--consumer-rate",
                        "1MB/s",
                        "-b",
                        NOWHERE),
                bad("option '--skip'", "'KSDK-NOPE'", "lint", "-b", NOWHERE, "--skip", "KSDK-L001,KSDK-NOPE"),
                bad("option '--broker-count'", "'0'", "lint", "-c", example, "--broker-count", "0"),
                bad("option '--partition-budget'", "'-3'", "lint", "-c", example, "--partition-budget", "-3"),
                bad("option '--admin'", "nope", "cluster", "health", "-c", example, "-b", NOWHERE, "--admin", "nope"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCommandLines")
    void exitsTwoNamingTheFlagAsTypedWithoutConnecting(String commandLine, String flag, String value, String[] args) {
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CliRun.of(args));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .as(run.toString())
                .contains(flag, value)
                .doesNotContain("maxAttempts", "callTimeout", "groupId", "Exception");
        assertThat(run.out()).as(run.toString()).isEmpty();
    }

    private static Arguments bad(String flag, String value, String... args) {
        return Arguments.of(String.join(" ", quoted(args)), flag, value, args);
    }

    private static List<String> quoted(String[] args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            words.add(arg.isBlank() ? "'" + arg + "'" : arg);
        }
        return words;
    }

    private static String[] concat(String[] head, String... tail) {
        return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
    }
}
