package dev.kafkasdk.cli;

import dev.kafkasdk.admin.GroupDescription;
import dev.kafkasdk.admin.GroupLag;
import dev.kafkasdk.admin.GroupSummary;
import dev.kafkasdk.admin.OffsetResetResult;
import dev.kafkasdk.core.internal.Plurals;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/** Prints consumer group listings, descriptions, lag and resets. */
final class GroupRender {

    private GroupRender() {}

    static void list(PrintWriter out, List<GroupSummary> groups) {
        Table table = new Table("GROUP", "TYPE", "STATE", "PROTOCOL-TYPE");
        groups.forEach(g ->
                table.row(g.groupId(), g.type(), g.state(), g.protocolType().isEmpty() ? null : g.protocolType()));
        table.print(out);
    }

    static Object listJson(List<GroupSummary> groups) {
        return groups.stream()
                .map(g -> Json.obj(
                        "group", g.groupId(), "type", g.type(), "state", g.state(), "protocolType", g.protocolType()))
                .toList();
    }

    static void describe(PrintWriter out, GroupDescription d) {
        out.printf(
                "group %s: type %s, state %s, assignor %s, coordinator %s, %s%n",
                d.groupId(),
                d.type(),
                d.state(),
                d.assignor().isEmpty() ? "-" : d.assignor(),
                d.coordinator().isPresent() ? Integer.toString(d.coordinator().getAsInt()) : "-",
                Plurals.count(d.members().size(), "member"));
        if (!d.members().isEmpty()) {
            Table table = new Table("MEMBER-ID", "CLIENT-ID", "HOST", "ASSIGNMENT");
            d.members().forEach(m -> table.row(m.memberId(), m.clientId(), m.host(), partitions(m.assignment())));
            table.print(out);
        }
        out.flush();
    }

    static Map<String, Object> describeJson(GroupDescription d) {
        return Json.obj(
                "group",
                d.groupId(),
                "type",
                d.type(),
                "state",
                d.state(),
                "assignor",
                d.assignor(),
                "coordinator",
                d.coordinator(),
                "members",
                d.members().stream()
                        .map(m -> Json.obj(
                                "memberId",
                                m.memberId(),
                                "groupInstanceId",
                                m.groupInstanceId(),
                                "clientId",
                                m.clientId(),
                                "host",
                                m.host(),
                                "assignment",
                                m.assignment().stream()
                                        .map(TopicPartition::toString)
                                        .toList()))
                        .toList());
    }

    private static String partitions(List<TopicPartition> assignment) {
        return assignment.isEmpty()
                ? "-"
                : assignment.stream().map(TopicPartition::toString).collect(Collectors.joining(","));
    }

    static void lag(PrintWriter out, GroupLag lag) {
        Table table = new Table(
                "GROUP",
                "TOPIC",
                "PARTITION",
                "CURRENT-OFFSET",
                "LOG-END-OFFSET",
                "LAG",
                "CONSUMER-ID",
                "HOST",
                "CLIENT-ID");
        lag.partitions()
                .forEach(p -> table.row(
                        lag.groupId(),
                        p.topic(),
                        p.partition(),
                        p.committedOffset().isPresent() ? p.committedOffset().getAsLong() : null,
                        p.logEndOffset(),
                        p.lag().isPresent() ? p.lag().getAsLong() : null,
                        p.memberId().orElse(null),
                        p.host().orElse(null),
                        p.clientId().orElse(null)));
        table.print(out);
        out.printf(
                "group %s (%s): total lag %d over %s%n",
                lag.groupId(),
                lag.state(),
                lag.totalLag(),
                Plurals.count(lag.partitions().size(), "partition"));
        out.flush();
    }

    static Map<String, Object> lagJson(GroupLag lag) {
        return Json.obj(
                "group",
                lag.groupId(),
                "state",
                lag.state(),
                "totalLag",
                lag.totalLag(),
                "partitions",
                lag.partitions().stream()
                        .map(p -> Json.obj(
                                "topic",
                                p.topic(),
                                "partition",
                                p.partition(),
                                "committedOffset",
                                p.committedOffset(),
                                "logEndOffset",
                                p.logEndOffset(),
                                "lag",
                                p.lag(),
                                "memberId",
                                p.memberId(),
                                "clientId",
                                p.clientId(),
                                "host",
                                p.host()))
                        .toList());
    }

    static void reset(PrintWriter out, OffsetResetResult r) {
        Table table = new Table("GROUP", "TOPIC", "PARTITION", "OFFSET-BEFORE", "NEW-OFFSET");
        r.partitions()
                .forEach(p -> table.row(
                        r.groupId(),
                        p.topic(),
                        p.partition(),
                        p.before().isPresent() ? p.before().getAsLong() : null,
                        p.after()));
        table.print(out);
        out.println(
                r.dryRun()
                        ? "dry run (" + r.target().describe()
                                + "): nothing committed; add --execute to commit these offsets"
                        : "committed new offsets (" + r.target().describe() + ") for "
                                + Plurals.count(r.partitions().size(), "partition"));
        out.flush();
    }

    static Map<String, Object> resetJson(OffsetResetResult r) {
        return Json.obj(
                "group",
                r.groupId(),
                "target",
                r.target().describe(),
                "dryRun",
                r.dryRun(),
                "partitions",
                r.partitions().stream()
                        .map(p -> Json.obj(
                                "topic",
                                p.topic(),
                                "partition",
                                p.partition(),
                                "before",
                                p.before(),
                                "after",
                                p.after()))
                        .toList());
    }
}
