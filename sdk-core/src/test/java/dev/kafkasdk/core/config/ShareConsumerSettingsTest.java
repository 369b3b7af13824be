package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.ConfigProblem;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The share-consumers section (issue 16): binding, rendering to KafkaShareConsumer keys, and refusals. */
class ShareConsumerSettingsTest {

    private static final String CLUSTER = "cluster:\n  bootstrap-servers: broker1:9092\n";

    private static KafkaSdkConfig load(String body) {
        return KafkaSdkConfig.loader()
                .environment(Map.of())
                .yaml(CLUSTER + "share-consumers:\n  jobs:\n" + body)
                .load();
    }

    private static ConfigException problems(String body) {
        return catchThrowableOfType(ConfigException.class, () -> load(body));
    }

    @Test
    void rendersTheExactShareConsumerKeysAndKeepsGroupConfigsApart() {
        ShareConsumerSettings s = load("    group-id: workers\n    acquire-mode: record_limit\n"
                        + "    max-poll-records: 50\n    auto-offset-reset: earliest\n    record-lock-duration: 20s\n"
                        + "    delivery-count-limit: 6\n    max-delivery-attempts: 4\n    on-exhausted: dead-letter\n"
                        + "    concurrency: 64\n")
                .shareConsumer("jobs");

        assertThat(s.toProperties())
                .containsEntry("group.id", "workers")
                .containsEntry("share.acknowledgement.mode", "explicit")
                .containsEntry("share.acquire.mode", "record_limit")
                .containsEntry("max.poll.records", "50")
                .doesNotContainKeys(
                        "auto.offset.reset",
                        "enable.auto.commit",
                        "group.protocol",
                        "share.auto.offset.reset",
                        "concurrency",
                        "max-delivery-attempts");
        assertThat(s.groupConfigs())
                .containsExactly(
                        Map.entry("share.auto.offset.reset", "earliest"),
                        Map.entry("share.record.lock.duration.ms", "20000"),
                        Map.entry("share.delivery.count.limit", "6"));
        assertThat(s.maxDeliveryAttempts()).isEqualTo(4);
        assertThat(s.onExhausted()).isEqualTo(ShareExhaustedAction.DEAD_LETTER);
        assertThat(s.concurrency()).isEqualTo(64);
        assertThat(s.recordLockDuration()).contains(Duration.ofSeconds(20));
    }

    @Test
    void kafkaShareConsumerAcceptsTheRenderedProperties() {
        ShareConsumerSettings s =
                load("    group-id: workers\n    acquire-mode: record_limit\n    max-poll-records: 5\n"
                                + "    properties:\n      fetch.max.wait.ms: '100'\n")
                        .shareConsumer("jobs");
        Map<String, Object> props = new HashMap<>(s.toProperties());
        props.put("bootstrap.servers", "127.0.0.1:9");
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());

        try (KafkaShareConsumer<String, String> consumer = new KafkaShareConsumer<>(props)) {
            assertThat(consumer.subscription()).isEmpty();
        }
    }

    @Test
    void defaultsAreExplicitAcknowledgementFiveAttemptsRejectAndSixteenWorkers() {
        ShareConsumerSettings s = ShareConsumerSettings.defaults(ClusterSettings.of("b:9092"), "g");

        assertThat(s.acknowledgementMode()).isEqualTo(AcknowledgementMode.EXPLICIT);
        assertThat(s.maxDeliveryAttempts()).isEqualTo(5);
        assertThat(s.onExhausted()).isEqualTo(ShareExhaustedAction.REJECT);
        assertThat(s.concurrency()).isEqualTo(16);
        assertThat(s.groupConfigs()).isEmpty();
    }

    @Test
    void rejectsEveryRawKeyKafkaClientsRefusesForShareConsumersWithTheReason() {
        ConfigException e = problems("    group-id: g\n    properties:\n      auto.offset.reset: earliest\n"
                + "      enable.auto.commit: 'false'\n      group.protocol: consumer\n      isolation.level: read_committed\n"
                + "      session.timeout.ms: '45000'\n");

        assertThat(e.problems())
                .extracting(ConfigProblem::path)
                .contains(
                        "share-consumers.jobs.properties.auto.offset.reset",
                        "share-consumers.jobs.properties.enable.auto.commit",
                        "share-consumers.jobs.properties.group.protocol",
                        "share-consumers.jobs.properties.isolation.level",
                        "share-consumers.jobs.properties.session.timeout.ms");
        assertThat(e.getMessage())
                .contains("refused by kafka-clients for share consumers")
                .contains("share.auto.offset.reset")
                .contains("acknowledge records instead of committing offsets");
    }

    @Test
    void requiresAGroupId() {
        ConfigException e = problems("    concurrency: 4\n");

        assertThat(e.problems()).extracting(ConfigProblem::path).contains("share-consumers.jobs.group-id");
        assertThat(e.getMessage()).contains("share group");
    }

    @Test
    void rejectsMoreAttemptsThanTheDeliveryCountLimit() {
        ConfigException e = problems("    group-id: g\n    delivery-count-limit: 3\n    max-delivery-attempts: 4\n");

        assertThat(e.problems()).extracting(ConfigProblem::path).contains("share-consumers.jobs.max-delivery-attempts");
        assertThat(e.getMessage()).contains("'4'").contains("delivery-count-limit 3");
    }

    @Test
    void rejectsNoneAsAShareGroupStart() {
        ConfigException e = problems("    group-id: g\n    auto-offset-reset: none\n");

        assertThat(e.problems()).extracting(ConfigProblem::path).contains("share-consumers.jobs.auto-offset-reset");
        assertThat(e.getMessage()).contains("earliest or latest");
    }

    @Test
    void rejectsBadEnumValuesNamingTheValidOnes() {
        ConfigException e = problems("    group-id: g\n    acquire-mode: greedy\n    on-exhausted: drop\n");

        assertThat(e.problems())
                .extracting(ConfigProblem::path)
                .contains("share-consumers.jobs.acquire-mode", "share-consumers.jobs.on-exhausted");
        assertThat(e.getMessage())
                .contains("greedy")
                .contains("record_limit")
                .contains("drop")
                .contains("dead-letter");
    }
}
