package dev.kafkasdk.cli;

import dev.kafkasdk.admin.HealthReport;
import dev.kafkasdk.admin.PartitionProblem;
import dev.kafkasdk.admin.QuorumStatus;
import dev.kafkasdk.core.internal.Plurals;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints cluster health reports. */
final class HealthRender {

    private HealthRender() {}

    static void table(PrintWriter out, HealthReport r) {
        out.printf("cluster %s: %s%n", r.clusterId(), r.verdict());
        r.reasons().forEach(reason -> out.println("  - " + reason));
        out.printf(
                "controller (as brokers report it): %s; %s, %s%n",
                r.controllerId().isPresent() ? Integer.toString(r.controllerId().getAsInt()) : "-",
                Plurals.count(r.topics(), "topic"),
                Plurals.count(r.partitions(), "partition"));
        out.println();
        Table brokers = new Table("BROKER", "HOST", "PORT", "RACK", "LEADERS", "REPLICAS", "SERVING");
        r.brokers()
                .forEach(b -> brokers.row(
                        b.id(),
                        b.host().isEmpty() ? null : b.host(),
                        b.port() < 0 ? null : b.port(),
                        b.rack().orElse(null),
                        b.leaders(),
                        b.replicas(),
                        b.serving() ? "yes" : "NO"));
        brokers.print(out);
        r.quorum().ifPresent(q -> quorum(out, q));
        problems(out, "offline partitions", r.offline());
        problems(out, "partitions under min ISR", r.underMinIsr());
        problems(out, "under-replicated partitions", r.underReplicated());
        out.printf(
                Locale.ROOT,
                "%nleader balance: %s not led by their preferred replica, max imbalance %.0f%%%n",
                Plurals.count(r.leaderBalance().nonPreferredLeaders(), "partition"),
                r.leaderBalance().maxImbalance() * 100);
        out.flush();
    }

    private static void quorum(PrintWriter out, QuorumStatus q) {
        out.printf(
                "%nKRaft quorum: leader %d, epoch %d, high watermark %d%n",
                q.leaderId(), q.leaderEpoch(), q.highWatermark());
        Table table = new Table("ROLE", "NODE", "LOG-END-OFFSET", "LAG", "LAST-CAUGHT-UP");
        q.voters()
                .forEach(m -> table.row(
                        m.replicaId() == q.leaderId() ? "leader" : "voter",
                        m.replicaId(),
                        m.logEndOffset() < 0 ? null : m.logEndOffset(),
                        m.lag(),
                        m.lastCaughtUp().map(Object::toString).orElse(null)));
        q.observers()
                .forEach(m -> table.row(
                        "observer",
                        m.replicaId(),
                        m.logEndOffset(),
                        m.lag(),
                        m.lastCaughtUp().map(Object::toString).orElse(null)));
        table.print(out);
    }

    private static void problems(PrintWriter out, String title, List<PartitionProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        out.printf("%n%s (%d):%n", title, problems.size());
        Table table = new Table("TOPIC", "PARTITION", "LEADER", "REPLICAS", "ISR", "MIN-ISR");
        problems.forEach(p -> table.row(
                p.topic(),
                p.partition(),
                p.leader().isPresent() ? Integer.toString(p.leader().getAsInt()) : "none",
                p.replicas(),
                p.isr(),
                p.minInsyncReplicas()));
        table.print(out);
    }

    static Map<String, Object> json(HealthReport r) {
        return Json.obj(
                "clusterId", r.clusterId(),
                "verdict", r.verdict(),
                "reasons", r.reasons(),
                "takenAt", r.takenAt(),
                "controllerId", r.controllerId(),
                "brokers",
                        r.brokers().stream()
                                .map(b -> Json.obj(
                                        "id",
                                        b.id(),
                                        "host",
                                        b.host().isEmpty() ? null : b.host(),
                                        "port",
                                        b.port() < 0 ? null : b.port(),
                                        "rack",
                                        b.rack(),
                                        "leaders",
                                        b.leaders(),
                                        "replicas",
                                        b.replicas(),
                                        "serving",
                                        b.serving()))
                                .toList(),
                "quorum",
                        r.quorum()
                                .map(q -> Json.obj(
                                        "leaderId",
                                        q.leaderId(),
                                        "leaderEpoch",
                                        q.leaderEpoch(),
                                        "highWatermark",
                                        q.highWatermark(),
                                        "voters",
                                        members(q.voters()),
                                        "observers",
                                        members(q.observers()))),
                "topics", r.topics(),
                "partitions", r.partitions(),
                "offline", problems(r.offline()),
                "underMinIsr", problems(r.underMinIsr()),
                "underReplicated", problems(r.underReplicated()),
                "leaderBalance",
                        Json.obj(
                                "leadersPerBroker",
                                r.leaderBalance().leadersPerBroker(),
                                "nonPreferredLeaders",
                                r.leaderBalance().nonPreferredLeaders(),
                                "maxImbalance",
                                r.leaderBalance().maxImbalance()));
    }

    private static List<Map<String, Object>> members(List<QuorumStatus.Member> members) {
        return members.stream()
                .map(m -> Json.obj(
                        "nodeId",
                        m.replicaId(),
                        "logEndOffset",
                        m.logEndOffset(),
                        "lag",
                        m.lag(),
                        "lastFetch",
                        m.lastFetch(),
                        "lastCaughtUp",
                        m.lastCaughtUp()))
                .toList();
    }

    private static List<Map<String, Object>> problems(List<PartitionProblem> problems) {
        return problems.stream()
                .map(p -> Json.obj(
                        "topic",
                        p.topic(),
                        "partition",
                        p.partition(),
                        "leader",
                        p.leader(),
                        "replicas",
                        p.replicas(),
                        "isr",
                        p.isr(),
                        "minInsyncReplicas",
                        p.minInsyncReplicas()))
                .toList();
    }
}
