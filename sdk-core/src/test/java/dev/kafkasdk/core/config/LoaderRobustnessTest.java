package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.ConfigProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression tests for the loader bugs an outside fuzz of mutated configs found: secrets echoed
 * by parser messages, YAML aliases, unbounded depth and size, and formats that disagree.
 */
class LoaderRobustnessTest {

    static final String SASL_YAML = """
            cluster:
              bootstrap-servers: b:9092
              security:
                protocol: SASL_SSL
                sasl:
                  mechanism: PLAIN
                  username: u
            """;

    static KafkaSdkConfig.Loader loader(String format, String text) {
        KafkaSdkConfig.Loader loader = KafkaSdkConfig.loader().environment(Map.of());
        return switch (format) {
            case "json" -> loader.json(text);
            case "properties" -> loader.properties(text);
            default -> loader.yaml(text);
        };
    }

    static ConfigException rejected(String format, String text) {
        ConfigException e = catchThrowableOfType(
                ConfigException.class, () -> loader(format, text).load());
        assertThat(e).as("%s was accepted", format).isNotNull();
        return e;
    }

    static void assertNowhere(ConfigException e, String secret) {
        assertThat(e.getMessage()).doesNotContain(secret);
        assertThat(e.problems())
                .allSatisfy(p -> assertThat(p.toString() + p.value()).doesNotContain(secret));
    }

    // 1. secrets in parser messages

