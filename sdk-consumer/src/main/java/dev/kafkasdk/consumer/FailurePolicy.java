package dev.kafkasdk.consumer;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What the consumer does when a handler throws: retry with exponential backoff (through a
 * Resilience4j {@link RetryConfig}), then take the {@link FailureAction} once the attempts are spent
 * or the exception is not retriable.
 *
 * <p>Waiting never blocks the poll thread: the failing partition is paused and rewound to the
 * failing record, the consumer keeps polling (so it stays in its group and other partitions keep
 * flowing), and the partition resumes when the backoff has passed. A backoff longer than
 * {@code max.poll.interval.ms} is therefore safe.
 *
 * <p>{@link #retryTopics(Duration...)} retries through retry topics instead: the failed record moves
 * to a delay tier's topic and the partition goes on at once (see {@link RetryTopics}).
 *
 * <p>Immutable and thread-safe. Build with {@link #builder()}; {@link #defaults()} is 3 attempts,
 * 200 ms doubling up to 10 s, then {@link FailureAction#STOP}.
 *
 * @since 0.1
 */
public final class FailurePolicy {

    private final RetryConfig retryConfig;
    private final FailureAction onExhausted;
    private final @Nullable RetryTopics retryTopics;

    private FailurePolicy(RetryConfig retryConfig, FailureAction onExhausted) {
        this(retryConfig, onExhausted, null);
    }

    private FailurePolicy(RetryConfig retryConfig, FailureAction onExhausted, @Nullable RetryTopics retryTopics) {
        this.retryConfig = retryConfig;
        this.onExhausted = onExhausted;
        this.retryTopics = retryTopics;
    }

    /**
     * Non-blocking retries through retry topics: each failure moves the record to the next tier's topic
     * ({@code orders-retry-5s}, {@code orders-retry-1m}, ...), read again once the tier's delay has
     * passed; after the last tier it goes to the dead-letter topic. Finish with
     * {@link RetryTopics.Builder#thenDeadLetter()}: {@code retryTopics(ofSeconds(5), ofMinutes(1)).thenDeadLetter()}.
     * The handler gets one attempt per delivery. Needs a record handler and a commit mode other than
     * transactional; see {@link RetryTopics} for the guarantees.
     *
     * @param delays the tiers' delays, first tier first; positive, whole milliseconds, all different
     * @return a builder for the tiers
     */
    public static RetryTopics.Builder retryTopics(Duration... delays) {
        Objects.requireNonNull(delays, "delays");
        return new RetryTopics.Builder(Arrays.asList(delays.clone()));
    }

    static FailurePolicy retrying(RetryTopics topics) {
        RetryConfig config =
                RetryConfig.custom().maxAttempts(1).retryOnException(t -> false).build();
        return new FailurePolicy(config, FailureAction.DEAD_LETTER, topics);
    }

    /**
     * The retry tiers, when this policy retries through retry topics.
     *
     * @return the tiers, or empty for in-place retries
     */
    public Optional<RetryTopics> retryTiers() {
        return Optional.ofNullable(retryTopics);
    }

    /**
     * 3 attempts, 200 ms doubling up to 10 s, then stop.
     *
     * @return the default policy
     */
    public static FailurePolicy defaults() {
        return builder().build();
    }

    /**
     * No retry: the action applies to the first failure.
     *
     * @param action what to do with the failed record
     * @return the policy
     */
    public static FailurePolicy noRetry(FailureAction action) {
        return builder().maxAttempts(1).onExhausted(action).build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A policy from a Resilience4j retry configuration (its max attempts, interval function and
     * exception predicates apply; its sleep function does not, since the consumer never sleeps).
     *
     * @param retryConfig the retry configuration
     * @param onExhausted what to do once retries are spent
     * @return the policy
     */
    public static FailurePolicy of(RetryConfig retryConfig, FailureAction onExhausted) {
        return new FailurePolicy(
                Objects.requireNonNull(retryConfig, "retryConfig"), Objects.requireNonNull(onExhausted, "onExhausted"));
    }

    /**
     * The Resilience4j retry configuration.
     *
     * @return the configuration
     */
    public RetryConfig retryConfig() {
        return retryConfig;
    }

    /**
     * What happens once the attempts are spent or the exception is not retriable.
     *
     * @return the action
     */
    public FailureAction onExhausted() {
        return onExhausted;
    }

    @Override
    public String toString() {
        if (retryTopics != null) {
            return "FailurePolicy{" + retryTopics + ", then DEAD_LETTER}";
        }
        return "FailurePolicy{maxAttempts=" + retryConfig.getMaxAttempts() + ", onExhausted=" + onExhausted + '}';
    }

    /** Builds a {@link FailurePolicy}. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private double multiplier = 2.0;
        private Duration maxBackoff = Duration.ofSeconds(10);
        private Predicate<Throwable> retryOn = t -> true;
        private FailureAction onExhausted = FailureAction.STOP;

        private Builder() {}

        /**
         * Total handler calls for one record or batch, including the first.
         *
         * @param maxAttempts at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Exponential backoff between attempts.
         *
         * @param initial the first wait, positive
         * @param multiplier the factor between waits, at least 1
         * @param max the longest wait, at least {@code initial}
         * @return this builder
         */
        public Builder backoff(Duration initial, double multiplier, Duration max) {
            this.initialBackoff = Objects.requireNonNull(initial, "initial");
            this.multiplier = multiplier;
            this.maxBackoff = Objects.requireNonNull(max, "max");
            return this;
        }

        /**
         * Which exceptions are worth retrying; others go straight to the exhausted action.
         *
         * @param retryOn the predicate; default retries everything
         * @return this builder
         */
        public Builder retryOn(Predicate<Throwable> retryOn) {
            this.retryOn = Objects.requireNonNull(retryOn, "retryOn");
            return this;
        }

        /**
         * What happens once the attempts are spent.
         *
         * @param action the action; default {@link FailureAction#STOP}
         * @return this builder
         */
        public Builder onExhausted(FailureAction action) {
            this.onExhausted = Objects.requireNonNull(action, "action");
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws IllegalArgumentException naming every invalid value
         */
        public FailurePolicy build() {
            StringBuilder problems = new StringBuilder();
            if (maxAttempts < 1) {
                problems.append("maxAttempts must be >= 1 but was ")
                        .append(maxAttempts)
                        .append("; ");
            }
            if (initialBackoff.isNegative() || initialBackoff.isZero()) {
                problems.append("initial backoff must be positive but was ")
                        .append(initialBackoff)
                        .append("; ");
            }
            if (multiplier < 1.0) {
                problems.append("backoff multiplier must be >= 1 but was ")
                        .append(multiplier)
                        .append("; ");
            }
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                problems.append("max backoff ")
                        .append(maxBackoff)
                        .append(" is below the initial backoff ")
                        .append(initialBackoff)
                        .append("; ");
            }
            if (problems.length() > 0) {
                throw new IllegalArgumentException(
                        "invalid failure policy: " + problems.substring(0, problems.length() - 2));
            }
            RetryConfig config = RetryConfig.custom()
                    .maxAttempts(maxAttempts)
                    .intervalFunction(IntervalFunction.ofExponentialBackoff(initialBackoff, multiplier, maxBackoff))
                    .retryOnException(retryOn)
                    .build();
            return new FailurePolicy(config, onExhausted);
        }
    }
}
