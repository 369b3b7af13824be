package dev.kafkasdk.producer;

import dev.kafkasdk.core.KafkaSdkException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A small, immutable description of the circuit breaker that guards a producer's sends while the
 * cluster is unreachable, for callers who do not build a Resilience4j {@link CircuitBreaker}
 * themselves.
 *
 * <p>The breaker counts the last {@link #slidingWindowSize()} sends. Only retriable failures
 * (timeouts such as {@code max.block.ms} or {@code delivery.timeout.ms}, lost connections, leader
 * changes) count as failures: a broker that rejects a record still answered. When the share of
 * failures reaches {@link #failureRateThreshold()} percent the breaker opens and sends fail at
 * once, without waiting {@code max.block.ms} each. After {@link #waitInOpenState()} it lets
 * {@link #permittedCallsInHalfOpenState()} probe sends through; if they succeed it closes.
 *
 * <pre>{@code
 * CircuitBreakerSettings breaker = CircuitBreakerSettings.custom()
 *     .failureRateThreshold(50)
 *     .waitInOpenState(Duration.ofSeconds(5))
 *     .build();
 * }</pre>
 *
 * @param failureRateThreshold percentage of failed sends (1-100) that opens the breaker
 * @param slidingWindowSize number of most recent sends the rate is computed over
 * @param minimumNumberOfCalls sends needed in the window before the rate is computed
 * @param waitInOpenState how long the breaker stays open before letting probes through
 * @param permittedCallsInHalfOpenState probe sends allowed while half-open
 * @since 0.1
 */
public record CircuitBreakerSettings(
        float failureRateThreshold,
        int slidingWindowSize,
        int minimumNumberOfCalls,
        Duration waitInOpenState,
        int permittedCallsInHalfOpenState) {

    /**
     * Validates every component and reports all problems at once.
     *
     * @param failureRateThreshold percentage of failed sends (1-100) that opens the breaker
     * @param slidingWindowSize number of most recent sends the rate is computed over
     * @param minimumNumberOfCalls sends needed in the window before the rate is computed
     * @param waitInOpenState how long the breaker stays open before letting probes through
     * @param permittedCallsInHalfOpenState probe sends allowed while half-open
     * @throws IllegalArgumentException naming each invalid component and its valid range
     */
    public CircuitBreakerSettings {
        List<String> problems = new ArrayList<>();
        if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
            problems.add("failureRateThreshold=" + failureRateThreshold + " (valid: 1-100 percent)");
        }
        if (slidingWindowSize < 1) {
            problems.add("slidingWindowSize=" + slidingWindowSize + " (valid: 1 or more)");
        }
        if (minimumNumberOfCalls < 1) {
            problems.add("minimumNumberOfCalls=" + minimumNumberOfCalls + " (valid: 1 or more)");
        }
        if (waitInOpenState == null || waitInOpenState.isNegative() || waitInOpenState.isZero()) {
            problems.add("waitInOpenState=" + waitInOpenState + " (valid: a positive duration)");
        }
        if (permittedCallsInHalfOpenState < 1) {
            problems.add("permittedCallsInHalfOpenState=" + permittedCallsInHalfOpenState + " (valid: 1 or more)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid circuit breaker settings: " + String.join("; ", problems));
        }
    }

    /**
     * The defaults: opens at 50% failures over the last 10 sends (once 5 were seen), stays open
     * 10 seconds, then lets 3 probes through.
     *
     * @return the default settings
     */
    public static CircuitBreakerSettings defaults() {
        return custom().build();
    }

    /**
     * A builder starting from {@link #defaults()}.
     *
     * @return a new builder
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * A builder starting from the given settings.
     *
     * @param base the settings to copy
     * @return a new builder
     */
    public static Builder from(CircuitBreakerSettings base) {
        Objects.requireNonNull(base, "base");
        return new Builder()
                .failureRateThreshold(base.failureRateThreshold)
                .slidingWindowSize(base.slidingWindowSize)
                .minimumNumberOfCalls(base.minimumNumberOfCalls)
                .waitInOpenState(base.waitInOpenState)
                .permittedCallsInHalfOpenState(base.permittedCallsInHalfOpenState);
    }

    /**
     * Builds a new Resilience4j circuit breaker from these settings. It records only retriable
     * {@link KafkaSdkException}s as failures and moves from open to half-open by itself once
     * {@link #waitInOpenState()} has passed.
     *
     * @param name the breaker's name, shown in its events and metrics
     * @return a new circuit breaker
     */
    public CircuitBreaker toCircuitBreaker(String name) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(slidingWindowSize)
                .minimumNumberOfCalls(minimumNumberOfCalls)
                .failureRateThreshold(failureRateThreshold)
                .waitDurationInOpenState(waitInOpenState)
                .permittedNumberOfCallsInHalfOpenState(permittedCallsInHalfOpenState)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(e -> e instanceof KafkaSdkException sdk && sdk.isRetriable())
                .build();
        return CircuitBreaker.of(name, config);
    }

    /** Builds {@link CircuitBreakerSettings}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private float failureRateThreshold = 50;
        private int slidingWindowSize = 10;
        private int minimumNumberOfCalls = 5;
        private Duration waitInOpenState = Duration.ofSeconds(10);
        private int permittedCallsInHalfOpenState = 3;

        private Builder() {}

        /**
         * Percentage of failed sends that opens the breaker.
         *
         * @param percent 1-100
         * @return this builder
         */
        public Builder failureRateThreshold(float percent) {
            this.failureRateThreshold = percent;
            return this;
        }

        /**
         * Number of most recent sends the failure rate is computed over.
         *
         * @param sends 1 or more
         * @return this builder
         */
        public Builder slidingWindowSize(int sends) {
            this.slidingWindowSize = sends;
            return this;
        }

        /**
         * Sends needed in the window before the failure rate is computed.
         *
         * @param sends 1 or more
         * @return this builder
         */
        public Builder minimumNumberOfCalls(int sends) {
            this.minimumNumberOfCalls = sends;
            return this;
        }

        /**
         * How long the breaker stays open before probes are let through.
         *
         * @param wait a positive duration
         * @return this builder
         */
        public Builder waitInOpenState(Duration wait) {
            this.waitInOpenState = wait;
            return this;
        }

        /**
         * Probe sends allowed while half-open.
         *
         * @param sends 1 or more
         * @return this builder
         */
        public Builder permittedCallsInHalfOpenState(int sends) {
            this.permittedCallsInHalfOpenState = sends;
            return this;
        }

        /**
         * Validates and creates the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException naming every invalid value
         */
        public CircuitBreakerSettings build() {
            return new CircuitBreakerSettings(
                    failureRateThreshold,
                    slidingWindowSize,
                    minimumNumberOfCalls,
                    waitInOpenState,
                    permittedCallsInHalfOpenState);
        }
    }
}
