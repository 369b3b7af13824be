package dev.kafkasdk.admin.internal.lint;

import dev.kafkasdk.admin.LintContext;
import dev.kafkasdk.admin.LintContext.ClientFacts;
import dev.kafkasdk.admin.LintFinding;
import dev.kafkasdk.admin.LintRule;
import dev.kafkasdk.admin.Severity;
import dev.kafkasdk.core.compat.BrokerFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rules about features the clients need from the cluster. Online, a consumer with
 * {@code group.protocol=consumer} against a cluster without the KIP-848 protocol is an error with the
 * same message the consumer fails with at start; offline, where the cluster is unknown, it is a note
 * naming the broker release it needs.
 */
final class FeatureRules {

    static final String GROUP_PROTOCOL_SUPPORTED = "KSDK-L014";

    private FeatureRules() {}

    static List<LintRule> all() {
        return List.of(new Rule(
                GROUP_PROTOCOL_SUPPORTED,
                "the cluster supports the consumers' group protocol",
                FeatureRules::groupProtocolSupported));
    }

    private static List<LintFinding> groupProtocolSupported(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        BrokerFeature feature = BrokerFeature.CONSUMER_GROUP_PROTOCOL;
        for (ClientFacts consumer : context.consumers()) {
            if (LintValues.classicProtocol(consumer)) {
                continue;
            }
            String where = "consumer '" + consumer.name() + "'";
            if (context.clusterFeatures().isPresent()) {
                Optional<String> problem = context.clusterFeatures().get().problem(feature);
                problem.ifPresent(message -> findings.add(
                        new LintFinding(GROUP_PROTOCOL_SUPPORTED, Severity.ERROR, where, message, feature.fix())));
            } else if (context.mode() == LintContext.Mode.OFFLINE) {
                findings.add(new LintFinding(
                        GROUP_PROTOCOL_SUPPORTED,
                        Severity.INFO,
                        where,
                        "group.protocol=consumer needs brokers of Kafka " + feature.sinceRelease() + " or newer with "
                                + feature.featureFlag() + " >= " + feature.minimumLevel()
                                + "; a Kafka 3.x cluster fails this consumer at start",
                        "lint online (--bootstrap-servers) to check the cluster, or " + feature.fix()));
            }
        }
        return findings;
    }
}
