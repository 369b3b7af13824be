package dev.kafkasdk.consumer;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * What a consumer reads: topics through its group ({@code subscribe}), or chosen partitions with no
 * group rebalancing ({@code assign}).
 *
 * @since 0.1
 */
public sealed interface Subscription
        permits Subscription.Topics, Subscription.TopicPattern, Subscription.Partitions, Subscription.AllPartitions {

    /**
     * Subscribes to topics through the consumer group; needs a group id.
     *
     * @param topics one or more topic names
     * @return the subscription
     */
    static Subscription topics(String... topics) {
        return new Topics(List.of(topics));
    }

    /**
     * Subscribes to topics through the consumer group; needs a group id.
     *
     * @param topics one or more topic names
     * @return the subscription
     */
    static Subscription topics(Collection<String> topics) {
        return new Topics(List.copyOf(topics));
    }

    /**
     * Subscribes to every topic matching a regular expression (classic protocol: evaluated on the
     * client); needs a group id.
     *
     * @param pattern the pattern
     * @return the subscription
     */
    static Subscription pattern(Pattern pattern) {
        return new TopicPattern(pattern);
    }

    /**
     * Assigns exactly these partitions, with no group membership and no rebalancing.
     *
     * @param partitions one or more partitions
     * @return the subscription
     */
    static Subscription assign(TopicPartition... partitions) {
        return new Partitions(Set.of(partitions));
    }

    /**
     * Assigns exactly these partitions, with no group membership and no rebalancing.
     *
     * @param partitions one or more partitions
     * @return the subscription
     */
    static Subscription assign(Collection<TopicPartition> partitions) {
        return new Partitions(Set.copyOf(partitions));
    }

    /**
     * Assigns every partition the topic has when the consumer starts, with no group membership.
     *
     * @param topic the topic, which must exist
     * @return the subscription
     */
    static Subscription assignAll(String topic) {
        return new AllPartitions(topic);
    }

    /**
     * Whether this subscription uses the consumer group's assignment.
     *
     * @return {@code true} for topics and patterns
     */
    default boolean usesGroup() {
        return this instanceof Topics || this instanceof TopicPattern;
    }

    /**
     * See {@link #topics(String...)}.
     *
     * @param topics the topic names
     */
    record Topics(List<String> topics) implements Subscription {
        /**
         * Validates the topics.
         *
         * @param topics the topic names
         * @throws IllegalArgumentException if empty or blank
         */
        public Topics {
            topics = List.copyOf(topics);
            if (topics.isEmpty() || topics.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("subscribe needs at least one non-blank topic: " + topics);
            }
        }
    }

    /**
     * See {@link #pattern(Pattern)}.
     *
     * @param pattern the pattern
     */
    record TopicPattern(Pattern pattern) implements Subscription {
        /**
         * Validates the pattern.
         *
         * @param pattern the pattern
         */
        public TopicPattern {
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    /**
     * See {@link #assign(TopicPartition...)}.
     *
     * @param partitions the partitions
     */
    record Partitions(Set<TopicPartition> partitions) implements Subscription {
        /**
         * Validates the partitions.
         *
         * @param partitions the partitions
         * @throws IllegalArgumentException if empty
         */
        public Partitions {
            partitions = Set.copyOf(partitions);
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("assign needs at least one partition");
            }
        }
    }

    /**
     * See {@link #assignAll(String)}.
     *
     * @param topic the topic
     */
    record AllPartitions(String topic) implements Subscription {
        /**
         * Validates the topic.
         *
         * @param topic the topic
         * @throws IllegalArgumentException if blank
         */
        public AllPartitions {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("assignAll needs a topic name");
            }
        }
    }
}
