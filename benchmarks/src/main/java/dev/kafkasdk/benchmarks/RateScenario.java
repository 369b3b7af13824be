package dev.kafkasdk.benchmarks;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.ByteSize;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.Compression;
import dev.kafkasdk.core.config.ProducerPreset;
import dev.kafkasdk.core.config.ProducerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * A client set-up the fixed-rate benchmark measures: an SDK preset, raw kafka-clients with exactly
 * the properties that preset produces, raw kafka-clients with the client's defaults, or Spring's
 * {@code KafkaTemplate} with the BALANCED properties. An SDK or raw-same scenario may carry a
 * {@link Variant}: the preset with a candidate linger, batch size, compression or in-flight limit, so that a proposed preset change is
 * measured side by side with the preset it would replace; an SDK variant may also complete its sends on
 * kafka-clients' I/O thread, which splits the completion thread's share of the SDK's cost from the send
 * path's.
 *
 * @param name the row name, in the style of the producer benchmark's table
 * @param kind which client
 * @param preset the SDK preset whose settings it uses; {@code null} for raw client defaults
 * @param variant the candidate change to the preset's settings; {@code null} for the preset as it is
 */
record RateScenario(String name, Kind kind, ProducerPreset preset, Variant variant) {

    /**
     * Candidate values replacing a preset's: what a preset change would be, measured before it is made.
     *
     * @param linger the candidate {@code linger.ms}; {@code null} keeps the preset's
     * @param batchSize the candidate {@code batch.size}; {@code null} keeps the preset's
     * @param compression the candidate {@code compression.type}; {@code null} keeps the preset's
     * @param maxInFlight the candidate {@code max.in.flight.requests.per.connection}; {@code null} keeps the
     *     preset's
     * @param inlineCompletions SDK only: callbacks run on kafka-clients' I/O thread (a direct
     *     completion executor) instead of the SDK's completion thread; a diagnosis, not a preset value
     */
    record Variant(
            Duration linger,
            ByteSize batchSize,
            Compression compression,
            Integer maxInFlight,
            boolean inlineCompletions) {

        /** @return the label appended to the scenario's name, e.g. {@code linger 1 ms} */
        String label() {
            List<String> parts = new ArrayList<>();
            if (linger != null) {
                parts.add("linger " + linger.toMillis() + " ms");
            }
            if (batchSize != null) {
                parts.add("batch " + batchSize.toBytes() / 1024 + " KiB");
            }
            if (compression != null) {
                parts.add(compression.kafkaValue());
            }
            if (maxInFlight != null) {
                parts.add(maxInFlight + " in flight");
            }
            if (inlineCompletions) {
                parts.add("callbacks on the I/O thread");
            }
            return String.join(", ", parts);
        }

        ProducerSettings apply(ProducerSettings base) {
            ProducerSettings.Builder b = ProducerSettings.from(base);
            if (linger != null) {
                b.linger(linger);
            }
            if (batchSize != null) {
                b.batchSize(batchSize);
            }
            if (compression != null) {
                b.compression(compression);
            }
            if (maxInFlight != null) {
                b.maxInFlight(maxInFlight);
            }
            return b.build();
        }

        /**
         * Parses {@code linger=MS}, {@code batch=KIB}, {@code compression=CODEC}, {@code inflight=N} and
         * {@code inline} parts (after the first {@code +}).
         */
        static Variant parse(String shortName, String[] parts) {
            Duration linger = null;
            ByteSize batch = null;
            Compression compression = null;
            Integer inFlight = null;
            boolean inline = false;
            for (String part : parts) {
                if (part.equals("inline")) {
                    inline = true;
                    continue;
                }
                String[] kv = part.split("=", 2);
                if (kv[0].equals("compression") && kv.length == 2) {
                    compression = compression(shortName, kv[1]);
                    continue;
                }
                int value = kv.length == 2 ? wholeNumber(kv[1]) : -1;
                if (kv[0].equals("linger") && value >= 0) {
                    linger = Duration.ofMillis(value);
                } else if (kv[0].equals("batch") && value > 0) {
                    batch = ByteSize.ofKibibytes(value);
                } else if (kv[0].equals("inflight") && value > 0) {
                    inFlight = value;
                } else {
                    throw new IllegalArgumentException("--scenarios: '" + shortName + "' has '" + part
                            + "'; a variant part is linger=MILLIS (0 or more), batch=KIB (above 0),"
                            + " compression=CODEC (" + CODECS + "), inflight=N (above 0) or inline (sdk only), e.g."
                            + " sdk:low_latency+linger=1");
                }
            }
            return new Variant(linger, batch, compression, inFlight, inline);
        }

        private static Compression compression(String shortName, String codec) {
            try {
                return Compression.parse(codec);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--scenarios: '" + shortName + "' has compression '" + codec
                        + "'; a codec is one of " + CODECS);
            }
        }

        private static final String CODECS =
                Arrays.stream(Compression.values()).map(Compression::kafkaValue).collect(Collectors.joining(", "));

        /** The number, or -1 when the text is not a whole number of at most int range. */
        private static int wholeNumber(String text) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /** Whose client. */
    enum Kind {
        SDK,
        RAW_SAME,
        RAW_DEFAULTS,
        SPRING
    }

    static final String RAW_DEFAULTS_NAME = ProducerBenchmark.RAW_DEFAULTS;

    /** The candidate parts a preset scenario takes, as the error messages list them. */
    private static final String CANDIDATE_PARTS = "+linger=MILLIS, +batch=KIB, +compression=CODEC or +inflight=N";

