package dev.kafkasdk.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.RetriableKafkaSdkException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerSettingsTest {

    @Test
    void reportsEveryInvalidValueAtOnce() {
        assertThatThrownBy(() -> CircuitBreakerSettings.custom()
                        .failureRateThreshold(0)
                        .slidingWindowSize(0)
                        .minimumNumberOfCalls(0)
                        .waitInOpenState(Duration.ZERO)
                        .permittedCallsInHalfOpenState(0)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failureRateThreshold=0.0")
                .hasMessageContaining("slidingWindowSize=0")
                .hasMessageContaining("minimumNumberOfCalls=0")
                .hasMessageContaining("waitInOpenState=PT0S")
                .hasMessageContaining("permittedCallsInHalfOpenState=0");
    }

    @Test
    void buildsABreakerThatRecordsOnlyRetriableFailures() {
        CircuitBreakerSettings settings = CircuitBreakerSettings.from(CircuitBreakerSettings.defaults())
                .slidingWindowSize(20)
                .build();

        CircuitBreakerConfig config = settings.toCircuitBreaker("p").getCircuitBreakerConfig();

        assertThat(config.getSlidingWindowSize()).isEqualTo(20);
        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(5);
        assertThat(config.isAutomaticTransitionFromOpenToHalfOpenEnabled()).isTrue();
        assertThat(config.getRecordExceptionPredicate().test(new RetriableKafkaSdkException("timeout", null)))
                .isTrue();
        assertThat(config.getRecordExceptionPredicate().test(new KafkaSdkException("rejected")))
                .isFalse();
    }
}