    @Test
    void anUnquotedJsonPasswordIsNotEchoedByTheSyntaxError() {
        String json = "{\"cluster\": {\"bootstrap-servers\": \"b:9092\", \"security\": {\"protocol\": \"SASL_SSL\","
                + " \"sasl\": {\"mechanism\": \"PLAIN\", \"username\": \"u\", \"password\": hunter2Secret}}}}";

        ConfigException e = rejected("json", json);

        assertNowhere(e, "hunter2");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).startsWith("(json):1:");
            assertThat(p.reason()).startsWith("is not valid JSON: Unrecognized token '...'");
        });
    }

    @Test
    void aLongUnquotedJsonPasswordIsNotEchoedEvenWhereTheMessageIsShortened() {
        String secret = "hunter2Secret" + "x".repeat(240);
        String json = "{\"cluster\": {\"bootstrap-servers\": \"b:9092\", \"security\": {\"protocol\": \"SASL_SSL\","
                + " \"sasl\": {\"mechanism\": \"PLAIN\", \"username\": \"u\", \"password\": " + secret + "}}}}";

        ConfigException e = rejected("json", json);

        assertNowhere(e, "hunter2");
        assertNowhere(e, "xxxxxxxx");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "      password: \"hunter2Secret\n",
                "      password: 'hunter2Secret\n",
                "      password: hunter2Secret: more\n",
                "      password: [hunter2Secret\n",
                "      password: @hunter2Secret\n",
                "      password: \"hunter2Secret\\q\"\n",
                "      password: hunter2Secret\n     bad: [\n",
                "\tpassword: hunter2Secret\n"
            })
    void yamlSyntaxErrorsNearAPasswordDoNotEchoIt(String line) {
        ConfigException e = rejected("yaml", SASL_YAML + line);

        assertNowhere(e, "hunter2");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.path()).isNotBlank());
    }

    // 2. YAML aliases

    @Test
    void aYamlAliasIsRejectedWithItsPathInsteadOfLoadingTheAnchorName() {
        String yaml = """
                cluster:
                  bootstrap-servers: b:9092
                  client-id-prefix: &grp billing
                consumers:
                  billing:
                    group-id: *grp
                """;

        ConfigException e = rejected("yaml", yaml);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("consumers.billing.group-id");
            assertThat(p.reason()).contains("is a YAML alias (*grp)", "not supported");
        });
    }

    @Test
    void aYamlMergeKeyIsAnAliasTooAndIsRejected() {
        String yaml = """
                cluster: { bootstrap-servers: b:9092 }
                producers:
                  base: &base { linger: 5ms }
                  orders:
                    <<: *base
                """;

        assertThat(rejected("yaml", yaml).problems())
                .extracting(ConfigProblem::path)
                .containsExactly("producers.orders.<<");
    }

    @Test
    void aYamlAliasAsAKeyIsASyntaxErrorThatDoesNotNameParserInternals() {
        ConfigException e = rejected("yaml", "cluster:\n  bootstrap-servers: &b b:9092\n  *b : x\n");

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("(yaml):3:5");
            assertThat(p.reason())
                    .isEqualTo(
                            "is not valid YAML: Expected a field name (Scalar value in YAML), got " + "something else");
        });
    }

    // 3. depth

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "json", "properties", "yaml-block"})
    void tenThousandLevelsOfNestingAreAConfigExceptionNamingThePath(String format) {
        int n = 10_000;
        String text = switch (format) {
            case "json" -> "{\"a\":".repeat(n) + "1" + "}".repeat(n);
            case "properties" -> "a.".repeat(n) + "a=1\n";
            case "yaml-block" -> nestedBlockYaml(200);
            default -> "{a: ".repeat(n) + "1" + "}".repeat(n);
        };

        ConfigException e =
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> rejected(format.replace("-block", ""), text));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).startsWith("a.a.a.a");
            assertThat(p.path().length()).isLessThanOrEqualTo(200);
            assertThat(p.reason()).contains("nests deeper than 16 levels");
        });
    }

    @Test
    void sixteenLevelsAreStillReadAndReportedAsUnknownKeys() {
        ConfigException e = rejected("properties", "cluster.bootstrap-servers=b:9092\n" + "a.".repeat(15) + "a=1\n");

        assertThat(e.problems()).extracting(ConfigProblem::reason).noneMatch(r -> r.contains("nests deeper"));
    }

    private static String nestedBlockYaml(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append(" ".repeat(i)).append("a:\n");
        }
        return sb.append(" ".repeat(depth)).append("b: 1\n").toString();
    }

    // 4. size

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "json", "properties"})
    void aTenMegabyteValueIsRejectedQuicklyWithoutReadingIt(String format) {
        String big = "x".repeat(10 * 1024 * 1024);
        String text = switch (format) {
            case "json" -> "{\"cluster\": {\"bootstrap-servers\": \"" + big + "\"}}";
            case "properties" -> "cluster.bootstrap-servers=" + big + "\n";
            default -> "cluster:\n  bootstrap-servers: " + big + "\n";
        };

        ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> rejected(format, text));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("(" + format + ")");
            assertThat(p.reason()).contains("at most 1048576 (1 MiB)");
        });
        assertThat(e.getMessage().length()).isLessThan(500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "json", "properties"})
    void aValueJustUnderTheDocumentLimitIsRejectedWithinFiveSeconds(String format) {
        String big = "word ".repeat(200_000).strip();
        String text = switch (format) {
            case "json" -> "{\"cluster\": {\"bootstrap-servers\": \"" + big + "\"}}";
            case "properties" -> "cluster.bootstrap-servers=" + big + "\n";
            default -> "cluster:\n  bootstrap-servers: " + big + "\n";
        };

        ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> rejected(format, text));

        assertThat(e.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("cluster.bootstrap-servers"));
    }

    @Test
    void aYamlRunWithoutWhiteSpaceLongerThanAnyValueIsRejectedBeforeParsing() {
        String yaml = "cluster:\n  bootstrap-servers: " + "x".repeat(1_000_000) + "\n";

        ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> rejected("yaml", yaml));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("(yaml):2");
            assertThat(p.reason()).startsWith("has more than 65808 characters without a space or line break");
        });
    }

    @Test
    void aFileLargerThanOneMebibyteIsRejectedBeforeParsing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.yaml");
        Files.writeString(file, "cluster:\n  bootstrap-servers: " + "x".repeat(2 * 1024 * 1024) + "\n");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> KafkaSdkConfig.load(file));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(file.toString());
            assertThat(p.reason()).contains("larger than 1048576 bytes");
        });
    }

    @Test
    void aFileThatIsNotUtf8IsAProblemNotAnException(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.properties");
        Files.write(file, new byte[] {'a', '=', (byte) 0xE9, '\n'});

        assertThat(catchThrowableOfType(ConfigException.class, () -> KafkaSdkConfig.load(file))
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("is not valid UTF-8 text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "json", "properties"})
    void aValueOverTheLengthLimitIsAProblemNamingItsPath(String format) {
        String big = "word ".repeat(13_999) + "words";
        String text = switch (format) {
            case "json" -> "{\"cluster\": {\"bootstrap-servers\": \"b:9092\", \"client-id-prefix\": \"" + big + "\"}}";
            case "properties" -> "cluster.bootstrap-servers=b:9092\ncluster.client-id-prefix=" + big + "\n";
            default -> "cluster:\n  bootstrap-servers: b:9092\n  client-id-prefix: " + big + "\n";
        };

        assertThat(rejected(format, text).problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("cluster.client-id-prefix");
            assertThat(p.reason()).isEqualTo("is a value of 70000 characters; values have at most 65536");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "json", "properties"})
    void longValuesAreShortenedInDescribeToStringAndMessages(String format) {
        String big = "z".repeat(60_000);
        String text = switch (format) {
            case "json" ->
                "{\"cluster\": {\"bootstrap-servers\": \"b:9092\"}, \"producers\": {\"p\": {\"properties\":"
                        + " {\"client.rack\": \"" + big + "\"}}}}";
            case "properties" -> "cluster.bootstrap-servers=b:9092\nproducers.p.properties.client.rack=" + big + "\n";
            default ->
                "cluster: {bootstrap-servers: b:9092}\nproducers: {p: {properties: {client.rack: " + big + "}}}\n";
        };

        KafkaSdkConfig config = loader(format, text).load();

        assertThat(config.producer("p").toProperties()).containsEntry("client.rack", big);
        assertThat(config.describe().length()).isLessThan(20_000);
        assertThat(config.describe()).contains("zzz...(60000 chars)");
        assertThat(config.producer("p").toString().length()).isLessThan(5_000);
        ConfigException bad = rejected(format, text.replace("client.rack", "linger.ms"));
        assertThat(bad.getMessage().length()).isLessThan(1_000);
    }

    @Test
    void longTopicConfigValuesAreShortenedInDescribe() {
        String big = "1".repeat(10_000);
        KafkaSdkConfig config = loader(
                        "yaml",
                        "cluster: {bootstrap-servers: b:9092}\ntopics:\n  t:\n    configs:\n"
                                + "      message.timestamp.after.max.ms: " + big + "\n")
                .load();

        assertThat(config.topic("t").toTopicConfigs()).containsEntry("message.timestamp.after.max.ms", big);
        assertThat(config.describe()).contains("111...(10000 chars)").hasSizeLessThan(5_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "properties"})
    void aMegabyteOfDuplicateKeysListsTwoHundredProblemsAndCountsTheRest(String format) {
        String line = format.equals("yaml") ? "a: 1\n" : "a=1\n";
        String text = line.repeat(1_000_000 / line.length());

        ConfigException e = rejected(format, text);

        assertThat(e.problems()).hasSize(201);
        assertThat(e.problems().get(200).reason())
                .matches("and \\d+ more problems from here on, not listed; fix the " + "ones above first");
        assertThat(e.getMessage().length()).isLessThan(100_000);
    }

    // 5. the formats agree

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "json", "properties"})
    void aByteOrderMarkIsDroppedInEveryFormat(String format) {
        String text = switch (format) {
            case "json" -> "{\"cluster\": {\"bootstrap-servers\": \"b:9092\"}}";
            case "properties" -> "cluster.bootstrap-servers=b:9092\n";
            default -> "cluster:\n  bootstrap-servers: b:9092\n";
        };

        KafkaSdkConfig config = loader(format, "\uFEFF" + text).load();

        assertThat(config.cluster().bootstrapServers()).containsExactly("b:9092");
    }

    @Test
    void aByteOrderMarkInAFileIsDropped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bom.properties");
        Files.write(file, "\uFEFFcluster.bootstrap-servers=b:9092\n".getBytes(StandardCharsets.UTF_8));

        assertThat(KafkaSdkConfig.load(file).cluster().bootstrapServers()).containsExactly("b:9092");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "json", "properties"})
    void aKeySetTwiceIsRejectedInEveryFormatNamingTheKey(String format) {
        String text = switch (format) {
            case "json" ->
                "{\"cluster\": {\"bootstrap-servers\": \"b:9092\"}, \"producers\": {\"orders\": "
                        + "{\"linger\": \"5ms\", \"linger\": \"6ms\"}}}";
            case "properties" ->
                "cluster.bootstrap-servers=b:9092\nproducers.orders.linger=5ms\n" + "producers.orders.linger=6ms\n";
            default ->
                "cluster:\n  bootstrap-servers: b:9092\nproducers:\n  orders:\n    linger: 5ms\n" + "    linger: 6ms\n";
        };

        assertThat(rejected(format, text).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason())
                        .contains("Duplicate field 'linger'", "producers.orders.linger is set twice"));
    }

    @Test
    void aSecondYamlDocumentIsRejected() {
        String yaml = "cluster:\n  bootstrap-servers: b:9092\n---\nproducers:\n  orders:\n    linger: 5ms\n";

        assertThat(rejected("yaml", yaml).problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("(yaml):4:1");
            assertThat(p.reason()).contains("more than one YAML document");
        });
    }

    @Test
    void textAfterTheJsonObjectIsRejected() {
        assertThat(rejected("json", "{\"cluster\": {\"bootstrap-servers\": \"b:9092\"}} {\"producers\": {}}")
                        .problems())
                .singleElement()
                .satisfies(
                        p -> assertThat(p.reason()).contains("more text after the end of the top-level JSON object"));
    }
}
