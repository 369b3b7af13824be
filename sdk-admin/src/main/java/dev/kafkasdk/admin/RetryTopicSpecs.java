package dev.kafkasdk.admin;

import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.config.TopicSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The retry-tier and dead-letter topics a config file implies, as {@link TopicSpec}s for
 * {@link TopicOperations#plan} and {@link TopicOperations#apply}. A consumer with {@code retry-topics}
 * and {@code topics} gets, for each of those main topics declared under {@code topics:}, one topic per
 * tier ({@code <topic><retry-topic-suffix><delay>}) and {@code <topic>.DLT}, each with the main topic's
 * partitions, replication factor, {@code min.insync.replicas}, {@code max.message.bytes} and
 * {@code unclean.leader.election.enable}. Other configs of the main topic are not copied: a compacted
 * tier topic could drop a waiting retry of the same key, and retention is the broker's default.
 *
 * <p>A topic declared under {@code topics:} by name wins over a derived one. A main topic not declared
 * there derives nothing (its shape is unknown offline); lint rule {@code KSDK-L019} names it.
 *
 * <pre>{@code
 * ApplyResult result = admin.topics().apply(RetryTopicSpecs.withDerived(config));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class RetryTopicSpecs {

    private RetryTopicSpecs() {}

    /**
     * The config's declared topics followed by the tier and dead-letter topics its retry-topics
     * consumers imply: what {@code topics apply} creates.
     *
     * @param config a loaded configuration
     * @return declared topics in file order, then derived ones; no name twice
     */
    public static List<TopicSpec> withDerived(KafkaSdkConfig config) {
        List<TopicSpec> all = new ArrayList<>(config.topics().values());
        all.addAll(derived(config, config.topics().keySet()));
        return all;
    }

    /**
     * The tier and dead-letter topics the config's retry-topics consumers imply for some main topics.
     *
     * @param config a loaded configuration
     * @param mainTopics the main topics to derive for (others are skipped)
     * @return the derived specs, without topics the config declares itself
     */
    public static List<TopicSpec> derived(KafkaSdkConfig config, Collection<String> mainTopics) {
        Map<String, TopicSpec> derived = new LinkedHashMap<>();
        for (ConsumerSettings consumer : config.consumers().values()) {
            for (String main : consumer.topics()) {
                TopicSpec spec = config.topics().get(main);
                if (spec == null || !mainTopics.contains(main)) {
                    continue;
                }
                for (TopicSpec tier : of(spec, consumer)) {
                    if (!config.topics().containsKey(tier.name())) {
                        derived.putIfAbsent(tier.name(), tier);
                    }
                }
            }
        }
        return List.copyOf(derived.values());
    }

    /**
     * The tier topics of one main topic for one consumer's tiers, then its dead-letter topic.
     *
     * @param main the main topic's spec
     * @param consumer a consumer; without {@code retry-topics} the result is empty
     * @return the specs, first tier first, the dead-letter topic last
     */
    public static List<TopicSpec> of(TopicSpec main, ConsumerSettings consumer) {
        if (consumer.retryTopics().isEmpty()) {
            return List.of();
        }
        List<TopicSpec> specs = new ArrayList<>();
        for (String tier : consumer.retryTierTopics(main.name())) {
            specs.add(shapedLike(main, tier));
        }
        specs.add(shapedLike(main, LintContext.RetryFacts.deadLetterTopic(main.name())));
        return specs;
    }

    private static TopicSpec shapedLike(TopicSpec main, String name) {
        TopicSpec.Builder b = TopicSpec.builder(name)
                .partitions(orNull(main.partitions()))
                .replicationFactor(orNull(main.replicationFactor()))
                .minInsyncReplicas(orNull(main.minInsyncReplicas()));
        main.maxMessageBytes().ifPresent(b::maxMessageBytes);
        main.uncleanLeaderElection().ifPresent(b::uncleanLeaderElection);
        return b.build();
    }

    private static @Nullable Integer orNull(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
