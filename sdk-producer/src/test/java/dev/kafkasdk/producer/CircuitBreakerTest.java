package dev.kafkasdk.producer;

import static dev.kafkasdk.producer.SdkProducerTest.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.core.KafkaSdkException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final MockKafka kafka = new MockKafka();
    private final CircuitBreaker breaker = CircuitBreakerSettings.custom()
            .slidingWindowSize(2)
            .minimumNumberOfCalls(2)
            .failureRateThreshold(50)
            .waitInOpenState(Duration.ofSeconds(1))
            .permittedCallsInHalfOpenState(1)
            .build()
            .toCircuitBreaker("test");
    private SdkProducer<String, String> producer;

    @AfterEach
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void opensOnRetriableFailuresFailsFastAndClosesAfterASuccessfulProbe() {
        producer = kafka.strings().circuitBreaker(breaker).build();
        failNext(new TimeoutException("Expiring 1 record(s): 120000 ms has passed"));
        failNext(new TimeoutException("Expiring 1 record(s): 120000 ms has passed"));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        KafkaSdkException refused = failureOf(producer.send("orders", "k", "v"));
        assertThat(refused.isRetriable()).isTrue();
        assertThat(refused)
                .hasCauseInstanceOf(CallNotPermittedException.class)
                .hasMessageContaining("circuit breaker 'test' is OPEN");
        assertThat(kafka.mock.history()).hasSize(2);

        await().atMost(Duration.ofSeconds(5)).until(() -> breaker.getState() == CircuitBreaker.State.HALF_OPEN);
        CompletableFuture<SendResult> probe = producer.send("orders", "k", "v");
        kafka.mock.completeNext();
        probe.join();
        await().atMost(Duration.ofSeconds(5)).until(() -> breaker.getState() == CircuitBreaker.State.CLOSED);
    }

    @Test
    void nonRetriableRejectionsDoNotOpenTheBreaker() {
        producer = kafka.strings().circuitBreaker(breaker).build();
        for (int i = 0; i < 4; i++) {
            failNext(new RecordTooLargeException("too large for the topic"));
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(2);
    }

    @Test
    void callerSuppliedBreakerIsLeftAloneOnClose() {
        producer = kafka.strings().circuitBreaker(breaker).build();
        producer.close();

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquirePermission()).isTrue();
    }

    private void failNext(RuntimeException error) {
        CompletableFuture<SendResult> future = producer.send("orders", "k", "v");
        kafka.mock.errorNext(error);
        failureOf(future);
    }
}
