package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FullExampleGoldenTest {

    static final Map<String, String> ENV = Map.of(
            "KAFKA_PASSWORD", "s3cr\"et",
            "TRUSTSTORE_PASSWORD", "trust-pass",
            "KEYSTORE_PASSWORD", "store-pass",
            "KEY_PASSWORD", "key-pass");

    static final Map<String, Object> SECURITY = Map.ofEntries(
            entry("bootstrap.servers", "broker1:9092,broker2:9092"),
            entry("security.protocol", "SASL_SSL"),
            entry("sasl.mechanism", "SCRAM-SHA-512"),
            entry(
                    "sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required "
                            + "username=\"svc-orders\" password=\"s3cr\\\"et\";"),
            entry("ssl.truststore.location", "/etc/kafka/truststore.p12"),
            entry("ssl.truststore.password", "trust-pass"),
            entry("ssl.truststore.type", "PKCS12"),
            entry("ssl.keystore.location", "/etc/kafka/keystore.p12"),
            entry("ssl.keystore.password", "store-pass"),
            entry("ssl.key.password", "key-pass"),
            entry("ssl.keystore.type", "PKCS12"));

    static Path example(String extension) {
        try {
            return Path.of(FullExampleGoldenTest.class
                    .getResource("/config/full-example." + extension)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static KafkaSdkConfig load(String extension) {
        return KafkaSdkConfig.loader().file(example(extension)).environment(ENV).load();
    }

    static Map<String, Object> withSecurity(Map<String, Object> own) {
        Map<String, Object> all = new java.util.HashMap<>(SECURITY);
        all.putAll(own);
        return all;
    }

    @Test
    void yamlProducerRendersExactKafkaProperties() {
        Map<String, Object> expected = withSecurity(Map.ofEntries(
                entry("client.id", "orders-service-orders"),
                entry("linger.ms", "10"),
                entry("batch.size", "65536"),
                entry("compression.type", "zstd"),
                entry("buffer.memory", "33554432"),
                entry("acks", "all"),
                entry("enable.idempotence", "true"),
                entry("max.in.flight.requests.per.connection", "5"),
                entry("max.block.ms", "10000"),
                entry("request.timeout.ms", "30000"),
                entry("delivery.timeout.ms", "120000"),
                entry("max.request.size", "1048576"),
                entry("retries", "10"),
                entry("transactional.id", "orders-tx-1"),
                entry("partitioner.ignore.keys", "false")));

        assertThat(load("yaml").producer("orders").toProperties()).isEqualTo(expected);
    }

    @Test
    void yamlConsumerRendersExactKafkaProperties() {
        Map<String, Object> expected = withSecurity(Map.ofEntries(
                entry("client.id", "orders-service-billing"),
                entry("group.id", "billing"),
                entry("group.protocol", "classic"),
                entry("auto.offset.reset", "earliest"),
                entry("isolation.level", "read_committed"),
                entry("enable.auto.commit", "false"),
                entry("auto.commit.interval.ms", "5000"),
                entry("session.timeout.ms", "45000"),
                entry("heartbeat.interval.ms", "3000"),
                entry("max.poll.interval.ms", "300000"),
                entry("max.poll.records", "500"),
                entry("fetch.min.bytes", "1"),
                entry("fetch.max.wait.ms", "500"),
                entry("fetch.max.bytes", "52428800"),
                entry("max.partition.fetch.bytes", "1048576"),
                entry("request.timeout.ms", "30000"),
                entry("group.instance.id", "billing-1"),
                entry("partition.assignment.strategy", "org.apache.kafka.clients.consumer.CooperativeStickyAssignor"),
                entry("client.rack", "eu-west-1a")));

        assertThat(load("yaml").consumer("billing").toProperties()).isEqualTo(expected);
    }

    @Test
    void yamlAdminRendersExactKafkaProperties() {
        Map<String, Object> expected = withSecurity(Map.ofEntries(
                entry("client.id", "orders-service-default"),
                entry("request.timeout.ms", "30000"),
                entry("default.api.timeout.ms", "60000"),
                entry("retry.backoff.ms", "500")));

        assertThat(load("yaml").admin().toProperties()).isEqualTo(expected);
        assertThat(load("yaml").admin("default").toProperties()).isEqualTo(expected);
    }

    @Test
    void yamlTopicRendersExactTopicConfigs() {
        TopicSpec orders = load("yaml").topic("orders");

        assertThat(orders.partitions()).hasValue(6);
        assertThat(orders.replicationFactor()).hasValue(3);
        assertThat(orders.toTopicConfigs())
                .isEqualTo(Map.of(
                        "min.insync.replicas", "2",
                        "retention.ms", "604800000",
                        "retention.bytes", "1073741824",
                        "cleanup.policy", "delete",
                        "compression.type", "producer",
                        "max.message.bytes", "1048576",
                        "unclean.leader.election.enable", "false",
                        "segment.ms", "86400000"));
    }

    @Test
    void jsonAndPropertiesLoadTheSameModelAsYaml() {
        KafkaSdkConfig yaml = load("yaml");
        for (String format : new String[] {"json", "properties"}) {
            KafkaSdkConfig other = load(format);
            assertThat(other.producer("orders").toProperties())
                    .as(format)
                    .isEqualTo(yaml.producer("orders").toProperties());
            assertThat(other.consumer("billing").toProperties())
                    .as(format)
                    .isEqualTo(yaml.consumer("billing").toProperties());
            assertThat(other.admin().toProperties())
                    .as(format)
                    .isEqualTo(yaml.admin().toProperties());
            assertThat(other.topic("orders").toTopicConfigs())
                    .as(format)
                    .isEqualTo(yaml.topic("orders").toTopicConfigs());
            assertThat(other.producer("orders")).as(format).isEqualTo(yaml.producer("orders"));
            assertThat(other.cluster()).as(format).isEqualTo(yaml.cluster());
        }
    }

    @Test
    void fullExampleLoadsFromPathWithTheDeclaredNames() {
        KafkaSdkConfig config = load("yaml");

        assertThat(config.producers()).containsOnlyKeys("orders");
        assertThat(config.consumers()).containsOnlyKeys("billing");
        assertThat(config.admins()).containsOnlyKeys("default");
        assertThat(config.topics()).containsOnlyKeys("orders");
        assertThat(config.producer("orders").preset()).isEqualTo(ProducerPreset.DURABLE);
    }
}
