package dev.kafkasdk.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.config.Origin;
import dev.kafkasdk.core.config.ProducerPreset;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The producer gets exactly the preset's values, and every one can be overridden in a file. */
class PresetConfigTest {

    private static final String YAML = """
      cluster:
        bootstrap-servers: 127.0.0.1:9
      producers:
        fast:
          preset: LOW_LATENCY
          batch-size: 32KiB
          max-block: 2s
        every-value:
          preset: FIRE_AND_FORGET
          linger: 3ms
          batch-size: 8KiB
          compression: zstd
          buffer-memory: 16MiB
          acks: all
          idempotence: true
          max-in-flight: 2
          delivery-timeout: 45s
          retries: 7
      """;

    private final KafkaSdkConfig config =
            KafkaSdkConfig.loader().yaml(YAML).environment(Map.of()).load();

    @Test
    void lowLatencyLingersOneMillisecondAndFileOverridesWinOverThePreset() {
        ProducerSettings fast = config.producer("fast");

        assertThat(fast.toProperties())
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "1")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "32768")
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "1");
        assertThat(fast.origin(ProducerConfig.LINGER_MS_CONFIG)).isEqualTo(Origin.PRESET);
        assertThat(fast.origin(ProducerConfig.BATCH_SIZE_CONFIG)).isEqualTo(Origin.FILE);
        assertThat(fast.describe())
                .containsPattern("linger\\.ms +1 +PRESET\\(LOW_LATENCY\\)")
                .containsPattern("acks +1 +PRESET\\(LOW_LATENCY\\)")
                .containsPattern("batch\\.size +32768 +FILE")
                .containsPattern("max\\.block\\.ms +2000 +FILE");
    }

    @Test
    void everyPresetValueCanBeOverriddenInTheFile() {
        ProducerSettings settings = config.producer("every-value");

        assertThat(settings.toProperties())
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "3")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "8192")
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
                .containsEntry(ProducerConfig.BUFFER_MEMORY_CONFIG, "16777216")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "2")
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "45000")
                .containsEntry(ProducerConfig.RETRIES_CONFIG, "7");
        for (String key : new String[] {
            ProducerConfig.LINGER_MS_CONFIG,
            ProducerConfig.BATCH_SIZE_CONFIG,
            ProducerConfig.COMPRESSION_TYPE_CONFIG,
            ProducerConfig.BUFFER_MEMORY_CONFIG,
            ProducerConfig.ACKS_CONFIG,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            ProducerConfig.RETRIES_CONFIG
        }) {
            assertThat(settings.origin(key)).as(key).isEqualTo(Origin.FILE);
        }
    }

    @ParameterizedTest
    @EnumSource(ProducerPreset.class)
    void theProducerIsCreatedWithThePresetsExactValues(ProducerPreset preset) {
        MockKafka kafka = new MockKafka();
        ProducerSettings settings = MockKafka.settings().preset(preset).build();
        kafka.builder(settings, Serdes.string(), Serdes.string()).build().close();

        assertThat(String.valueOf(kafka.properties.get(ProducerConfig.LINGER_MS_CONFIG)))
                .isEqualTo(String.valueOf(preset.linger().toMillis()));
        assertThat(String.valueOf(kafka.properties.get(ProducerConfig.BATCH_SIZE_CONFIG)))
                .isEqualTo(String.valueOf(preset.batchSize().toBytes()));
        assertThat(String.valueOf(kafka.properties.get(ProducerConfig.ACKS_CONFIG)))
                .isEqualTo(preset.acks().kafkaValue());
        assertThat(String.valueOf(kafka.properties.get(ProducerConfig.COMPRESSION_TYPE_CONFIG)))
                .isEqualTo(preset.compression().kafkaValue());
        assertThat(String.valueOf(kafka.properties.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)))
                .isEqualTo(String.valueOf(preset.idempotence()));
        assertThat(kafka.properties)
                .containsEntry(
                        ProducerConfig.LINGER_MS_CONFIG, settings.toProperties().get(ProducerConfig.LINGER_MS_CONFIG));
    }
}
