package dev.kafkasdk.producer.internal;

import dev.kafkasdk.core.KafkaSdkException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.concurrent.TimeUnit;

/**
 * Lets sends through an optional Resilience4j circuit breaker. Only retriable failures are
 * reported to the breaker as errors; any answer from the cluster, even a rejection, counts as a
 * success, because the breaker tracks whether the cluster is reachable.
 */
final class BreakerGate {

    static final BreakerGate NONE = new BreakerGate(null);

    private final CircuitBreaker breaker;

    private BreakerGate(CircuitBreaker breaker) {
        this.breaker = breaker;
    }

    static BreakerGate of(CircuitBreaker breaker) {
        return breaker == null ? NONE : new BreakerGate(breaker);
    }

    boolean enabled() {
        return breaker != null;
    }

    /** Asks for a permission; true when there is no breaker. */
    boolean tryAcquire() {
        return breaker == null || breaker.tryAcquirePermission();
    }

    /** Returns a permission that was not used because the send never started. */
    void release() {
        if (breaker != null) {
            breaker.releasePermission();
        }
    }

    void onSuccess(long startNanos) {
        if (breaker != null) {
            breaker.onSuccess(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        }
    }

    void onFailure(long startNanos, KafkaSdkException failure) {
        if (breaker == null) {
            return;
        }
        long elapsed = System.nanoTime() - startNanos;
        if (failure.isRetriable()) {
            breaker.onError(elapsed, TimeUnit.NANOSECONDS, failure);
        } else {
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
        }
    }

    /** The exception Resilience4j uses for a refused call, naming the breaker and its state. */
    CallNotPermittedException notPermitted() {
        return CallNotPermittedException.createCallNotPermittedException(breaker);
    }

    String name() {
        return breaker == null ? "" : breaker.getName();
    }

    String state() {
        return breaker == null ? "" : breaker.getState().name();
    }
}