    /**
     * The SDK preset's scenario.
     *
     * @param preset the preset
     * @return the scenario
     */
    static RateScenario sdk(ProducerPreset preset) {
        return sdk(preset, null);
    }

    /**
     * The SDK preset, with candidate values or as it is.
     *
     * @param preset the preset
     * @param variant the candidate values; {@code null} for the preset as it is
     * @return the scenario
     */
    static RateScenario sdk(ProducerPreset preset, Variant variant) {
        return new RateScenario("SdkProducer, " + preset + suffix(variant), Kind.SDK, preset, variant);
    }

    /**
     * Raw kafka-clients with the preset's properties.
     *
     * @param preset the preset
     * @return the scenario
     */
    static RateScenario rawSame(ProducerPreset preset) {
        return rawSame(preset, null);
    }

    /**
     * Raw kafka-clients with the properties of the preset, with candidate values or as it is.
     *
     * @param preset the preset
     * @param variant the candidate values; {@code null} for the preset as it is
     * @return the scenario
     */
    static RateScenario rawSame(ProducerPreset preset, Variant variant) {
        return new RateScenario(
                "raw KafkaProducer, " + preset + " properties" + suffix(variant), Kind.RAW_SAME, preset, variant);
    }

    private static String suffix(Variant variant) {
        return variant == null ? "" : ", " + variant.label();
    }

    /** Raw kafka-clients with the client's defaults. */
    static final RateScenario RAW_DEFAULTS = new RateScenario(RAW_DEFAULTS_NAME, Kind.RAW_DEFAULTS, null, null);

    /** Spring's KafkaTemplate with the BALANCED properties. */
    static final RateScenario SPRING =
            new RateScenario(SpringKafkaProducerScenario.NAME, Kind.SPRING, ProducerPreset.BALANCED, null);

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
     * or {@code spring} (case-insensitive); {@code sdk:PRESET} and {@code raw:PRESET} may end in candidate
     * values, {@code +linger=MILLIS}, {@code +batch=KIB}, {@code +compression=CODEC} and {@code +inflight=N}, e.g. {@code sdk:low_latency+linger=1};
     * {@code sdk:PRESET} also in {@code +inline} (callbacks on kafka-clients' I/O thread).
     *
     * @param shortName the short name
     * @return the scenario
     * @throws IllegalArgumentException naming the bad value and what is valid
     */
    static RateScenario parse(String shortName) {
        String[] parts = shortName.trim().toLowerCase(Locale.ROOT).split("\\+");
        String s = parts[0];
        Variant variant =
                parts.length > 1 ? Variant.parse(shortName, Arrays.copyOfRange(parts, 1, parts.length)) : null;
        if (variant != null && !s.startsWith("sdk:") && !s.startsWith("raw:")) {
            throw new IllegalArgumentException("--scenarios: '" + shortName
                    + "' is not valid; only sdk:PRESET and raw:PRESET take " + CANDIDATE_PARTS);
        }
        if (variant != null && variant.inlineCompletions() && !s.startsWith("sdk:")) {
            throw new IllegalArgumentException(
                    "--scenarios: '" + shortName + "' is not valid; only sdk:PRESET takes +inline");
        }
        if (s.equals("raw-defaults")) {
            return RAW_DEFAULTS;
        }
        if (s.equals("spring")) {
            return SPRING;
        }
        for (ProducerPreset preset : ProducerPreset.values()) {
            String p = preset.name().toLowerCase(Locale.ROOT);
            if (s.equals("sdk:" + p)) {
                return checked(shortName, sdk(preset, variant));
            }
            if (s.equals("raw:" + p)) {
                return checked(shortName, rawSame(preset, variant));
            }
        }
        throw new IllegalArgumentException("--scenarios: '" + shortName
                + "' is not valid; use sdk:PRESET, raw:PRESET (PRESET one of "
                + List.of(ProducerPreset.values())
                + ", optionally " + CANDIDATE_PARTS + "), raw-defaults or spring");
    }

    /**
     * Rejects candidate values the preset cannot take (more than 5 in flight with idempotence, say)
     * when the options are read, not when the scenario's turn comes mid-run.
     */
    private static RateScenario checked(String shortName, RateScenario scenario) {
        if (scenario.variant == null) {
            return scenario;
        }
        try {
            scenario.variant
                    .apply(ProducerSettings.builder()
                            .preset(scenario.preset)
                            .cluster(ClusterSettings.of("127.0.0.1:9092"))
                            .build())
                    .toProperties();
        } catch (ConfigException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--scenarios: '" + shortName + "' is not valid for " + scenario.preset + ": " + e.getMessage(), e);
        }
        return scenario;
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
            case SDK -> RateSender.sdk(settings(config), variant != null && variant.inlineCompletions());
            case RAW_SAME -> RateSender.raw(settings(config).toProperties());
            case RAW_DEFAULTS -> RateSender.raw(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
            case SPRING -> RateSender.spring(config.producer(configName(preset)).toProperties());
        };
    }

    /**
     * Whether another scenario is this one's pair: the same preset and candidate values, the other client.
     *
     * @param other the other scenario
     * @return true for an SDK/raw-same pair
     */
    boolean pairs(RateScenario other) {
        return preset != null
                && preset == other.preset
                && Objects.equals(variant, other.variant)
                && kind != other.kind
                && kind != Kind.SPRING
                && other.kind != Kind.SPRING;
    }

    private ProducerSettings settings(BenchmarkConfig config) {
        ProducerSettings base = config.producer(configName(preset));
        return variant == null ? base : variant.apply(base);
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
