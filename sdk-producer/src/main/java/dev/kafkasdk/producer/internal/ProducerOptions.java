package dev.kafkasdk.producer.internal;

import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.health.HealthListener;
import dev.kafkasdk.core.metrics.SdkMetrics;
import dev.kafkasdk.producer.CircuitBreakerSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.Serde;
import org.jspecify.annotations.Nullable;

/**
 * Everything a producer is built from, as validated by the public builder.
 *
 * @param settings the producer settings
 * @param keySerde the key serde
 * @param valueSerde the value serde
 * @param completionExecutor the caller's executor, or null for the SDK's own thread
 * @param metrics the SDK metrics facade; {@code SdkMetrics.noop()} for none
 * @param circuitBreaker the caller's breaker, or null
 * @param circuitBreakerSettings settings for an SDK-built breaker, or null
 * @param maxInFlight the in-flight cap, 0 for none
 * @param clientFactory creates the kafka-clients producer, or null for {@code KafkaProducer}
 * @param warmTopics topics whose metadata is fetched at creation, besides the settings' topics
 * @param healthListeners observe the producer's health events
 * @param observations the caller's observation registry, or null for none
 * @param <K> the key type
 * @param <V> the value type
 */
public record ProducerOptions<K, V>(
        ProducerSettings settings,
        Serde<K> keySerde,
        Serde<V> valueSerde,
        Executor completionExecutor,
        SdkMetrics metrics,
        CircuitBreaker circuitBreaker,
        CircuitBreakerSettings circuitBreakerSettings,
        int maxInFlight,
        Function<Map<String, Object>, Producer<byte[], byte[]>> clientFactory,
        List<String> warmTopics,
        List<HealthListener> healthListeners,
        @Nullable ObservationRegistry observations) {

    /**
     * Options without health listeners and observations.
     *
     * @param settings the producer settings
     * @param keySerde the key serde
     * @param valueSerde the value serde
     * @param completionExecutor the caller's executor, or null for the SDK's own thread
     * @param metrics the SDK metrics facade
     * @param circuitBreaker the caller's breaker, or null
     * @param circuitBreakerSettings settings for an SDK-built breaker, or null
     * @param maxInFlight the in-flight cap, 0 for none
     * @param clientFactory creates the kafka-clients producer, or null
     * @param warmTopics topics whose metadata is fetched at creation
     */
    public ProducerOptions(
            ProducerSettings settings,
            Serde<K> keySerde,
            Serde<V> valueSerde,
            Executor completionExecutor,
            SdkMetrics metrics,
            CircuitBreaker circuitBreaker,
            CircuitBreakerSettings circuitBreakerSettings,
            int maxInFlight,
            Function<Map<String, Object>, Producer<byte[], byte[]>> clientFactory,
            List<String> warmTopics) {
        this(
                settings,
                keySerde,
                valueSerde,
                completionExecutor,
                metrics,
                circuitBreaker,
                circuitBreakerSettings,
                maxInFlight,
                clientFactory,
                warmTopics,
                List.of(),
                null);
    }
}
