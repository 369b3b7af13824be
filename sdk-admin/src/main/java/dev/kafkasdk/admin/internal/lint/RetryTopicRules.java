package dev.kafkasdk.admin.internal.lint;

import dev.kafkasdk.admin.LintContext;
import dev.kafkasdk.admin.LintContext.RetryFacts;
import dev.kafkasdk.admin.LintContext.TopicFacts;
import dev.kafkasdk.admin.LintFinding;
import dev.kafkasdk.admin.LintRule;
import dev.kafkasdk.admin.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The retry-tier topics of consumers with {@code retry-topics}. A tier topic with fewer partitions than
 * its main topic wraps several main partitions onto one tier partition, so one record that waits there
 * holds back the retries of several main partitions; a missing tier topic stops the consumer on the first
 * failure it tries to move (unless it creates the topic at start, with the broker's default replication
 * factor rather than the main topic's). Offline the config alone says whether the main topics are known
 * and whether declared tier topics are large enough; online the live topics are compared.
 */
final class RetryTopicRules {

    static final String TIER_TOPICS = "KSDK-L019";

    private RetryTopicRules() {}

    static List<LintRule> all() {
        return List.of(new Rule(
                TIER_TOPICS,
                "retry-tier topics exist with the partitions of their main topic",
                RetryTopicRules::tierTopics));
    }

    private static List<LintFinding> tierTopics(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (RetryFacts retry : context.retries()) {
            if (retry.tierTopics().isEmpty()) {
                findings.add(new LintFinding(
                        TIER_TOPICS,
                        Severity.INFO,
                        "consumer '" + retry.consumer() + "'",
                        "has retry-topics but does not say which topics it reads, so topics apply cannot create its "
                                + "tier and dead-letter topics and lint cannot check them (the consumer creates "
                                + "missing tier topics at start, with the broker's default replication factor)",
                        "list them: consumers." + retry.consumer() + ".topics: [<topic>, ...]"));
                continue;
            }
            for (Map.Entry<String, List<String>> entry : retry.tierTopics().entrySet()) {
                if (context.mode() == LintContext.Mode.OFFLINE) {
                    offline(context, retry.consumer(), entry.getKey(), entry.getValue(), findings);
                } else {
                    online(context, retry.consumer(), entry.getKey(), entry.getValue(), findings);
                }
            }
        }
        return findings;
    }

    private static void offline(
            LintContext context, String consumer, String main, List<String> tiers, List<LintFinding> findings) {
        Optional<TopicFacts> mainFacts = context.topic(main);
        if (mainFacts.isEmpty()) {
            findings.add(new LintFinding(
                    TIER_TOPICS,
                    Severity.INFO,
                    "topic '" + main + "'",
                    "consumer '" + consumer + "' retries its records through " + tiers
                            + ", but it is not declared under topics:, so topics apply cannot give the tier topics "
                            + "its partitions and replication factor",
                    "declare topics." + main + " with partitions and replication-factor; topics apply then creates "
                            + tiers.get(0) + " ... and " + RetryFacts.deadLetterTopic(main) + " with the same"));
            return;
        }
        int partitions = mainFacts.get().partitions();
        for (String tier : tiers) {
            context.topic(tier)
                    .filter(t -> t.partitions() < partitions)
                    .ifPresent(t -> findings.add(fewer(consumer, main, t, partitions)));
        }
    }

    private static void online(
            LintContext context, String consumer, String main, List<String> tiers, List<LintFinding> findings) {
        Optional<TopicFacts> mainFacts = context.topic(main).filter(TopicFacts::exists);
        if (mainFacts.isEmpty()) {
            return;
        }
        int partitions = mainFacts.get().partitions();
        for (String tier : tiers) {
            Optional<TopicFacts> tierFacts = context.topic(tier).filter(TopicFacts::exists);
            if (tierFacts.isEmpty()) {
                findings.add(new LintFinding(
                        TIER_TOPICS,
                        Severity.WARN,
                        "topic '" + tier + "'",
                        "the retry tier of '" + main + "' for consumer '" + consumer + "' does not exist: the "
                                + "consumer creates it at start with the broker's default replication factor, or, "
                                + "with createTopics(false), stops on the first record it moves there",
                        create(main, partitions, mainFacts.get().replicationFactor())));
            } else if (tierFacts.get().partitions() < partitions) {
                findings.add(fewer(consumer, main, tierFacts.get(), partitions));
            }
        }
        String dlt = RetryFacts.deadLetterTopic(main);
        if (context.topic(dlt).filter(TopicFacts::exists).isEmpty()) {
            findings.add(new LintFinding(
                    TIER_TOPICS,
                    Severity.WARN,
                    "topic '" + dlt + "'",
                    "the dead-letter topic of '" + main + "' for consumer '" + consumer + "' does not exist: records "
                            + "that fail the last tier cannot be stored and the consumer stops on the first",
                    create(main, partitions, mainFacts.get().replicationFactor())));
        }
    }

    private static LintFinding fewer(String consumer, String main, TopicFacts tier, int partitions) {
        return new LintFinding(
                TIER_TOPICS,
                Severity.WARN,
                "topic '" + tier.name() + "'",
                "the retry tier of '" + main + "' for consumer '" + consumer + "' has " + tier.partitions()
                        + " partitions, fewer than the " + partitions + " of '" + main + "': records of several main "
                        + "partitions share a tier partition, and one record waiting there holds back all of them",
                "raise it to " + partitions + " partitions (topics." + tier.name() + ".partitions: " + partitions
                        + ", then topics apply)");
    }

    private static String create(String main, int partitions, int replicationFactor) {
        return "run topics apply with topics." + main + " declared (it creates the tier and dead-letter topics with "
                + partitions + " partitions and replication factor " + replicationFactor + "), or create it so";
    }
}
