package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DescribeAndOriginsTest {

    static final String DOC = """
            cluster:
              bootstrap-servers: [broker1:9092, broker2:9092]
              client-id-prefix: svc
              security:
                protocol: SASL_SSL
                sasl: { mechanism: PLAIN, username: app, password: "${PW}" }
            producers:
              orders:
                preset: DURABLE
                linger: 10ms
                properties: { "partitioner.ignore.keys": "true" }
            consumers:
              billing:
                group-id: billing
            """;

    static KafkaSdkConfig load(Map<String, String> env) {
        return KafkaSdkConfig.loader().yaml(DOC).environment(env).load();
    }

    @Test
    void originsTellPresetFileEnvironmentAndDefaultApart() {
        ProducerSettings orders = load(Map.of("PW", "hunter2", "KAFKA_SDK_PRODUCERS_ORDERS_BATCH_SIZE", "128KiB"))
                .producer("orders");

        assertThat(orders.origin("linger.ms")).isEqualTo(Origin.FILE);
        assertThat(orders.origin("batch.size")).isEqualTo(Origin.ENVIRONMENT);
        assertThat(orders.origin("max.in.flight.requests.per.connection")).isEqualTo(Origin.PRESET);
        assertThat(orders.origin("client.id")).isEqualTo(Origin.DEFAULT);
        assertThat(orders.origin("max.block.ms")).isEqualTo(Origin.DEFAULT);
        assertThat(orders.origin("partitioner.ignore.keys")).isEqualTo(Origin.FILE);
        assertThat(orders.batchSize()).isEqualTo(ByteSize.ofKibibytes(128));
    }

    @Test
    void describeShowsEveryEffectivePropertyWithItsOriginAndMasksSecrets() {
        String table = load(Map.of("PW", "hunter2", "KAFKA_SDK_PRODUCERS_ORDERS_BATCH_SIZE", "128KiB"))
                .producer("orders")
                .describe();

        assertThat(table).startsWith("producer 'orders' (preset DURABLE)\n");
        assertThat(table).containsPattern("linger\\.ms +10 +FILE\n");
        assertThat(table).containsPattern("batch\\.size +131072 +ENVIRONMENT\n");
        assertThat(table).containsPattern("max\\.in\\.flight\\.requests\\.per\\.connection +1 +PRESET\\(DURABLE\\)\n");
        assertThat(table).containsPattern("max\\.block\\.ms +60000 +DEFAULT\n");
        assertThat(table).containsPattern("client\\.id +svc-orders +DEFAULT\n");
        assertThat(table).containsPattern("sasl\\.jaas\\.config +\\*{6} +FILE\n");
        assertThat(table).doesNotContain("hunter2");
    }

    @Test
    void toStringAndDescribeNeverContainSecrets() {
        KafkaSdkConfig config = load(Map.of("PW", "hunter2"));

        assertThat(config.producer("orders").toString())
                .doesNotContain("hunter2")
                .contains("******");
        assertThat(config.consumer("billing").toString()).doesNotContain("hunter2");
        assertThat(config.admin().toString()).doesNotContain("hunter2");
        assertThat(config.cluster().toString()).doesNotContain("hunter2");
        assertThat(config.toString()).doesNotContain("hunter2");
        assertThat(config.describe())
                .doesNotContain("hunter2")
                .contains("producer 'orders'", "consumer 'billing'", "admin 'default'");
        assertThat(config.producer("orders").toProperties().get("sasl.jaas.config"))
                .asString()
                .contains("hunter2");
    }

    @Test
    void substitutesEnvironmentVariablesWithDefaults() {
        KafkaSdkConfig config = KafkaSdkConfig.loader()
                .environment(Map.of("HOST", "kafka.internal"))
                .yaml("""
                        cluster:
                          bootstrap-servers: ${HOST}:${PORT:9093}
                        producers:
                          p:
                            transactional-id: tx-$${literal}-${SUFFIX:a}
                        """)
                .load();

        assertThat(config.cluster().bootstrapServers()).containsExactly("kafka.internal:9093");
        assertThat(config.producer("p").transactionalId()).hasValue("tx-${literal}-a");
    }

    @Test
    void environmentOverridesReplaceFileValuesAndDeclareNewClients() {
        KafkaSdkConfig config = load(Map.of(
                "PW", "x",
                "KAFKA_SDK_CLUSTER_BOOTSTRAP_SERVERS", "k1:9092,k2:9092",
                "KAFKA_SDK_PRODUCERS_ORDERS_LINGER", "20ms",
                "KAFKA_SDK_CONSUMERS_BILLING_MAX_POLL_RECORDS", "100",
                "KAFKA_SDK_CONSUMERS_AUDIT_LOG_GROUP_ID", "audit",
                "KAFKA_SDK_PRODUCERS_ORDERS_PROPERTIES_COMPRESSION_GZIP_LEVEL", "5",
                "KAFKA_SDK_CLUSTER_SECURITY_SASL_PASSWORD", "from-env"));

        assertThat(config.cluster().bootstrapServers()).containsExactly("k1:9092", "k2:9092");
        assertThat(config.producer("orders").linger()).hasMillis(20);
        assertThat(config.producer("orders").origin("linger.ms")).isEqualTo(Origin.ENVIRONMENT);
        assertThat(config.consumer("billing").maxPollRecords()).isEqualTo(100);
        assertThat(config.consumer("audit-log").groupId()).hasValue("audit");
        assertThat(config.producer("orders").toProperties()).containsEntry("compression.gzip.level", "5");
        assertThat(config.producer("orders").origin("sasl.jaas.config")).isEqualTo(Origin.ENVIRONMENT);
        assertThat(config.producer("orders").toProperties().get("sasl.jaas.config"))
                .asString()
                .contains("password=\"from-env\"");
    }

    @Test
    void environmentOverridesIgnoreVariablesWithoutThePrefix() {
        KafkaSdkConfig config = load(Map.of("PW", "x", "KAFKA_PRODUCERS_ORDERS_LINGR", "1ms"));

        assertThat(config.producer("orders").linger()).hasMillis(10);
    }

    @Test
    void consumerDescribeShowsSdkDefaultsAndPresetValues() {
        ConsumerSettings billing = load(Map.of("PW", "x")).consumer("billing");

        assertThat(billing.origin("enable.auto.commit")).isEqualTo(Origin.DEFAULT);
        assertThat(billing.toProperties())
                .containsEntry("enable.auto.commit", "false")
                .containsEntry(
                        "partition.assignment.strategy", "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
        assertThat(billing.origin("max.poll.records")).isEqualTo(Origin.PRESET);
        assertThat(billing.describe())
                .containsPattern("max\\.poll\\.records +500 +PRESET\\(BALANCED\\)\n")
                .containsPattern("session\\.timeout\\.ms +45000 +DEFAULT\n");
    }

    @Test
    void codeValuesHaveOriginCodeAndSurviveFrom() {
        ProducerSettings base = load(Map.of("PW", "x")).producer("orders");
        ProducerSettings changed = ProducerSettings.from(base)
                .linger(java.time.Duration.ofMillis(1))
                .build();

        assertThat(changed.origin("linger.ms")).isEqualTo(Origin.CODE);
        assertThat(changed.origin("partitioner.ignore.keys")).isEqualTo(Origin.FILE);
        assertThat(changed.preset()).isEqualTo(ProducerPreset.DURABLE);
        assertThat(changed).isNotEqualTo(base);
        assertThat(ProducerSettings.from(base).build()).isEqualTo(base);
    }
}
