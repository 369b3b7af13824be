package dev.kafkasdk.producer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.metrics.SdkMetrics;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.CircuitBreakerSettings;
import dev.kafkasdk.producer.SdkProducer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class ProducerAssemblyTest {

    private static ProducerOptions<String, String> options(
            SimpleMeterRegistry registry, CircuitBreakerSettings breaker) {
        ProducerSettings settings = ProducerSettings.builder()
                .name("orders")
                .cluster(ClusterSettings.of("127.0.0.1:9"))
                .build();
        return new ProducerOptions<>(
                settings,
                Serdes.string(),
                Serdes.string(),
                null,
                registry == null ? SdkMetrics.noop() : SdkMetrics.of(registry),
                null,
                breaker,
                0,
                props -> new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()),
                java.util.List.of());
    }

    @Test
    void withoutRegistryOrBreakerSendsNeitherMeasureNorTime() {
        SdkProducer<String, String> producer = ProducerAssembly.plain(options(null, null));
        try {
            SendContext context = ((DefaultSdkProducer<String, String>) producer).context();

            assertThat(context.metrics()).isSameAs(SendMetrics.NOOP);
            assertThat(context.timing()).isFalse();
            assertThat(context.limiter()).isSameAs(InFlightLimiter.UNLIMITED);
            assertThat(context.gate().enabled()).isFalse();
        } finally {
            producer.close();
        }
    }

    @Test
    void registryOrBreakerTurnsTimingOn() {
        SdkProducer<String, String> metered = ProducerAssembly.plain(options(new SimpleMeterRegistry(), null));
        SdkProducer<String, String> guarded = ProducerAssembly.plain(options(null, CircuitBreakerSettings.defaults()));
        try {
            assertThat(((DefaultSdkProducer<String, String>) metered).context().timing())
                    .isTrue();
            assertThat(((DefaultSdkProducer<String, String>) guarded).context().timing())
                    .isTrue();
        } finally {
            metered.close();
            guarded.close();
        }
    }

    @Test
    void generatedClientIdsAreUniquePerProducer() {
        SdkProducer<String, String> first = ProducerAssembly.plain(options(null, null));
        SdkProducer<String, String> second = ProducerAssembly.plain(options(null, null));
        try {
            assertThat(first.clientId())
                    .startsWith("kafka-sdk-producer-orders-")
                    .isNotEqualTo(second.clientId());
        } finally {
            first.close();
            second.close();
        }
    }
}
