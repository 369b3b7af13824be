package dev.kafkasdk.admin.internal.lint;

import dev.kafkasdk.admin.LintContext;
import dev.kafkasdk.admin.LintContext.ClientFacts;
import dev.kafkasdk.admin.LintFinding;
import dev.kafkasdk.admin.LintRule;
import dev.kafkasdk.admin.Severity;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** Rules about consumer-group liveness settings, which depend on the group protocol in use. */
final class GroupRules {

    static final String HEARTBEAT_RATIO = "KSDK-L009";
    static final String SESSION_TIMEOUT_RANGE = "KSDK-L010";
    static final String CONSUMER_PROTOCOL_CLIENT_SETTINGS = "KSDK-L011";

    /** The notes' floor for a session timeout next to JVM GC pauses. */
    private static final long GC_SAFE_SESSION_TIMEOUT_MS = 3_000L;

    private static final List<String> CLASSIC_ONLY = List.of(
            ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
            ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
            ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);

    private GroupRules() {}

    static List<LintRule> all() {
        return List.of(
                new Rule(
                        HEARTBEAT_RATIO,
                        "heartbeat.interval.ms is at most a third of session.timeout.ms",
                        GroupRules::heartbeatRatio),
                new Rule(
                        SESSION_TIMEOUT_RANGE,
                        "session.timeout.ms is within the broker's allowed range and above GC pauses",
                        GroupRules::sessionTimeoutRange),
                new Rule(
                        CONSUMER_PROTOCOL_CLIENT_SETTINGS,
                        "group.protocol=consumer does not set client-side session, heartbeat or assignor settings",
                        GroupRules::consumerProtocolClientSettings));
    }

    private static List<LintFinding> heartbeatRatio(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (ClientFacts consumer : context.consumers()) {
            if (!LintValues.classicProtocol(consumer)) {
                continue;
            }
            long session = LintValues.consumerLong(consumer, ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG);
            long heartbeat = LintValues.consumerLong(consumer, ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG);
            if (heartbeat * 3 > session) {
                findings.add(new LintFinding(
                        HEARTBEAT_RATIO,
                        Severity.WARN,
                        "consumer '" + consumer.name() + "'",
                        "heartbeat.interval.ms=" + heartbeat + " is more than a third of session.timeout.ms=" + session
                                + "; one or two delayed heartbeats make a healthy member look dead and the group"
                                + " rebalances",
                        "set heartbeat.interval.ms to at most " + session / 3 + " (a third of the session timeout)"));
            }
        }
        return findings;
    }

    private static List<LintFinding> sessionTimeoutRange(LintContext context) {
        long min = LintValues.broker(context, "group.min.session.timeout.ms")
                .map(LintValues::parseLong)
                .orElse(LintValues.GROUP_MIN_SESSION_TIMEOUT_MS);
        long max = LintValues.broker(context, "group.max.session.timeout.ms")
                .map(LintValues::parseLong)
                .orElse(LintValues.GROUP_MAX_SESSION_TIMEOUT_MS);
        List<LintFinding> findings = new ArrayList<>();
        for (ClientFacts consumer : context.consumers()) {
            if (!LintValues.classicProtocol(consumer)) {
                continue;
            }
            long session = LintValues.consumerLong(consumer, ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG);
            String subject = "consumer '" + consumer.name() + "'";
            if (session < min || session > max) {
                findings.add(new LintFinding(
                        SESSION_TIMEOUT_RANGE,
                        Severity.ERROR,
                        subject,
                        "session.timeout.ms=" + session + " is outside the broker's range [" + min + ", " + max
                                + "] (group.min/max.session.timeout.ms); joining the group fails with"
                                + " InvalidSessionTimeoutException",
                        "set session.timeout.ms between " + min + " and " + max + " (Kafka's default is 45000)"));
            } else if (session < GC_SAFE_SESSION_TIMEOUT_MS) {
                findings.add(new LintFinding(
                        SESSION_TIMEOUT_RANGE,
                        Severity.WARN,
                        subject,
                        "session.timeout.ms=" + session + " is shorter than common full-GC pauses; a member in a"
                                + " GC pause is declared dead and the group rebalances",
                        "keep session.timeout.ms at " + GC_SAFE_SESSION_TIMEOUT_MS
                                + " or more and well above the observed GC pause times"));
            }
        }
        return findings;
    }

    private static List<LintFinding> consumerProtocolClientSettings(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (ClientFacts consumer : context.consumers()) {
            if (LintValues.classicProtocol(consumer)) {
                continue;
            }
            List<String> set = CLASSIC_ONLY.stream()
                    .filter(consumer.properties()::containsKey)
                    .toList();
            if (!set.isEmpty()) {
                findings.add(new LintFinding(
                        CONSUMER_PROTOCOL_CLIENT_SETTINGS,
                        Severity.ERROR,
                        "consumer '" + consumer.name() + "'",
                        "group.protocol=consumer (KIP-848) moves " + String.join(", ", set) + " to the broker;"
                                + " kafka-clients refuses to create a consumer that sets them",
                        "remove " + String.join(", ", set) + " from the consumer and set the group's"
                                + " group.consumer.session.timeout.ms / group.consumer.heartbeat.interval.ms on the"
                                + " broker (or with incrementalAlterConfigs on the group)"));
            }
        }
        return findings;
    }
}
