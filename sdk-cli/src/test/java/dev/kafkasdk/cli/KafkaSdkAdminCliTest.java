package dev.kafkasdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line behaviour that needs no broker: offline lint, sizing, usage errors. */
class KafkaSdkAdminCliTest {

    private static String example() throws URISyntaxException {
        return Path.of(KafkaSdkAdminCliTest.class
                        .getResource("/kafka-sdk-admin-example.yaml")
                        .toURI())
                .toString();
    }

    @Test
    void offlineLintOfTheExampleConfigPassesWithExitCodeZero() throws Exception {
        CliRun run = CliRun.of("lint", "--config", example(), "--broker-count", "3");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("lint (offline): 15 rules, 0 errors, 0 warnings, 0 info");
    }

    @Test
    void lintErrorsGiveExitCodeOneAndJsonListsThem(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, """
                cluster:
                  bootstrap-servers: "localhost:9092"
                producers:
                  big:
                    acks: all
                    max-request-size: 5MiB
                topics:
                  small:
                    partitions: 3
                    replication-factor: 3
                    min-insync-replicas: 2
                    max-message-bytes: 1MiB
                """);

        CliRun table = CliRun.of("lint", "-c", config.toString());
        CliRun json = CliRun.of("lint", "-c", config.toString(), "--output", "json");

        assertThat(table.exitCode()).as(table.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(table.out()).contains("ERROR KSDK-L001 producer 'big'", "fix: lower max.request.size to 1048576");
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(json.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(doc.get("errors").asInt()).isEqualTo(1);
        assertThat(doc.get("findings").get(0).get("id").asText()).isEqualTo("KSDK-L001");
        assertThat(CliRun.of("lint", "-c", config.toString(), "--skip", "KSDK-L001")
                        .exitCode())
                .isZero();
    }

    @Test
    void sizingPrintsTheRecommendationAndWarnsPastTheBudget() {
        CliRun run = CliRun.of(
                "topics",
                "size",
                "--target",
                "100MB/s",
                "--producer-rate",
                "10MB/s",
                "--consumer-rate",
                "20MB/s",
                "--replication-factor",
                "3",
                "--broker-count",
                "1",
                "--partition-budget",
                "30");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains(
                        "-> 10 partitions (producer-bound)",
                        "with 20% headroom: 12 partitions recommended",
                        "WARN: about 36 partition replicas per broker, above the budget of 30");
    }

    @Test
    void missingConnectionAndBadArgumentsAreUsageErrors() {
        CliRun noCluster = CliRun.of("groups", "list");
        assertThat(noCluster.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noCluster.err()).contains("Missing --bootstrap-servers HOST:PORT or --config FILE");

        CliRun badRate =
                CliRun.of("topics", "size", "--target", "fast", "--producer-rate", "1MB/s", "--consumer-rate", "1MB/s");
        assertThat(badRate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badRate.err()).contains("'fast' is not a throughput");

        CliRun noPlanConfig = CliRun.of("topics", "plan", "-b", "localhost:9092");
        assertThat(noPlanConfig.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noPlanConfig.err()).contains("Missing --config FILE: 'kafka-sdk-admin topics plan'");

        assertThat(CliRun.of("topics").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void anUnreachableClusterIsAnErrorWithExitCodeThree() {
        CliRun run = CliRun.of("cluster", "health", "-b", "127.0.0.1:1", "--timeout", "1s", "--attempts", "1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).startsWith("error: failed to describe cluster");
    }

    @Test
    void anInvalidConfigFileIsReportedWithEveryProblem(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("typo.yaml");
        Files.writeString(config, """
                cluster:
                  bootstrap-server: "localhost:9092"
                """);

        CliRun run = CliRun.of("lint", "-c", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains("bootstrap-server");
    }

    @Test
    void aConfigNestedTenThousandLevelsDeepIsAConfigErrorWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("deep.properties");
        Files.writeString(config, "a.".repeat(10_000) + "a=1\n");

        CliRun run = CliRun.of("lint", "-c", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains("nests deeper than 16 levels").doesNotContain("\tat ", "StackOverflowError");
    }

    @Test
    void anUnquotedPasswordInAJsonConfigNeverReachesTheTerminal(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("secret.json");
        Files.writeString(
                config,
                "{\"cluster\": {\"bootstrap-servers\": \"localhost:9092\", \"security\": "
                        + "{\"protocol\": \"SASL_SSL\", \"sasl\": {\"mechanism\": \"PLAIN\", \"username\": \"u\", "
                        + "\"password\": hunter2Secret}}}}");

        CliRun run = CliRun.of("lint", "-c", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains("is not valid JSON");
        assertThat(run.out() + run.err()).doesNotContain("hunter2");
    }

    @Test
    void anErrorThrownWhileRunningIsOneLineWithExitCodeThree() throws Exception {
        StringWriter err = new StringWriter();
        PrintWriter failingOut = new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int off, int len) {
                throw new StackOverflowError();
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });

        int code = KafkaSdkAdminCli.run(
                failingOut, new PrintWriter(err), "lint", "--config", example(), "--broker-count", "3");

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString())
                .isEqualTo("error: unexpected java.lang.StackOverflowError; please report it" + System.lineSeparator());
    }
}
