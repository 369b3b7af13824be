package dev.kafkasdk.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.consumer.FailureAction;
import dev.kafkasdk.consumer.FailurePolicy;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RetryTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);

    private final RetryTracker tracker = new RetryTracker(Retry.of(
            "test",
            FailurePolicy.builder()
                    .maxAttempts(4)
                    .backoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(300))
                    .retryOn(e -> !(e instanceof IllegalArgumentException))
                    .onExhausted(FailureAction.SKIP)
                    .build()
                    .retryConfig()));

    @Test
    void repeatedFailuresOfTheSameRecordBackOffExponentiallyThenExhaust() {
        long now = 0;
        RetryTracker.Decision first = tracker.failed(Map.of(P0, 5L), new RuntimeException("x"), now);
        RetryTracker.Decision second = tracker.failed(Map.of(P0, 5L), new RuntimeException("x"), now);
        RetryTracker.Decision third = tracker.failed(Map.of(P0, 5L), new RuntimeException("x"), now);
        RetryTracker.Decision fourth = tracker.failed(Map.of(P0, 5L), new RuntimeException("x"), now);

        assertThat(List.of(first.delayMillis(), second.delayMillis(), third.delayMillis()))
                .containsExactly(100L, 200L, 300L);
        assertThat(fourth.exhausted()).isTrue();
        assertThat(fourth.attempt()).isEqualTo(4);
        assertThat(tracker.isWaiting(P0, now)).isFalse();
    }

    @Test
    void aPartitionWaitsUntilItsDeadline() {
        long now = 1_000;
        tracker.failed(Map.of(P0, 5L), new RuntimeException("x"), now);

        assertThat(tracker.isWaiting(P0, now + TimeUnit.MILLISECONDS.toNanos(99)))
                .isTrue();
        assertThat(tracker.isWaiting(P0, now + TimeUnit.MILLISECONDS.toNanos(100)))
                .isFalse();
        assertThat(tracker.nanosUntilNextDue(now)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(tracker.waiting(now)).containsExactly(P0);
    }

    @Test
    void aDifferentOffsetStartsANewAttemptCount() {
        tracker.failed(Map.of(P0, 5L), new RuntimeException("x"), 0);
        tracker.failed(Map.of(P0, 5L), new RuntimeException("x"), 0);

        RetryTracker.Decision other = tracker.failed(Map.of(P0, 6L), new RuntimeException("x"), 0);

        assertThat(other.attempt()).isEqualTo(1);
        assertThat(other.delayMillis()).isEqualTo(100);
    }

    @Test
    void successEndsTheAttempt() {
        tracker.failed(Map.of(P0, 5L), new RuntimeException("x"), 0);
        tracker.succeeded(P0, 5);

        assertThat(tracker.failed(Map.of(P0, 5L), new RuntimeException("x"), 0).attempt())
                .isEqualTo(1);
    }

    @Test
    void nonRetriableExceptionsExhaustAtOnce() {
        RetryTracker.Decision decision = tracker.failed(Map.of(P0, 5L), new IllegalArgumentException("bad"), 0);

        assertThat(decision.exhausted()).isTrue();
    }

    @Test
    void aBatchFailureSharesOneAttemptCountAcrossItsPartitions() {
        tracker.failed(Map.of(P0, 1L, P1, 7L), new RuntimeException("x"), 0);

        RetryTracker.Decision again = tracker.failed(Map.of(P0, 1L, P1, 7L), new RuntimeException("x"), 0);

        assertThat(again.attempt()).isEqualTo(2);
        assertThat(tracker.waiting(0)).containsExactlyInAnyOrder(P0, P1);
    }

    @Test
    void resolvedRecordsAreRecognisedUntilForgotten() {
        tracker.markResolved(P0, 9);

        assertThat(tracker.isResolved(P0, 9)).isTrue();
        assertThat(tracker.isResolved(P0, 10)).isFalse();
        tracker.forget(List.of(P0));
        assertThat(tracker.isResolved(P0, 9)).isFalse();
        assertThat(tracker.isEmpty()).isTrue();
    }
}
