package dev.kafkasdk.consumer;

import dev.kafkasdk.consumer.LivenessFinding.Severity;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.internal.Plurals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a consumer's liveness settings against what the JVM and the handler actually do.
 *
 * <p>The rules:
 * <ul>
 *   <li><b>session vs GC</b>: the session timeout should be at least 3 s and at least 5 × the longest
 *       stop-the-world GC pause seen (a pause stops heartbeats); a pause of half the session or more
 *       is critical.
 *   <li><b>heartbeat</b>: at most a third of the session timeout.
 *   <li><b>poll budget</b>: {@code max.poll.records × p99 time per record} must fit in
 *       {@code max.poll.interval.ms}, and should fit in the budget share one round may use.
 *   <li><b>protocol</b>: under {@code group.protocol=consumer} (KIP-848) session and heartbeat are
 *       the broker's {@code group.consumer.session.timeout.ms} and
 *       {@code group.consumer.heartbeat.interval.ms}; the advisor checks those values, recommends no
 *       client-side key for them, and says where to change them.
 * </ul>
 *
 * <p>A running {@link SdkConsumer} evaluates this at start and on demand
 * ({@link SdkConsumer#livenessReport()}) with live GC and processing measurements. Stateless and
 * thread-safe.
 *
 * @since 0.1
 */
public final class LivenessAdvisor {

    static final Duration MIN_SESSION = Duration.ofSeconds(3);
    static final int GC_FACTOR = 5;

    private LivenessAdvisor() {}

    /**
     * Evaluates the inputs.
     *
     * @param in the settings and measurements
     * @return the report, most severe findings first
     */
    public static LivenessReport evaluate(LivenessInputs in) {
        List<LivenessFinding> findings = new ArrayList<>();
        Map<String, String> recommended = new LinkedHashMap<>();
        boolean classic = in.protocol() == GroupProtocol.CLASSIC;
        Duration session = classic
                ? in.sessionTimeout()
                : in.brokerSessionTimeout().orElse(LivenessInputs.DEFAULT_BROKER_SESSION_TIMEOUT);
        Duration heartbeat = classic
                ? in.heartbeatInterval()
                : in.brokerHeartbeatInterval().orElse(LivenessInputs.DEFAULT_BROKER_HEARTBEAT_INTERVAL);
        String sessionKey = classic ? "session.timeout.ms" : "group.consumer.session.timeout.ms";
        String heartbeatKey = classic ? "heartbeat.interval.ms" : "group.consumer.heartbeat.interval.ms";
        if (!classic) {
            findings.add(new LivenessFinding(
                    "broker-group-timeouts",
                    Severity.INFO,
                    "group.protocol=consumer: session and heartbeat are set by the broker: " + sessionKey + "="
                            + session.toMillis()
                            + (in.brokerSessionTimeout().isPresent() ? "" : " (broker default, not read)")
                            + ", " + heartbeatKey + "=" + heartbeat.toMillis()
                            + (in.brokerHeartbeatInterval().isPresent() ? "" : " (broker default, not read)")
                            + "; the client must not set session.timeout.ms or heartbeat.interval.ms.",
                    ""));
        }
        checkSession(in, session, sessionKey, classic, findings, recommended);
        checkHeartbeat(session, heartbeat, heartbeatKey, classic, findings, recommended);
        checkPollBudget(in, findings, recommended);
        findings.sort(Comparator.comparing(LivenessFinding::severity).reversed());
        return new LivenessReport(findings, recommended);
    }

    private static void checkSession(
            LivenessInputs in,
            Duration session,
            String key,
            boolean classic,
            List<LivenessFinding> findings,
            Map<String, String> recommended) {
        Duration target = MIN_SESSION;
        if (in.maxGcPause().isPresent()) {
            Duration fromGc = roundUpToSecond(in.maxGcPause().get().multipliedBy(GC_FACTOR));
            target = fromGc.compareTo(target) > 0 ? fromGc : target;
        }
        String where = classic
                ? "set " + key + "=" + target.toMillis()
                : "set " + key
                        + " on the brokers (or consumer.session.timeout.ms on the group with incrementalAlterConfigs) to "
                        + target.toMillis() + " or more";
        if (session.compareTo(MIN_SESSION) < 0) {
            findings.add(new LivenessFinding(
                    "session-timeout-min",
                    Severity.WARNING,
                    key + "=" + session.toMillis()
                            + " is below 3 s: ordinary GC pauses and network hiccups remove healthy members.",
                    where));
            putIfClassic(classic, recommended, key, target);
        }
        if (in.maxGcPause().isEmpty()) {
            findings.add(new LivenessFinding(
                    "gc-pauses-unmeasured",
                    Severity.INFO,
                    "No stop-the-world GC pause observed yet; the session check uses only the 3 s floor.",
                    ""));
            return;
        }
        Duration pause = in.maxGcPause().get();
        if (pause.multipliedBy(2).compareTo(session) >= 0) {
            findings.add(new LivenessFinding(
                    "session-timeout-vs-gc",
                    Severity.CRITICAL,
                    "The longest GC pause (" + pause.toMillis() + " ms) is half of " + key + "=" + session.toMillis()
                            + " or more: one more such pause can expire the session.",
                    where));
            putIfClassic(classic, recommended, key, target);
        } else if (session.compareTo(target) < 0) {
            findings.add(new LivenessFinding(
                    "session-timeout-vs-gc",
                    Severity.WARNING,
                    key + "=" + session.toMillis() + " is less than " + GC_FACTOR + " x the longest GC pause ("
                            + pause.toMillis() + " ms).",
                    where));
            putIfClassic(classic, recommended, key, target);
        }
    }

    private static void checkHeartbeat(
            Duration session,
            Duration heartbeat,
            String key,
            boolean classic,
            List<LivenessFinding> findings,
            Map<String, String> recommended) {
        Duration third = session.dividedBy(3);
        if (heartbeat.compareTo(third) > 0) {
            findings.add(new LivenessFinding(
                    "heartbeat-interval",
                    Severity.WARNING,
                    key + "=" + heartbeat.toMillis() + " is more than a third of the session timeout ("
                            + session.toMillis() + " ms): two lost heartbeats can expire the session.",
                    (classic ? "set " : "set on the brokers ") + key + "=" + third.toMillis()));
            putIfClassic(classic, recommended, key, third);
        }
    }

    private static void checkPollBudget(
            LivenessInputs in, List<LivenessFinding> findings, Map<String, String> recommended) {
        if (in.p99RecordTime().isEmpty()) {
            return;
        }
        long perRecord = Math.max(1, in.p99RecordTime().get().toNanos());
        long interval = in.maxPollInterval().toNanos();
        long expected = perRecord * in.maxPollRecords();
        long budget = (long) (interval * in.budgetFraction());
        if (expected <= budget) {
            return;
        }
        int fitting = (int) Math.max(1, Math.min(in.maxPollRecords(), budget / perRecord));
        long neededInterval = (long) Math.ceil(expected / in.budgetFraction() / 1_000_000.0);
        String numbers = "max.poll.records (" + in.maxPollRecords() + ") x p99 per-record time ("
                + String.format(java.util.Locale.ROOT, "%.1f", perRecord / 1_000_000.0) + " ms) = "
                + expected / 1_000_000
                + " ms against max.poll.interval.ms=" + in.maxPollInterval().toMillis() + " (round budget "
                + budget / 1_000_000
                + " ms).";
        Severity severity;
        if (expected > interval) {
            severity = in.adaptiveBatch() ? Severity.WARNING : Severity.CRITICAL;
        } else {
            severity = in.adaptiveBatch() ? Severity.INFO : Severity.WARNING;
        }
        String action = in.adaptiveBatch()
                ? " The consumer now hands at most " + Plurals.count(fitting, "record") + " to each round."
                : "";
        findings.add(new LivenessFinding(
                "poll-budget",
                severity,
                numbers + action,
                "set max.poll.records=" + fitting + " or max.poll.interval.ms=" + neededInterval));
        recommended.put("max.poll.records", Integer.toString(fitting));
    }

    private static void putIfClassic(boolean classic, Map<String, String> recommended, String key, Duration value) {
        if (classic) {
            recommended.put(key, Long.toString(value.toMillis()));
        }
    }

    private static Duration roundUpToSecond(Duration duration) {
        long seconds = (duration.toMillis() + 999) / 1000;
        return Duration.ofSeconds(seconds);
    }
}
