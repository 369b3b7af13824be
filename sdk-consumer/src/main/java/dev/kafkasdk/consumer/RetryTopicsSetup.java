package dev.kafkasdk.consumer;

import dev.kafkasdk.consumer.internal.CommitModes;
import dev.kafkasdk.core.ConfigProblem;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.Durations;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * The builder's side of retry topics: the policy (from code, else from the {@code retry-topics}
 * setting), what it cannot combine with, and the subscription extended with the tier topics.
 */
final class RetryTopicsSetup {

    /**
     * @param policy the retry-topics policy, or {@code null} when records are retried in place
     * @param subscription the subscription with the tier topics, or {@code null}
     */
    record Result(@Nullable FailurePolicy policy, @Nullable Subscription subscription) {}

    private static final Result NONE = new Result(null, null);

    private RetryTopicsSetup() {}

    static Result resolve(
            ConsumerSettings settings,
            @Nullable FailurePolicy explicit,
            @Nullable Subscription subscription,
            boolean batch,
            CommitMode mode,
            List<ConfigProblem> problems) {
        String key = "consumers." + settings.name() + ".retry-topics";
        FailurePolicy policy = explicit;
        if (policy == null && !settings.retryTopics().isEmpty()) {
            try {
                policy = FailurePolicy.retryTopics(settings.retryTopics().toArray(Duration[]::new))
                        .suffix(settings.retryTopicSuffix())
                        .thenDeadLetter();
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(key, shown(settings.retryTopics()), e.getMessage()));
                return NONE;
            }
        }
        if (policy == null || policy.retryTiers().isEmpty()) {
            return NONE;
        }
        RetryTopics topics = policy.retryTiers().get();
        String shown = explicit != null ? "FailurePolicy.retryTopics" : key;
        if (batch) {
            problems.add(new ConfigProblem(
                    shown,
                    topics.toString(),
                    "retry topics move single records; use a recordHandler, not a batchHandler"));
        }
        if (CommitModes.kind(mode) == CommitModes.Kind.TRANSACTIONAL) {
            problems.add(new ConfigProblem(
                    shown,
                    topics.toString(),
                    "the tier copy is not part of the consumer's transaction; use a non-transactional commit mode"));
        }
        Subscription extended = null;
        if (subscription instanceof Subscription.Topics t) {
            Set<String> all = new LinkedHashSet<>(t.topics());
            t.topics().stream().filter(n -> topics.tierOf(n).isEmpty()).forEach(n -> all.addAll(topics.tierTopics(n)));
            extended = Subscription.topics(all);
        } else if (subscription instanceof Subscription.Partitions p) {
            Set<TopicPartition> all = new LinkedHashSet<>(p.partitions());
            p.partitions().stream()
                    .filter(tp -> topics.tierOf(tp.topic()).isEmpty())
                    .forEach(tp ->
                            topics.tierTopics(tp.topic()).forEach(n -> all.add(new TopicPartition(n, tp.partition()))));
            extended = Subscription.assign(all);
        } else if (subscription != null) {
            problems.add(
                    new ConfigProblem(
                            "subscription",
                            subscription.toString(),
                            "retry topics need subscribe(topics...) or assign(partitions...), so the tier topics can be added"));
        }
        return new Result(policy, extended);
    }

    private static String shown(List<Duration> tiers) {
        return tiers.stream().map(Durations::format).collect(Collectors.joining(", ", "[", "]"));
    }
}
