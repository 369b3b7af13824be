package dev.kafkasdk.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.core.ConfigException;
import org.junit.jupiter.api.Test;

class SdkProducerBuilderTest {

    @Test
    void reportsEveryInvalidOptionAtOnce() {
        MockKafka kafka = new MockKafka();

        assertThatThrownBy(() -> kafka.<String, String>builder(
                                MockKafka.settings().build(), null, null)
                        .maxInFlight(-1)
                        .circuitBreaker(CircuitBreakerSettings.defaults())
                        .circuitBreaker(CircuitBreakerSettings.defaults().toCircuitBreaker("b"))
                        .build())
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.path())
                                .containsExactly("keySerde", "valueSerde", "maxInFlight", "circuitBreaker"));
        assertThat(kafka.mock.closed()).isFalse();
        assertThat(kafka.properties).isEmpty();
    }
}
