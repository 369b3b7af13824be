package dev.kafkasdk.consumer;

import dev.kafkasdk.core.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Non-blocking retries through retry topics: a record whose handler fails is published to the first
 * tier's topic ({@code <topic><suffix><delay>}, e.g. {@code orders-retry-5s}), read again by the same
 * consumer once its delay has passed, then moved to the next tier on each further failure, and to
 * the dead-letter topic after the last tier. The main partition keeps flowing meanwhile.
 *
 * <p>Guarantees: the failed record's offset is committed only after the broker acknowledged its copy
 * in the next tier (or the dead-letter topic), so a crash in between re-delivers it (at least once:
 * the copy may then exist twice). A tier record's due time is in its headers
 * ({@link RetryTopicHeaders#DUE_TIME}), so waits survive restarts and rebalances. A tier partition
 * whose head is not due is paused, never slept on, so the consumer keeps polling within
 * {@code max.poll.interval.ms} and other partitions keep flowing. A record stays in its partition
 * number across tiers (when the tier topic has that many partitions), and no retry state is held in
 * memory across partitions.
 *
 * <p>Immutable and thread-safe. Start one with {@link FailurePolicy#retryTopics(Duration...)}.
 *
 * @since 0.1
 */
public final class RetryTopics {

    /** The default suffix between the topic name and the tier's delay: {@code -retry-}. */
    public static final String DEFAULT_SUFFIX = "-retry-";

    private final List<Duration> tiers;
    private final String suffix;
    private final boolean createTopics;
    private final Predicate<Throwable> retryOn;

    private RetryTopics(Builder b) {
        this.tiers = List.copyOf(b.tiers);
        this.suffix = b.suffix;
        this.createTopics = b.createTopics;
        this.retryOn = b.retryOn;
    }

    /**
     * The tiers' delays, first tier first.
     *
     * @return an unmodifiable list, never empty
     */
    public List<Duration> tiers() {
        return tiers;
    }

    /**
     * The text between a topic's name and a tier's delay.
     *
     * @return the suffix, default {@link #DEFAULT_SUFFIX}
     */
    public String suffix() {
        return suffix;
    }

    /**
     * Whether the consumer creates missing tier topics when it starts, with the partition count of
     * their main topic and the broker's default replication factor.
     *
     * @return {@code true} by default
     */
    public boolean createsTopics() {
        return createTopics;
    }

    /**
     * Whether a failure is worth retrying; other failures go straight to the dead-letter topic.
     *
     * @param failure the handler's exception
     * @return {@code true} to move the record to the next tier
     */
    public boolean retries(Throwable failure) {
        return retryOn.test(failure);
    }

    /**
     * The topic of a tier: {@code <topic><suffix><delay>}, the delay written as in the config file
     * ({@code 5s}, {@code 1m}, {@code 500ms}).
     *
     * @param topic the main topic
     * @param tier the tier's index, from 0
     * @return the tier topic's name
     */
    public String tierTopic(String topic, int tier) {
        return topic + suffix + Durations.format(tiers.get(tier));
    }

    /**
     * Every tier topic of a main topic, first tier first.
     *
     * @param topic the main topic
     * @return the names
     */
    public List<String> tierTopics(String topic) {
        List<String> names = new ArrayList<>(tiers.size());
        for (int i = 0; i < tiers.size(); i++) {
            names.add(tierTopic(topic, i));
        }
        return names;
    }

    /**
     * Which tier a topic is, judged by its name.
     *
     * @param topic a topic name
     * @return the tier's index, or empty for a main topic
     */
    public OptionalInt tierOf(String topic) {
        for (int i = tiers.size() - 1; i >= 0; i--) {
            String end = suffix + Durations.format(tiers.get(i));
            if (topic.endsWith(end) && topic.length() > end.length()) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The main topic of a tier topic.
     *
     * @param topic a topic name
     * @return the main topic, or {@code topic} itself when it is not a tier topic
     */
    public String mainTopic(String topic) {
        OptionalInt tier = tierOf(topic);
        if (tier.isEmpty()) {
            return topic;
        }
        return topic.substring(
                0,
                topic.length()
                        - suffix.length()
                        - Durations.format(tiers.get(tier.getAsInt())).length());
    }

    @Override
    public String toString() {
        return "RetryTopics{tiers=" + tiers.stream().map(Durations::format).toList() + ", suffix=" + suffix + '}';
    }

    /** Builds the retry tiers; ends with {@link #thenDeadLetter()}. Not thread-safe. */
    public static final class Builder {
        private final List<Duration> tiers;
        private String suffix = DEFAULT_SUFFIX;
        private boolean createTopics = true;
        private Predicate<Throwable> retryOn = t -> true;

        Builder(List<Duration> tiers) {
            this.tiers = tiers;
        }

        /**
         * The text between a topic's name and a tier's delay.
         *
         * @param suffix legal topic-name characters ({@code a-z A-Z 0-9 . _ -}), not empty; default
         *     {@code -retry-}
         * @return this builder
         */
        public Builder suffix(String suffix) {
            this.suffix = Objects.requireNonNull(suffix, "suffix");
            return this;
        }

        /**
         * Whether the consumer creates missing tier topics at start.
         *
         * @param create default {@code true}; set {@code false} when topics are managed elsewhere
         * @return this builder
         */
        public Builder createTopics(boolean create) {
            this.createTopics = create;
            return this;
        }

        /**
         * Which failures are worth retrying; the others go straight to the dead-letter topic.
         *
         * @param retryOn the predicate; default retries everything
         * @return this builder
         */
        public Builder retryOn(Predicate<Throwable> retryOn) {
            this.retryOn = Objects.requireNonNull(retryOn, "retryOn");
            return this;
        }

        /**
         * Ends the policy: after the last tier the record goes to the dead-letter topic through the
         * consumer's {@link DeadLetterPublisher} ({@code <topic>.DLT} unless the builder sets one), with
         * the coordinates of the main topic.
         *
         * @return the failure policy
         * @throws IllegalArgumentException naming every invalid value
         */
        public FailurePolicy thenDeadLetter() {
            List<String> problems = problems(tiers, suffix);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid retry topics: " + String.join("; ", problems));
            }
            return FailurePolicy.retrying(new RetryTopics(this));
        }
    }

    /**
     * What is wrong with tier delays and a suffix.
     *
     * @param tiers the delays
     * @param suffix the suffix
     * @return one message per problem; empty when valid
     */
    static List<String> problems(List<Duration> tiers, String suffix) {
        List<String> problems = new ArrayList<>();
        if (tiers.isEmpty()) {
            problems.add("at least one tier delay is needed, e.g. retryTopics(Duration.ofSeconds(5))");
        }
        Set<String> seen = new HashSet<>();
        for (Duration tier : tiers) {
            if (tier == null || tier.isNegative() || tier.isZero()) {
                problems.add("tier delay " + tier + " must be positive");
            } else if (tier.toNanos() % 1_000_000 != 0) {
                problems.add("tier delay " + tier + " has a fraction of a millisecond");
            } else if (!seen.add(Durations.format(tier))) {
                problems.add("tier delay " + Durations.format(tier) + " appears twice; each tier needs its own topic");
            }
        }
        if (suffix.isEmpty() || !suffix.matches("[a-zA-Z0-9._-]+")) {
            problems.add("suffix '" + suffix + "' must be non-empty legal topic-name characters (a-z A-Z 0-9 . _ -)");
        }
        return problems;
    }
}
