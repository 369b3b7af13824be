package dev.kafkasdk.benchmarks;

import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.config.ProducerSettings;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SDK configuration every benchmark runs with, loaded through the SDK's own config model: one
 * producer per preset ({@code low-latency}, {@code balanced}, {@code throughput}, {@code durable},
 * {@code fire-and-forget}) and the {@code reader} consumer (BALANCED fetch preset, from the earliest
 * offset, no auto commit).
 *
 * <p>Thread-safe.
 */
final class BenchmarkConfig {

    private static final AtomicInteger GROUPS = new AtomicInteger();

    private final KafkaSdkConfig config;

    /**
     * Loads the configuration for a cluster.
     *
     * @param bootstrapServers the broker
     */
    BenchmarkConfig(String bootstrapServers) {
        this.config = KafkaSdkConfig.loader()
                // the send loops outrun the broker and rely on send() waiting for buffer space (and,
                // on a fresh topic, for its metadata), as the raw kafka-clients scenarios do; the
                // SDK's default fails such a send at once, so %1$s is "true" unless the system
                // property asks to measure the default path, whose topic queue %2$s then holds a run
                .yaml("""
                        producers:
                          low-latency: { preset: LOW_LATENCY, blocking-send: %1$s, %2$s }
                          balanced: { preset: BALANCED, blocking-send: %1$s, %2$s }
                          throughput: { preset: HIGH_THROUGHPUT, blocking-send: %1$s, %2$s }
                          durable: { preset: DURABLE, blocking-send: %1$s, %2$s }
                          fire-and-forget: { preset: FIRE_AND_FORGET, blocking-send: %1$s, %2$s }
                        consumers:
                          reader: { preset: BALANCED, auto-offset-reset: earliest, enable-auto-commit: false }
                        """.formatted(
                                System.getProperty("kafka.sdk.benchmark.blocking-send", "true"),
                                "pending-records: 100000000, pending-bytes: 4GiB"))
                .environment(Map.of("KAFKA_SDK_CLUSTER_BOOTSTRAP_SERVERS", bootstrapServers))
                .load();
    }

    /**
     * A producer's settings.
     *
     * @param name one of the names in the class documentation
     * @return its settings
     */
    ProducerSettings producer(String name) {
        return config.producer(name);
    }

    /**
     * The {@code reader} consumer with a group id never used before, so that a run reads the whole
     * topic from the beginning.
     *
     * @param groupPrefix the start of the group id, naming the benchmark
     * @return the settings
     */
    ConsumerSettings freshReader(String groupPrefix) {
        return ConsumerSettings.from(config.consumer("reader"))
                .groupId(groupPrefix + "-" + GROUPS.incrementAndGet() + "-" + System.nanoTime())
                .build();
    }
}
