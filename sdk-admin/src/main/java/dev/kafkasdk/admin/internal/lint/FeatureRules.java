package dev.kafkasdk.admin.internal.lint;

import dev.kafkasdk.admin.LintContext;
import dev.kafkasdk.admin.LintContext.ClientFacts;
import dev.kafkasdk.admin.LintFinding;
import dev.kafkasdk.admin.LintRule;
import dev.kafkasdk.admin.Severity;
import dev.kafkasdk.core.compat.BrokerFeature;
import dev.kafkasdk.core.compat.ClusterFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rules about features the clients need from the cluster: the KIP-848 group protocol of consumers
 * with {@code group.protocol=consumer} and the share groups of share consumers. Online, a feature the
 * cluster lacks is an error with the same message the client fails with at start; offline with
 * {@code cluster.broker-version} set, a feature that release lacks is an error in the same words (the
 * declared release in place of the cluster's feature levels); offline without it, a note naming the
 * release the feature needs.
 */
final class FeatureRules {

    static final String GROUP_PROTOCOL_SUPPORTED = "KSDK-L014";
    static final String SHARE_GROUPS_SUPPORTED = "KSDK-L018";

    private FeatureRules() {}

    static List<LintRule> all() {
        return List.of(
                new Rule(
                        GROUP_PROTOCOL_SUPPORTED,
                        "the cluster supports the consumers' group protocol",
                        FeatureRules::groupProtocolSupported),
                new Rule(
                        SHARE_GROUPS_SUPPORTED,
                        "the cluster supports the share consumers' share groups",
                        FeatureRules::shareGroupsSupported));
    }

    private static List<LintFinding> groupProtocolSupported(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (ClientFacts consumer : context.consumers()) {
            if (!LintValues.classicProtocol(consumer)) {
                check(
                                context,
                                BrokerFeature.CONSUMER_GROUP_PROTOCOL,
                                GROUP_PROTOCOL_SUPPORTED,
                                "consumer '" + consumer.name() + "'")
                        .ifPresent(findings::add);
            }
        }
        return findings;
    }

    private static List<LintFinding> shareGroupsSupported(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (LintContext.ShareConsumerFacts share : context.shareConsumers()) {
            String name = share.name();
            check(context, BrokerFeature.SHARE_GROUPS, SHARE_GROUPS_SUPPORTED, "share consumer '" + name + "'")
                    .ifPresent(findings::add);
        }
        return findings;
    }

    private static Optional<LintFinding> check(LintContext context, BrokerFeature feature, String rule, String where) {
        if (context.clusterFeatures().isPresent()) {
            return context.clusterFeatures()
                    .get()
                    .problem(feature)
                    .map(message -> new LintFinding(rule, Severity.ERROR, where, message, feature.fix()));
        }
        if (context.brokerRelease().isPresent()) {
            return ClusterFeatures.problemForRelease(
                            feature, context.brokerRelease().get())
                    .map(message -> new LintFinding(rule, Severity.ERROR, where, message, feature.fix()));
        }
        if (context.mode() != LintContext.Mode.OFFLINE) {
            return Optional.empty();
        }
        return Optional.of(new LintFinding(
                rule,
                Severity.INFO,
                where,
                "it needs brokers of Kafka " + feature.sinceRelease() + " or newer with " + feature.featureFlag()
                        + " >= " + feature.minimumLevel() + " (" + feature.description()
                        + "); an older cluster fails it at start",
                "set cluster.broker-version, or lint online (--bootstrap-servers), to check the cluster; or "
                        + feature.fix()));
    }
}
