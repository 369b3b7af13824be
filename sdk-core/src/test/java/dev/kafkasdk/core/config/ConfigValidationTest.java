package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.ConfigProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigValidationTest {

    static final String CLUSTER = "cluster:\n  bootstrap-servers: broker1:9092\n";

    /** One bad input: the document, its environment, and the problem it must produce. */
    record Case(String format, String doc, Map<String, String> env, String path, String reason, String secret) {
        KafkaSdkConfig.Loader loader() {
            KafkaSdkConfig.Loader loader = KafkaSdkConfig.loader().environment(env);
            return switch (format) {
                case "json" -> loader.json(doc);
                case "properties" -> loader.properties(doc);
                default -> loader.yaml(doc);
            };
        }
    }

    static Named<Case> yaml(String name, String doc, String path, String reason) {
        return Named.of(name, new Case("yaml", doc, Map.of(), path, reason, null));
    }

    static Named<Case> withEnv(String name, String doc, Map<String, String> env, String path, String reason) {
        return Named.of(name, new Case("yaml", doc, env, path, reason, null));
    }

    static Named<Case> secret(
            String name, String doc, Map<String, String> env, String path, String reason, String secret) {
        return Named.of(name, new Case("yaml", doc, env, path, reason, secret));
    }

    static Named<Case> other(String name, String format, String doc, String path, String reason) {
        return Named.of(name, new Case(format, doc, Map.of(), path, reason, null));
    }

    static String producer(String body) {
        return CLUSTER + "producers:\n  orders:\n" + indent(body);
    }

    static String consumer(String body) {
        return CLUSTER + "consumers:\n  billing:\n" + indent(body);
    }

    static String topic(String body) {
        return CLUSTER + "topics:\n  orders:\n" + indent(body);
    }

    static String security(String body) {
        return CLUSTER + "  security:\n"
                + body.lines().map(l -> "    " + l + "\n").reduce("", String::concat);
    }

    static String indent(String body) {
        return body.lines().map(l -> "    " + l + "\n").reduce("", String::concat);
    }

    static Stream<Named<Case>> badInputs() {
        return Stream.of(
                // malformed documents
                yaml(
                        "malformed YAML",
                        CLUSTER + "producers: [orders\n",
                        "(yaml):3:19",
                        "is not valid YAML: while parsing a flow sequence"),
                other(
                        "malformed JSON",
                        "json",
                        "{\"cluster\": {\"bootstrap-servers\": \"b:9092\",}}",
                        "(json):1:44",
                        "is not valid JSON: Unexpected character ('}' (code 125))"),
                other(
                        "malformed properties escape",
                        "properties",
                        "cluster.bootstrap-servers=b:9092\n" + "producers.orders.client-id=\\u12\n",
                        "(properties):2",
                        "malformed \\uXXXX escape"),
                other(
                        "properties key both value and map",
                        "properties",
                        "cluster.bootstrap-servers=b:9092\n" + "producers.orders=x\nproducers.orders.linger=5ms\n",
                        "(properties):3",
                        "has keys below 'producers.orders', which is also set as a value"),
                yaml(
                        "duplicate YAML key",
                        CLUSTER + "producers:\n  orders:\n    linger: 5ms\n    linger: 6ms\n",
                        "(yaml):6:11",
                        "is not valid YAML: Duplicate field 'linger'"),
                other(
                        "unknown file extension",
                        "file",
                        "",
                        "settings.toml",
                        "has an unknown extension; use .yaml, .yml, .json or .properties"),
                // wrong types
                yaml(
                        "word where a number is expected",
                        topic("partitions: many"),
                        "topics.orders.partitions",
                        "'many' is not a whole number"),
                yaml(
                        "list where a map is expected",
                        CLUSTER + "producers: [orders, billing]\n",
                        "producers",
                        "must be a map of producer names to settings but is a list"),
                yaml(
                        "map where a value is expected",
                        "cluster:\n  bootstrap-servers: {a: b}\n",
                        "cluster.bootstrap-servers",
                        "must be a single value or a list but is a map"),
                yaml(
                        "not a boolean",
                        producer("idempotence: yes-please"),
                        "producers.orders.idempotence",
                        "'yes-please' is not a boolean; use true or false"),
                yaml(
                        "int out of range",
                        consumer("group-id: g\nmax-poll-records: 99999999999"),
                        "consumers.billing.max-poll-records",
                        "is out of range"),
                yaml(
                        "raw properties not a map",
                        producer("properties: [a]"),
                        "producers.orders.properties",
                        "must be a map of producer config names to values but is a list"),
                // unknown typed keys
                yaml(
                        "typo in producer key",
                        producer("lingr: 5ms"),
                        "producers.orders.lingr",
                        "unknown producer setting; did you mean linger?"),
                yaml(
                        "typo in cluster key",
                        "cluster:\n  bootstrap-server: b:9092\n",
                        "cluster.bootstrap-server",
                        "unknown cluster setting; did you mean bootstrap-servers?"),
                yaml(
                        "typo in consumer key",
                        consumer("group-idd: g"),
                        "consumers.billing.group-idd",
                        "did you mean group-id?"),
                yaml(
                        "typo in section",
                        CLUSTER + "producer:\n  orders: {}\n",
                        "producer",
                        "unknown configuration setting; did you mean producers?"),
                yaml(
                        "unknown key without a near match",
                        topic("colour: blue"),
                        "topics.orders.colour",
                        "unknown topic setting; valid keys: partitions, replication-factor"),
                // unknown raw keys
                yaml(
                        "typo in raw producer key",
                        producer("properties: { bootstrap.server: b:9092 }"),
                        "producers.orders.properties.bootstrap.server",
                        "unknown producer config of kafka-clients; did you mean bootstrap.servers?"),
                yaml(
                        "typo in raw consumer key",
                        consumer("group-id: g\nproperties: { max.poll.record: '5' }"),
                        "consumers.billing.properties.max.poll.record",
                        "did you mean max.poll.records?"),
                yaml(
                        "unknown raw admin key",
                        CLUSTER + "admins:\n  default:\n    properties: { foo.bar: x }\n",
                        "admins.default.properties.foo.bar",
                        "unknown admin config of kafka-clients"),
                yaml(
                        "typo in raw topic config",
                        topic("configs: { segment.msx: '1' }"),
                        "topics.orders.configs.segment.msx",
                        "unknown topic config; did you mean segment.ms?"),
                yaml(
                        "raw value of the wrong type",
                        producer("properties: { linger.ms: soon }"),
                        "producers.orders.properties.linger.ms",
                        "is not a valid value for linger.ms (long)"),
                // durations
                yaml(
                        "duration with an unknown unit",
                        producer("linger: 10 parsecs"),
                        "producers.orders.linger",
                        "'10 parsecs' is not a duration; use a number with a unit: ms, s, m, h, d (e.g. 250ms, 5s)"),
                yaml(
                        "duration without unit",
                        producer("linger: 5000"),
                        "producers.orders.linger",
                        "'5000' has no unit"),
                yaml(
                        "negative duration",
                        consumer("group-id: g\nsession-timeout: -5s"),
                        "consumers.billing.session-timeout",
                        "'-5s' is not a duration"),
                yaml(
                        "bad ISO duration",
                        topic("retention: P1X"),
                        "topics.orders.retention",
                        "or ISO-8601 such as PT5S"),
                yaml(
                        "zero request timeout",
                        producer("request-timeout: 0ms"),
                        "producers.orders.request-timeout",
                        "'0ms' must be more than zero"),
                // sizes
                yaml(
                        "size with a rate",
                        producer("batch-size: 64 KB/s"),
                        "producers.orders.batch-size",
                        "'64 KB/s' is not a byte size"),
                yaml(
                        "size with an unknown unit",
                        producer("buffer-memory: 10XB"),
                        "producers.orders.buffer-memory",
                        "'10XB' has an unknown unit"),
                yaml(
                        "size too large for an int key",
                        producer("batch-size: 4GiB"),
                        "producers.orders.batch-size",
                        "'4GiB' is too large; kafka-clients takes at most 2147483647 bytes"),
                // enums
                yaml(
                        "bad acks",
                        producer("acks: most"),
                        "producers.orders.acks",
                        "'most' is not a valid acks value; use one of: none (0), leader (1), all"),
                yaml(
                        "bad compression",
                        producer("compression: brotli"),
                        "producers.orders.compression",
                        "use one of: none, gzip, snappy, lz4, zstd"),
                yaml(
                        "bad SASL mechanism",
                        security("protocol: SASL_SSL\nsasl: { mechanism: SCRAM-SHA-1, " + "username: u, password: p }"),
                        "cluster.security.sasl.mechanism",
                        "use one of: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER"),
                yaml(
                        "bad offset reset",
                        consumer("group-id: g\nauto-offset-reset: oldest"),
                        "consumers.billing.auto-offset-reset",
                        "use one of: earliest, latest, none"),
                yaml(
                        "bad preset",
                        producer("preset: TURBO"),
                        "producers.orders.preset",
                        "use one of: LOW_LATENCY, BALANCED, HIGH_THROUGHPUT, DURABLE, FIRE_AND_FORGET"),
                // environment
                secret(
                        "missing env var for a secret",
                        security("protocol: SASL_SSL\nsasl:\n  mechanism: PLAIN\n"
                                + "  username: u\n  password: ${KAFKA_PASSWORD}"),
                        Map.of(),
                        "cluster.security.sasl.password",
                        "uses environment variable KAFKA_PASSWORD, which is not set" + " and has no default",
                        "${KAFKA_PASSWORD}"),
                yaml(
                        "missing env var",
                        "cluster:\n  bootstrap-servers: ${BROKERS}\n",
                        "cluster.bootstrap-servers",
                        "uses environment variable BROKERS, which is not set and has no default; set it, or write "
                                + "${BROKERS:default}"),
                withEnv(
                        "override with a typo",
                        producer("linger: 5ms"),
                        Map.of("KAFKA_SDK_PRODUCERS_ORDERS_LINGR", "5ms"),
                        "KAFKA_SDK_PRODUCERS_ORDERS_LINGR",
                        "matches no setting; did you mean KAFKA_SDK_PRODUCERS_ORDERS_LINGER?"),
                withEnv(
                        "override with a bad value",
                        producer("linger: 5ms"),
                        Map.of("KAFKA_SDK_PRODUCERS_ORDERS_LINGER", "soon"),
                        "producers.orders.linger",
                        "'soon' is not a duration; use a number with a unit: ms, s, m, h, d (e.g. 250ms, 5s) (from "
                                + "environment variable KAFKA_SDK_PRODUCERS_ORDERS_LINGER)"),
                withEnv(
                        "override of a misspelt section",
                        CLUSTER,
                        Map.of("KAFKA_SDK_CLUSTR_BOOTSTRAP_SERVERS", "b:1"),
                        "KAFKA_SDK_CLUSTR_BOOTSTRAP_SERVERS",
                        "did you mean KAFKA_SDK_CLUSTER_BOOTSTRAP_SERVERS?"),
                secret(
                        "override of a misspelt password",
                        security("protocol: SASL_SSL\nsasl: { mechanism: PLAIN, " + "username: u, password: p }"),
                        Map.of("KAFKA_SDK_CLUSTER_SECURITY_SASL_PASWORD", "hunter2"),
                        "KAFKA_SDK_CLUSTER_SECURITY_SASL_PASWORD",
                        "did you mean KAFKA_SDK_CLUSTER_SECURITY_SASL_PASSWORD?",
                        "hunter2"),
                // producer rules
                yaml(
                        "idempotence with leader acks",
                        producer("idempotence: true\nacks: leader"),
                        "producers.orders.acks",
                        "conflicts: idempotence=true needs acks=all but acks=1"),
                yaml(
                        "preset idempotence with leader acks",
                        producer("acks: 1"),
                        "producers.orders.acks",
                        "idempotence=true (from preset BALANCED) needs acks=all"),
                yaml(
                        "transactions without idempotence",
                        producer("idempotence: false\ntransactional-id: tx-1"),
                        "producers.orders.transactional-id",
                        "needs idempotence, but idempotence=false"),
                yaml(
                        "too many in flight for idempotence",
                        producer("max-in-flight: 6"),
                        "producers.orders.max-in-flight",
                        "is more than 5, which the idempotent producer does not allow"),
                yaml(
                        "delivery timeout below linger plus request timeout",
                        producer("delivery-timeout: 10s"),
                        "producers.orders.delivery-timeout",
                        "'10s' is less than linger (5ms) + request-timeout (30s)"),
                yaml(
                        "idempotence without retries",
                        producer("retries: 0"),
                        "producers.orders.retries",
                        "must be more than zero with idempotence=true"),
                yaml(
                        "typed and raw setting for the same key",
                        producer("linger: 5ms\nproperties: { linger.ms: '7' }"),
                        "producers.orders.properties.linger.ms",
                        "conflicts with producers.orders.linger (both set linger.ms)"),
                // consumer rules
                yaml(
                        "heartbeat above a third of the session",
                        consumer("group-id: g\nheartbeat-interval: 20s"),
                        "consumers.billing.heartbeat-interval",
                        "heartbeat-interval <= session-timeout / 3: heartbeat-interval is 20s and session-timeout 45s"),
                yaml(
                        "session timeout with KIP-848",
                        consumer("group-id: g\ngroup-protocol: consumer\n" + "session-timeout: 45s"),
                        "consumers.billing.session-timeout",
                        "is not allowed with group-protocol: consumer (KIP-848): the broker sets the session timeout "
                                + "for the group (group.consumer.session.timeout.ms)"),
                yaml(
                        "heartbeat with KIP-848",
                        consumer("group-id: g\ngroup-protocol: consumer\n" + "heartbeat-interval: 3s"),
                        "consumers.billing.heartbeat-interval",
                        "(group.consumer.heartbeat.interval.ms)"),
                yaml(
                        "assignment strategy with KIP-848",
                        consumer("group-id: g\ngroup-protocol: consumer\n" + "assignment-strategy: range"),
                        "consumers.billing.assignment-strategy",
                        "is not allowed with group-protocol: consumer (KIP-848): the broker assigns partitions"),
                yaml(
                        "raw assignment strategy with KIP-848",
                        consumer("group-id: g\ngroup-protocol: consumer\n"
                                + "properties: { partition.assignment.strategy: "
                                + "org.apache.kafka.clients.consumer.RangeAssignor }"),
                        "consumers.billing.properties.partition.assignment.strategy",
                        "is not allowed with " + "group-protocol: consumer"),
                yaml(
                        "auto commit without group",
                        consumer("enable-auto-commit: true"),
                        "consumers.billing.enable-auto-commit",
                        "'true' needs a group-id"),
                yaml(
                        "static membership without group",
                        consumer("group-instance-id: b-1"),
                        "consumers.billing.group-instance-id",
                        "needs a group-id: static membership"),
                yaml(
                        "admin api timeout below request timeout",
                        CLUSTER + "admins:\n  default:\n" + "    default-api-timeout: 10s\n",
                        "admins.default.default-api-timeout",
                        "breaks the rule default-api-timeout >= request-timeout"),
                // security
                yaml(
                        "SASL protocol without mechanism",
                        security("protocol: SASL_SSL"),
                        "cluster.security.sasl.mechanism",
                        "is required when protocol is SASL_SSL"),
                yaml(
                        "SCRAM without password",
                        security("protocol: SASL_SSL\nsasl: { mechanism: SCRAM-SHA-512, " + "username: u }"),
                        "cluster.security.sasl.password",
                        "is required for SASL mechanism SCRAM-SHA-512"),
                yaml(
                        "OAuth without client secret",
                        security("protocol: SASL_SSL\nsasl: { mechanism: OAUTHBEARER, "
                                + "token-endpoint-url: 'https://idp/token', client-id: c }"),
                        "cluster.security.sasl.client-secret",
                        "is required for SASL mechanism OAUTHBEARER"),
                yaml(
                        "OAuth with a bad token URL",
                        security("protocol: SASL_SSL\nsasl: { mechanism: OAUTHBEARER, "
                                + "token-endpoint-url: 'idp/token', client-id: c, client-secret: s }"),
                        "cluster.security.sasl.token-endpoint-url",
                        "is not an https://, http:// or file: URL"),
                yaml(
                        "SASL settings with an SSL protocol",
                        security("protocol: SSL\nsasl: { mechanism: PLAIN, " + "username: u, password: p }"),
                        "cluster.security.protocol",
                        "'SSL' does not use SASL but cluster.security.sasl is set"),
                yaml(
                        "truststore password without location",
                        security("protocol: SSL\ntruststore: " + "{ password: p }"),
                        "cluster.security.truststore.location",
                        "is required when"),
                yaml(
                        "keystore with plaintext",
                        security("keystore: { location: /k.p12, password: p }"),
                        "cluster.security.protocol",
                        "'PLAINTEXT' does not use TLS but cluster.security.keystore is set"),
                secret(
                        "raw secret repeating a typed one",
                        security("protocol: SSL\ntruststore: { location: /t.p12, " + "password: p }")
                                + "producers:\n  orders:\n    properties: { "
                                + "ssl.truststore.password: hunter2 }\n",
                        Map.of(),
                        "producers.orders.properties.ssl.truststore.password",
                        "conflicts with cluster.security.truststore.password",
                        "hunter2"),
                // topics and cluster
                yaml("zero partitions", topic("partitions: 0"), "topics.orders.partitions", "'0' must be at least 1"),
                yaml(
                        "replication factor too large",
                        topic("replication-factor: 40000"),
                        "topics.orders.replication-factor",
                        "is more than 32767"),
                yaml(
                        "zero replication factor",
                        topic("replication-factor: 0"),
                        "topics.orders.replication-factor",
                        "must be at least 1"),
                yaml(
                        "min insync above replication factor",
                        topic("replication-factor: 2\nmin-insync-replicas: 3"),
                        "topics.orders.min-insync-replicas",
                        "'3' is more than replication-factor (2)"),
                yaml(
                        "missing bootstrap servers",
                        "producers:\n  orders: {}\n",
                        "cluster.bootstrap-servers",
                        "is required; list the brokers as host:port"),
                yaml(
                        "bootstrap server without port",
                        "cluster:\n  bootstrap-servers: broker1\n",
                        "cluster.bootstrap-servers",
                        "'broker1' is not host:port"),
                yaml(
                        "bootstrap server with a bad port",
                        "cluster:\n  bootstrap-servers: [b1:9092, 'b2:70000']\n",
                        "cluster.bootstrap-servers",
                        "'b2:70000' has port 70000; use a port from 1 to 65535"),
                yaml(
                        "broker version that is not a release",
                        CLUSTER + "  broker-version: three-nine\n",
                        "cluster.broker-version",
                        "'three-nine' is not a Kafka release; use major.minor[.patch], e.g. 3.9 or 4.2.1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void reportsPathValueAndReasonForEachBadInput(Case c) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(c));

        assertThat(e).as("no ConfigException was thrown").isNotNull();
        assertThat(e.problems()).as(e.getMessage()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(c.path());
            assertThat(p.reason()).contains(c.reason());
        });
        assertThat(e.getMessage()).contains(c.path() + ": ");
        if (c.secret() != null) {
            assertThat(e.getMessage()).doesNotContain(c.secret());
            assertThat(e.problems()).extracting(ConfigProblem::value).doesNotContain(c.secret());
        }
    }

    private static KafkaSdkConfig load(Case c) {
        if (c.format().equals("file")) {
            return KafkaSdkConfig.load(java.nio.file.Path.of("settings.toml"));
        }
        return c.loader().load();
    }

    @Test
    void hasAtLeastFortyFiveDistinctBadInputs() {
        assertThat(badInputs().map(Named::getPayload).distinct().count()).isGreaterThanOrEqualTo(45);
    }

    @Test
    void reportsEveryProblemOfADocumentAtOnce() {
        String doc = """
                cluster:
                  bootstrap-server: broker1:9092
                producers:
                  orders:
                    lingr: 5ms
                    acks: most
                    batch-size: lots
                consumers:
                  billing:
                    enable-auto-commit: true
                topics:
                  orders:
                    partitions: 0
                """;

        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> KafkaSdkConfig.loader()
                        .yaml(doc)
                        .environment(Map.of("KAFKA_SDK_ADMINS_X_REQUST_TIMEOUT", "1s"))
                        .load());

        assertThat(e.problems())
                .extracting(ConfigProblem::path)
                .contains(
                        "cluster.bootstrap-server",
                        "cluster.bootstrap-servers",
                        "producers.orders.lingr",
                        "producers.orders.acks",
                        "producers.orders.batch-size",
                        "consumers.billing.enable-auto-commit",
                        "topics.orders.partitions",
                        "KAFKA_SDK_ADMINS_X_REQUST_TIMEOUT");
        assertThat(e.getMessage().lines().count()).isEqualTo(e.problems().size() + 1);
        assertThat(e.getMessage())
                .startsWith("Invalid Kafka SDK configuration (" + e.problems().size() + " problems)");
    }

    @Test
    void codeBuiltSettingsAreValidatedWithTheSameRules() {
        ClusterSettings cluster = ClusterSettings.of("broker1:9092");

        assertThatThrownBy(() -> ProducerSettings.builder()
                        .cluster(cluster)
                        .acks(Acks.LEADER)
                        .maxInFlight(9)
                        .build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("producers.default.acks: '1' conflicts: idempotence=true (from preset BALANCED)")
                .hasMessageContaining("producers.default.max-in-flight: '9' is more than 5");
        assertThatThrownBy(() -> KafkaSdkConfig.builder()
                        .cluster(cluster)
                        .producer("p", b -> b.linger(Duration.ofMillis(1)).property("linger.ms", "2"))
                        .consumer("c", b -> b.enableAutoCommit(true))
                        .build())
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .extracting(ConfigProblem::path)
                                .containsExactly("producers.p.properties.linger.ms", "consumers.c.enable-auto-commit"));
    }

    @Test
    void problemsListTheirValuesMaskedForSecretPaths() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> KafkaSdkConfig.loader()
                        .yaml(security(
                                "protocol: SASL_SSL\nsasl: { mechanism: PLAIN, username: u, password: '${PW}' }"))
                        .environment(Map.of())
                        .load());

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("cluster.security.sasl.password");
            assertThat(p.value()).isEqualTo(Secret.MASK);
        });
        assertThat(List.of(e.getMessage())).noneMatch(m -> m.contains("'${PW}'"));
    }
}
