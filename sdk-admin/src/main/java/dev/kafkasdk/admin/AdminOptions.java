package dev.kafkasdk.admin;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.ConfigProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@link SdkAdmin} runs each admin call: its timeout and how retriable failures are retried.
 *
 * <p>Each call, its retries included, is bounded by {@link #callTimeout()}: every attempt gets what is
 * left of it. A failure whose Kafka exception is retriable and can succeed on a retry ({@code
 * RetriableException} such as a leader change, but not a timeout) is retried up to {@link #maxAttempts()}
 * times in all, {@link #retryBackoff()} apart, through a Resilience4j {@code Retry}, while time is left. A
 * timeout is not retried: during it the admin client already kept trying, so an unreachable cluster
 * fails once, within the call timeout, with a message naming the bootstrap servers. Anything else
 * (authorization, invalid request) fails at once. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class AdminOptions {

    private final Duration callTimeout;
    private final int maxAttempts;
    private final Duration retryBackoff;

    private AdminOptions(Builder b) {
        this.callTimeout = b.callTimeout;
        this.maxAttempts = b.maxAttempts;
        this.retryBackoff = b.retryBackoff;
    }

    /** @return 30 s per call, 3 attempts, 500 ms apart */
    public static AdminOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param base options to copy
     * @return a builder starting from {@code base}
     */
    public static Builder from(AdminOptions base) {
        return new Builder()
                .callTimeout(base.callTimeout)
                .maxAttempts(base.maxAttempts)
                .retryBackoff(base.retryBackoff);
    }

    /** @return the longest an admin call may take, its retries included */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** @return attempts per call, the first included */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return the wait between attempts */
    public Duration retryBackoff() {
        return retryBackoff;
    }

    @Override
    public String toString() {
        return "AdminOptions[callTimeout=" + callTimeout + ", maxAttempts=" + maxAttempts + ", retryBackoff="
                + retryBackoff + "]";
    }

    /** Builds {@link AdminOptions}. Not thread-safe. */
    public static final class Builder {
        private Duration callTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 3;
        private Duration retryBackoff = Duration.ofMillis(500);

        private Builder() {}

        /**
         * @param timeout the longest a call may take, retries included; positive
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        /**
         * @param attempts attempts per call, at least 1 (1 disables retries)
         * @return this builder
         */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * @param backoff the wait between attempts; 0 or more
         * @return this builder
         */
        public Builder retryBackoff(Duration backoff) {
            this.retryBackoff = backoff;
            return this;
        }

        /**
         * @return the options
         * @throws ConfigException naming every invalid value
         */
        public AdminOptions build() {
            List<ConfigProblem> problems = new ArrayList<>();
            if (callTimeout == null || callTimeout.isNegative() || callTimeout.isZero()) {
                problems.add(new ConfigProblem(
                        "callTimeout", String.valueOf(callTimeout), "must be a positive duration, such as 30s"));
            }
            if (maxAttempts < 1) {
                problems.add(new ConfigProblem(
                        "maxAttempts", Integer.toString(maxAttempts), "must be 1 or more (1 disables retries)"));
            }
            if (retryBackoff == null || retryBackoff.isNegative()) {
                problems.add(new ConfigProblem(
                        "retryBackoff", String.valueOf(retryBackoff), "must be 0 or a positive duration"));
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return new AdminOptions(this);
        }
    }
}
