package dev.kafkasdk.admin.internal.lint;

import dev.kafkasdk.admin.LintContext;
import dev.kafkasdk.admin.LintContext.ShareConsumerFacts;
import dev.kafkasdk.admin.LintFinding;
import dev.kafkasdk.admin.LintRule;
import dev.kafkasdk.admin.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules about share consumers (KIP-932) against the broker's {@code group.share.*} settings: the
 * group configs a share consumer sets must lie within the broker's min/max (or setting them fails
 * at start), its handler attempts must fit the delivery count limit the group ends up with, and the
 * cluster must have share groups turned on. Offline, the broker values are Kafka 4.4's defaults.
 */
final class ShareRules {

    static final String LOCK_DURATION_RANGE = "KSDK-L015";
    static final String DELIVERY_LIMIT_RANGE = "KSDK-L016";
    static final String ATTEMPTS_WITHIN_LIMIT = "KSDK-L017";

    /** Kafka 4.4's {@code ShareGroupConfig} defaults. */
    static final long LOCK_DEFAULT_MS = 30_000L;

    static final long LOCK_MIN_MS = 15_000L;
    static final long LOCK_MAX_MS = 60_000L;
    static final long DELIVERY_LIMIT_DEFAULT = 5L;
    static final long DELIVERY_LIMIT_MIN = 2L;
    static final long DELIVERY_LIMIT_MAX = 10L;

    private ShareRules() {}

    static List<LintRule> all() {
        return List.of(
                new Rule(
                        LOCK_DURATION_RANGE,
                        "a share consumer's record-lock-duration is within the broker's group.share min/max",
                        ShareRules::lockDurationRange),
                new Rule(
                        DELIVERY_LIMIT_RANGE,
                        "a share consumer's delivery-count-limit is within the broker's group.share min/max",
                        ShareRules::deliveryLimitRange),
                new Rule(
                        ATTEMPTS_WITHIN_LIMIT,
                        "a share consumer's max-delivery-attempts fits the group's delivery count limit",
                        ShareRules::attemptsWithinLimit));
    }

    private static long broker(LintContext context, String key, long fallback) {
        return LintValues.broker(context, key).map(LintValues::parseLong).orElse(fallback);
    }

    private static String where(ShareConsumerFacts c) {
        return "share consumer '" + c.name() + "' (group '" + c.groupId() + "')";
    }

    private static List<LintFinding> lockDurationRange(LintContext context) {
        long min = broker(context, "group.share.min.record.lock.duration.ms", LOCK_MIN_MS);
        long max = broker(context, "group.share.max.record.lock.duration.ms", LOCK_MAX_MS);
        List<LintFinding> findings = new ArrayList<>();
        for (ShareConsumerFacts c : context.shareConsumers()) {
            String set = c.groupConfigs().get("share.record.lock.duration.ms");
            if (set == null) {
                continue;
            }
            long lock = LintValues.parseLong(set);
            if (lock < min || lock > max) {
                findings.add(new LintFinding(
                        LOCK_DURATION_RANGE,
                        Severity.ERROR,
                        where(c),
                        "record-lock-duration " + lock + " ms is outside the broker's range [" + min + ", " + max
                                + "] (group.share.min/max.record.lock.duration.ms); setting the group config fails"
                                + " and the share consumer fails at start",
                        "set record-lock-duration between " + min + " and " + max + " ms, or widen the broker's"
                                + " group.share.min/max.record.lock.duration.ms; long work is covered by lock"
                                + " renewal (RENEW) anyway"));
            }
        }
        return findings;
    }

    private static List<LintFinding> deliveryLimitRange(LintContext context) {
        long min = broker(context, "group.share.min.delivery.count.limit", DELIVERY_LIMIT_MIN);
        long max = broker(context, "group.share.max.delivery.count.limit", DELIVERY_LIMIT_MAX);
        List<LintFinding> findings = new ArrayList<>();
        for (ShareConsumerFacts c : context.shareConsumers()) {
            String set = c.groupConfigs().get("share.delivery.count.limit");
            if (set == null) {
                continue;
            }
            long limit = LintValues.parseLong(set);
            if (limit < min || limit > max) {
                findings.add(new LintFinding(
                        DELIVERY_LIMIT_RANGE,
                        Severity.ERROR,
                        where(c),
                        "delivery-count-limit " + limit + " is outside the broker's range [" + min + ", " + max
                                + "] (group.share.min/max.delivery.count.limit); setting the group config fails"
                                + " and the share consumer fails at start",
                        "set delivery-count-limit between " + min + " and " + max
                                + ", or widen the broker's group.share.min/max.delivery.count.limit"));
            }
        }
        return findings;
    }

    private static List<LintFinding> attemptsWithinLimit(LintContext context) {
        long brokerLimit = broker(context, "group.share.delivery.count.limit", DELIVERY_LIMIT_DEFAULT);
        List<LintFinding> findings = new ArrayList<>();
        for (ShareConsumerFacts c : context.shareConsumers()) {
            if (c.groupConfigs().containsKey("share.delivery.count.limit")) {
                continue; // the config model already refuses attempts above a limit it sets itself
            }
            if (c.maxDeliveryAttempts() > brokerLimit) {
                findings.add(
                        new LintFinding(
                                ATTEMPTS_WITHIN_LIMIT,
                                Severity.WARN,
                                where(c),
                                "max-delivery-attempts " + c.maxDeliveryAttempts() + " exceeds the broker's"
                                        + " group.share.delivery.count.limit " + brokerLimit + ": the broker archives a"
                                        + " failing record after " + brokerLimit + " deliveries, before the SDK's last"
                                        + " attempt, so its on-exhausted action (dead letter) never runs",
                                "lower max-delivery-attempts to at most " + brokerLimit
                                        + ", or set delivery-count-limit"
                                        + " on the share consumer (at most the broker's group.share.max.delivery.count.limit)"));
            }
        }
        return findings;
    }
}
