package dev.kafkasdk.benchmarks;

import dev.kafkasdk.core.config.ProducerPreset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * A client set-up the fixed-rate benchmark measures: an SDK preset, raw kafka-clients with exactly
 * the properties that preset produces, raw kafka-clients with the client's defaults, or Spring's
 * {@code KafkaTemplate} with the BALANCED properties.
 *
 * @param name the row name, in the style of the producer benchmark's table
 * @param kind which client
 * @param preset the SDK preset whose settings it uses; {@code null} for raw client defaults
 */
record RateScenario(String name, Kind kind, ProducerPreset preset) {

    /** Whose client. */
    enum Kind {
        SDK,
        RAW_SAME,
        RAW_DEFAULTS,
        SPRING
    }

    static final String RAW_DEFAULTS_NAME = ProducerBenchmark.RAW_DEFAULTS;

    /**
     * The SDK preset's scenario.
     *
     * @param preset the preset
     * @return the scenario
     */
    static RateScenario sdk(ProducerPreset preset) {
        return new RateScenario("SdkProducer, " + preset, Kind.SDK, preset);
    }

    /**
     * Raw kafka-clients with the preset's properties.
     *
     * @param preset the preset
     * @return the scenario
     */
    static RateScenario rawSame(ProducerPreset preset) {
        return new RateScenario("raw KafkaProducer, " + preset + " properties", Kind.RAW_SAME, preset);
    }

    /** Raw kafka-clients with the client's defaults. */
    static final RateScenario RAW_DEFAULTS = new RateScenario(RAW_DEFAULTS_NAME, Kind.RAW_DEFAULTS, null);

    /** Spring's KafkaTemplate with the BALANCED properties. */
    static final RateScenario SPRING =
            new RateScenario(SpringKafkaProducerScenario.NAME, Kind.SPRING, ProducerPreset.BALANCED);

    /**
     * Every scenario: per preset the SDK and raw-same pair, then raw defaults and Spring.
     *
     * @return the scenarios in run order
     */
    static List<RateScenario> all() {
        List<RateScenario> all = new ArrayList<>();
        for (ProducerPreset preset : ProducerPreset.values()) {
            all.add(sdk(preset));
            all.add(rawSame(preset));
        }
        all.add(RAW_DEFAULTS);
        all.add(SPRING);
        return all;
    }

    /**
     * Looks a scenario up by a short name: {@code sdk:PRESET}, {@code raw:PRESET}, {@code raw-defaults}
     * or {@code spring} (case-insensitive).
     *
     * @param shortName the short name
     * @return the scenario
     * @throws IllegalArgumentException naming the bad value and what is valid
     */
    static RateScenario parse(String shortName) {
        String s = shortName.trim().toLowerCase(Locale.ROOT);
        if (s.equals("raw-defaults")) {
            return RAW_DEFAULTS;
        }
        if (s.equals("spring")) {
            return SPRING;
        }
        for (ProducerPreset preset : ProducerPreset.values()) {
            String p = preset.name().toLowerCase(Locale.ROOT);
            if (s.equals("sdk:" + p)) {
                return sdk(preset);
            }
            if (s.equals("raw:" + p)) {
                return rawSame(preset);
            }
        }
        throw new IllegalArgumentException("--scenarios: '" + shortName
                + "' is not valid; use sdk:PRESET, raw:PRESET (PRESET one of "
                + List.of(ProducerPreset.values()) + "), raw-defaults or spring");
    }

    /**
     * Opens the scenario's client.
     *
     * @param config the benchmark's SDK configuration
     * @param bootstrapServers the broker, for raw client defaults
     * @return the sender; the caller closes it
     */
    RateSender open(BenchmarkConfig config, String bootstrapServers) {
        return switch (kind) {
            case SDK -> RateSender.sdk(config.producer(configName(preset)));
            case RAW_SAME -> RateSender.raw(config.producer(configName(preset)).toProperties());
            case RAW_DEFAULTS -> RateSender.raw(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
            case SPRING -> RateSender.spring(config.producer(configName(preset)).toProperties());
        };
    }

    /** The producer's name in {@link BenchmarkConfig}. */
    private static String configName(ProducerPreset preset) {
        return switch (preset) {
            case LOW_LATENCY -> "low-latency";
            case BALANCED -> "balanced";
            case HIGH_THROUGHPUT -> "throughput";
            case DURABLE -> "durable";
            case FIRE_AND_FORGET -> "fire-and-forget";
        };
    }
}
