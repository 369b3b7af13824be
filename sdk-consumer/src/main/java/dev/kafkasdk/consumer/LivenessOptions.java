package dev.kafkasdk.consumer;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;

/**
 * How the consumer guards its group membership at run time (see {@link LivenessAdvisor}).
 *
 * <p>When enabled, the poll loop measures each handler round (two clock reads per round) and keeps
 * the time between two polls under {@code budgetFraction × max.poll.interval.ms}: a record handler
 * stops a round early once the budget is used, and with {@code adaptiveBatch} the consumer hands
 * fewer records to each round (at most {@code budget / p99 per-record time}). Records it does not
 * process in a round are not lost: the consumer seeks their partitions back to the first of them, so
 * the next poll returns them again. Each round whose poll-to-poll time exceeds the budget logs a
 * warning (at most once per {@code warnInterval}) and counts {@code kafka.sdk.consumer.poll.budget.warnings}.
 *
 * <p>Immutable. Ownership: an {@link Admin} given here is used to read broker group settings and is
 * never closed by the consumer.
 *
 * @since 0.1
 */
public final class LivenessOptions {

    private final boolean enabled;
    private final boolean adaptiveBatch;
    private final double budgetFraction;
    private final Duration warnInterval;
    private final boolean readBrokerConfig;
    private final Admin admin;

    private LivenessOptions(Builder builder) {
        this.enabled = builder.enabled;
        this.adaptiveBatch = builder.adaptiveBatch;
        this.budgetFraction = builder.budgetFraction;
        this.warnInterval = builder.warnInterval;
        this.readBrokerConfig = builder.readBrokerConfig;
        this.admin = builder.admin;
    }

    /**
     * Enabled, adaptive batches, half of {@code max.poll.interval.ms} per round, warnings at most every
     * 30 s, broker group settings read with a short-lived admin client under the consumer protocol.
     *
     * @return the defaults
     */
    public static LivenessOptions defaults() {
        return builder().build();
    }

    /**
     * No measuring, no warnings, no batch shrinking, no broker lookups.
     *
     * @return disabled options
     */
    public static LivenessOptions disabled() {
        return builder().enabled(false).build();
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
     * Whether the run-time checks are on.
     *
     * @return {@code true} if enabled
     */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Whether rounds shrink to fit the budget.
     *
     * @return {@code true} if adaptive
     */
    public boolean adaptiveBatch() {
        return adaptiveBatch;
    }

    /**
     * The share of {@code max.poll.interval.ms} one round may use.
     *
     * @return between 0 and 1
     */
    public double budgetFraction() {
        return budgetFraction;
    }

    /**
     * The shortest time between two budget warnings in the log.
     *
     * @return the interval
     */
    public Duration warnInterval() {
        return warnInterval;
    }

    /**
     * Whether to read the broker's group session and heartbeat settings under the consumer protocol.
     *
     * @return {@code true} if the broker is asked
     */
    public boolean readBrokerConfig() {
        return readBrokerConfig;
    }

    /**
     * The caller's admin client for broker lookups.
     *
     * @return the admin, or empty to create a short-lived one from the consumer's connection settings
     */
    public Optional<Admin> admin() {
        return Optional.ofNullable(admin);
    }

    /** Builds {@link LivenessOptions}. Not thread-safe. */
    public static final class Builder {
        private boolean enabled = true;
        private boolean adaptiveBatch = true;
        private double budgetFraction = 0.5;
        private Duration warnInterval = Duration.ofSeconds(30);
        private boolean readBrokerConfig = true;
        private Admin admin;

        private Builder() {}

        /**
         * Turns the run-time checks on or off.
         *
         * @param enabled whether enabled
         * @return this builder
         */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * Turns batch shrinking on or off (warnings stay on).
         *
         * @param adaptiveBatch whether rounds shrink to fit the budget
         * @return this builder
         */
        public Builder adaptiveBatch(boolean adaptiveBatch) {
            this.adaptiveBatch = adaptiveBatch;
            return this;
        }

        /**
         * The share of {@code max.poll.interval.ms} one round may use.
         *
         * @param budgetFraction greater than 0 and at most 0.9
         * @return this builder
         */
        public Builder budgetFraction(double budgetFraction) {
            this.budgetFraction = budgetFraction;
            return this;
        }

        /**
         * The shortest time between two budget warnings in the log.
         *
         * @param warnInterval a non-negative duration
         * @return this builder
         */
        public Builder warnInterval(Duration warnInterval) {
            this.warnInterval = Objects.requireNonNull(warnInterval, "warnInterval");
            return this;
        }

        /**
         * Whether to read the broker's group settings under the consumer protocol.
         *
         * @param readBrokerConfig whether the broker is asked
         * @return this builder
         */
        public Builder readBrokerConfig(boolean readBrokerConfig) {
            this.readBrokerConfig = readBrokerConfig;
            return this;
        }

        /**
         * An admin client for broker lookups; not closed by the consumer.
         *
         * @param admin the caller's admin client
         * @return this builder
         */
        public Builder admin(Admin admin) {
            this.admin = Objects.requireNonNull(admin, "admin");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if the fraction or interval is out of range
         */
        public LivenessOptions build() {
            if (!(budgetFraction > 0 && budgetFraction <= 0.9)) {
                throw new IllegalArgumentException("budgetFraction must be in (0, 0.9] but was " + budgetFraction);
            }
            if (warnInterval.isNegative()) {
                throw new IllegalArgumentException("warnInterval must not be negative: " + warnInterval);
            }
            return new LivenessOptions(this);
        }
    }
}
