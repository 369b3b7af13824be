package dev.kafkasdk.admin.internal.lint;

import dev.kafkasdk.admin.LintContext;
import dev.kafkasdk.admin.LintContext.BrokerFacts;
import dev.kafkasdk.admin.LintContext.TopicFacts;
import dev.kafkasdk.admin.LintFinding;
import dev.kafkasdk.admin.LintRule;
import dev.kafkasdk.admin.Severity;
import dev.kafkasdk.core.internal.Plurals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/** Rules about broker capacity and disk flushing. */
final class CapacityRules {

    static final String PARTITIONS_PER_BROKER = "KSDK-L012";
    static final String FORCED_FLUSH = "KSDK-L013";

    private CapacityRules() {}

    static List<LintRule> all() {
        return List.of(
                new Rule(
                        PARTITIONS_PER_BROKER,
                        "partition replicas per broker stay within the budget",
                        CapacityRules::partitionsPerBroker),
                new Rule(
                        FORCED_FLUSH,
                        "no forced log flush; Kafka relies on the page cache and replication",
                        CapacityRules::forcedFlush));
    }

    private static List<LintFinding> partitionsPerBroker(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        int budget = context.partitionBudgetPerBroker();
        long planned = context.topics().stream()
                .filter(t -> !t.exists())
                .mapToLong(t -> (long) t.partitions() * t.replicationFactor())
                .sum();
        String fix = "add brokers, or use fewer partitions (size them from throughput: sdk-admin topics size)";
        Map<Integer, Integer> observed = context.replicasPerBroker();
        if (!observed.isEmpty()) {
            long share = ceilDiv(planned, observed.size());
            observed.forEach((broker, replicas) -> {
                long after = replicas + share;
                if (after > budget) {
                    findings.add(new LintFinding(
                            PARTITIONS_PER_BROKER,
                            Severity.WARN,
                            "broker " + broker,
                            "hosts " + replicas + " partition replicas"
                                    + (share > 0 ? ", about " + after + " once the configured topics exist" : "")
                                    + ", above the budget of " + budget
                                    + "; every partition costs file handles and a leader election when a broker fails",
                            fix));
                }
            });
            return findings;
        }
        if (context.brokerCount().isPresent()) {
            long all = context.topics().stream()
                    .mapToLong(t -> (long) t.partitions() * t.replicationFactor())
                    .sum();
            long perBroker = ceilDiv(all, context.brokerCount().getAsInt());
            if (perBroker > budget) {
                findings.add(new LintFinding(
                        PARTITIONS_PER_BROKER,
                        Severity.WARN,
                        "cluster",
                        "the configured topics need about " + perBroker + " partition replicas per broker on "
                                + Plurals.count(context.brokerCount().getAsInt(), "broker") + ", above the budget of "
                                + budget,
                        fix));
            }
        }
        return findings;
    }

    private static List<LintFinding> forcedFlush(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        String why = " forces an fsync on a schedule; Kafka's durability comes from replication, and forced"
                + " flushes cost throughput and latency";
        for (BrokerFacts broker : context.brokers()) {
            for (String key : List.of("log.flush.interval.messages", "log.flush.interval.ms")) {
                String value = broker.configs().get(key);
                if (isForced(value)) {
                    findings.add(new LintFinding(
                            FORCED_FLUSH,
                            Severity.WARN,
                            "broker " + broker.id(),
                            key + "=" + value + why,
                            "remove " + key + " from the broker configuration"));
                }
            }
        }
        for (TopicFacts topic : context.topics()) {
            for (String key : List.of(TopicConfig.FLUSH_MESSAGES_INTERVAL_CONFIG, TopicConfig.FLUSH_MS_CONFIG)) {
                String value = topic.configs().get(key);
                if (isForced(value)) {
                    findings.add(new LintFinding(
                            FORCED_FLUSH,
                            Severity.WARN,
                            "topic '" + topic.name() + "'",
                            key + "=" + value + why,
                            "remove the " + key + " override from the topic"));
                }
            }
        }
        return findings;
    }

    private static boolean isForced(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        long parsed = LintValues.parseLong(value);
        return parsed > 0 && parsed < Long.MAX_VALUE;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
