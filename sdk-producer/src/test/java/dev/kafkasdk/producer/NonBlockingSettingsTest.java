package dev.kafkasdk.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.ByteSize;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.config.ProducerKeys;
import dev.kafkasdk.core.config.ProducerSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The settings of the never-blocking send: read from a file, defaults, and bad values. */
class NonBlockingSettingsTest {

    private static KafkaSdkConfig load(String producerBody) {
        return KafkaSdkConfig.loader()
                .yaml("cluster:\n  bootstrap-servers: 127.0.0.1:9\n"
                        + "producers:\n  orders:\n"
                        + producerBody.lines().map(l -> "    " + l + "\n").reduce("", String::concat))
                .environment(Map.of())
                .load();
    }

    @Test
    void defaultsNeverBlockAndBoundEachTopicsQueue() {
        ProducerSettings settings = load("linger: 5ms").producer("orders");

        assertThat(settings.get(ProducerKeys.BLOCKING_SEND)).contains(false);
        assertThat(settings.get(ProducerKeys.PENDING_RECORDS)).contains(10_000);
        assertThat(settings.get(ProducerKeys.PENDING_BYTES)).contains(ByteSize.ofMebibytes(16));
        assertThat(settings.get(ProducerKeys.MISSING_TOPIC_TIMEOUT)).contains(Duration.ofSeconds(5));
        assertThat(settings.toProperties())
                .doesNotContainKeys(
                        "blocking-send", "pending-records", "pending-bytes", "missing-topic-timeout", "topics");
    }

    @Test
    void fileValuesAreRead() {
        ProducerSettings settings = load("""
        blocking-send: true
        pending-records: 50
        pending-bytes: 1MiB
        missing-topic-timeout: 2s
        topics: [orders, payments]""").producer("orders");

        assertThat(settings.get(ProducerKeys.BLOCKING_SEND)).contains(true);
        assertThat(settings.get(ProducerKeys.PENDING_RECORDS)).contains(50);
        assertThat(settings.get(ProducerKeys.PENDING_BYTES)).contains(ByteSize.ofMebibytes(1));
        assertThat(settings.get(ProducerKeys.MISSING_TOPIC_TIMEOUT)).contains(Duration.ofSeconds(2));
        assertThat(settings.get(ProducerKeys.TOPICS)).contains(List.of("orders", "payments"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "blocking-send: sometimes | producers.orders.blocking-send | 'sometimes' is not a boolean",
                "pending-records: 0 | producers.orders.pending-records | '0'",
                "pending-records: lots | producers.orders.pending-records | 'lots' is not a whole number",
                "pending-bytes: 0 | producers.orders.pending-bytes | '0'",
                "pending-bytes: 3 parsecs | producers.orders.pending-bytes | '3 parsecs'",
                "missing-topic-timeout: 0s | producers.orders.missing-topic-timeout | must be more than zero",
                "missing-topic-timeout: soon | producers.orders.missing-topic-timeout | 'soon'"
            })
    void badValuesAreRejectedNamingKeyAndValue(String line, String key, String says) {
        assertThatThrownBy(() -> load(line))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(says);
    }
}
