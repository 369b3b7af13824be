package dev.kafkasdk.admin.internal.lint;

import dev.kafkasdk.admin.LintContext;
import dev.kafkasdk.admin.LintContext.ClientFacts;
import dev.kafkasdk.admin.LintContext.TopicFacts;
import dev.kafkasdk.admin.LintFinding;
import dev.kafkasdk.admin.LintRule;
import dev.kafkasdk.admin.Severity;
import dev.kafkasdk.core.internal.Plurals;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.TopicConfig;

/** Rules about acknowledgements, replication and leader election. */
final class DurabilityRules {

    static final String ACKS_ALL_MIN_ISR = "KSDK-L004";
    static final String ACKS_ALL_REPLICATION = "KSDK-L005";
    static final String UNCLEAN_ELECTION = "KSDK-L006";
    static final String RF_ABOVE_BROKERS = "KSDK-L007";
    static final String MIN_ISR_ABOVE_RF = "KSDK-L008";

    private DurabilityRules() {}

    static List<LintRule> all() {
        return List.of(
                new Rule(
                        ACKS_ALL_MIN_ISR,
                        "acks=all is backed by min.insync.replicas >= 2",
                        DurabilityRules::acksAllMinIsr),
                new Rule(
                        ACKS_ALL_REPLICATION,
                        "acks=all is backed by a replication factor of 3 or more",
                        DurabilityRules::acksAllReplication),
                new Rule(
                        UNCLEAN_ELECTION,
                        "no unclean leader election on a durable topic",
                        DurabilityRules::uncleanElection),
                new Rule(
                        RF_ABOVE_BROKERS,
                        "replication factor does not exceed the broker count",
                        DurabilityRules::replicationAboveBrokers),
                new Rule(
                        MIN_ISR_ABOVE_RF,
                        "min.insync.replicas does not exceed the replication factor",
                        DurabilityRules::minIsrAboveReplication));
    }

    private static List<String> acksAllProducers(LintContext context) {
        return context.producers().stream()
                .filter(LintValues::acksAll)
                .map(ClientFacts::name)
                .toList();
    }

    private static String names(List<String> producers) {
        return producers.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "));
    }

    private static List<LintFinding> acksAllMinIsr(LintContext context) {
        List<String> producers = acksAllProducers(context);
        List<LintFinding> findings = new ArrayList<>();
        if (producers.isEmpty()) {
            return findings;
        }
        String why = Plurals.noun(producers.size(), "producer") + " " + names(producers)
                + (producers.size() == 1 ? " uses" : " use") + " acks=all, but with min.insync.replicas=%d a write"
                + " is acknowledged when %s has it; losing that broker loses acknowledged records";
        for (TopicFacts topic : context.topics()) {
            long minIsr = LintValues.topicLong(context, topic, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, 1);
            if (minIsr < 2) {
                findings.add(new LintFinding(
                        ACKS_ALL_MIN_ISR,
                        Severity.WARN,
                        "topic '" + topic.name() + "'",
                        String.format(why, minIsr, "the leader alone"),
                        "set min.insync.replicas=2 on the topic (with replication factor 3)"));
            }
        }
        if (context.topics().isEmpty() && !context.brokers().isEmpty()) {
            long minIsr = LintValues.broker(context, "min.insync.replicas")
                    .map(LintValues::parseLong)
                    .orElse(1L);
            if (minIsr < 2) {
                findings.add(new LintFinding(
                        ACKS_ALL_MIN_ISR,
                        Severity.WARN,
                        "cluster",
                        String.format(why, minIsr, "the leader alone") + " (broker default, no topic checked)",
                        "set min.insync.replicas=2 on the brokers or on each topic"));
            }
        }
        return findings;
    }

    private static List<LintFinding> acksAllReplication(LintContext context) {
        List<String> producers = acksAllProducers(context);
        List<LintFinding> findings = new ArrayList<>();
        if (producers.isEmpty()) {
            return findings;
        }
        for (TopicFacts topic : context.topics()) {
            if (topic.replicationFactor() < 3) {
                findings.add(new LintFinding(
                        ACKS_ALL_REPLICATION,
                        Severity.WARN,
                        "topic '" + topic.name() + "'",
                        Plurals.noun(producers.size(), "producer") + " " + names(producers)
                                + (producers.size() == 1 ? " uses" : " use")
                                + " acks=all, but the topic has replication factor "
                                + topic.replicationFactor() + ": it cannot keep min.insync.replicas=2 and survive"
                                + " one broker failure at the same time",
                        "use replication factor 3 with min.insync.replicas=2"));
            }
        }
        return findings;
    }

    private static List<LintFinding> uncleanElection(LintContext context) {
        boolean acksAll = !acksAllProducers(context).isEmpty();
        List<LintFinding> findings = new ArrayList<>();
        for (TopicFacts topic : context.topics()) {
            if (!LintValues.topicBoolean(context, topic, TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG)) {
                continue;
            }
            long minIsr = LintValues.topicLong(context, topic, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, 1);
            boolean durable = topic.replicationFactor() >= 2 && (minIsr >= 2 || acksAll);
            if (durable) {
                findings.add(new LintFinding(
                        UNCLEAN_ELECTION,
                        Severity.ERROR,
                        "topic '" + topic.name() + "'",
                        "unclean.leader.election.enable=true lets an out-of-sync replica become leader, silently"
                                + " dropping records that were acknowledged"
                                + (acksAll ? " with acks=all" : " to min.insync.replicas=" + minIsr),
                        "set unclean.leader.election.enable=false on the topic (and on the brokers)"));
            }
        }
        return findings;
    }

    private static List<LintFinding> replicationAboveBrokers(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        if (context.brokerCount().isEmpty()) {
            return findings;
        }
        int brokers = context.brokerCount().getAsInt();
        for (TopicFacts topic : context.topics()) {
            if (topic.replicationFactor() > brokers) {
                findings.add(new LintFinding(
                        RF_ABOVE_BROKERS,
                        Severity.ERROR,
                        "topic '" + topic.name() + "'",
                        "replication factor " + topic.replicationFactor() + " is above the "
                                + Plurals.count(brokers, "broker")
                                + " of the cluster; the topic cannot be created (InvalidReplicationFactor)",
                        "lower the replication factor to at most " + brokers + " or add brokers"));
            }
        }
        return findings;
    }

    private static List<LintFinding> minIsrAboveReplication(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (TopicFacts topic : context.topics()) {
            long minIsr = LintValues.topicLong(context, topic, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, 1);
            if (minIsr > topic.replicationFactor()) {
                findings.add(new LintFinding(
                        MIN_ISR_ABOVE_RF,
                        Severity.ERROR,
                        "topic '" + topic.name() + "'",
                        "min.insync.replicas=" + minIsr + " is above the replication factor "
                                + topic.replicationFactor() + "; every acks=all write fails with NotEnoughReplicas",
                        "set min.insync.replicas to at most " + topic.replicationFactor()
                                + " (2 with replication factor 3)"));
            }
        }
        return findings;
    }
}
