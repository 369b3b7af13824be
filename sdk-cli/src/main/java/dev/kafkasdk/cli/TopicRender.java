package dev.kafkasdk.cli;

import dev.kafkasdk.admin.ApplyResult;
import dev.kafkasdk.admin.TopicChange;
import dev.kafkasdk.admin.TopicPlan;
import dev.kafkasdk.core.internal.Plurals;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Prints topic plans and apply results. */
final class TopicRender {

    private TopicRender() {}

    static void plan(PrintWriter out, TopicPlan plan) {
        Table table = new Table("TOPIC", "CHANGE", "KEY", "CURRENT", "DESIRED");
        plan.changes().forEach(c -> table.row(c.topic(), c.kind(), c.key(), blank(c.current()), c.desired()));
        if (!table.isEmpty()) {
            table.print(out);
        }
        out.printf(
                "Plan: %d to create, %s, %d drift (reported, not changed), %d refused," + " %d up to date.%n",
                count(plan.changes(), TopicChange.Kind.CREATE),
                Plurals.count(count(plan.changes(), TopicChange.Kind.INCREASE_PARTITIONS), "partition increase"),
                plan.drift().size(),
                plan.refused().size(),
                plan.upToDate().size());
        plan.refused().forEach(c -> out.println("refused: " + c.describe()));
        out.flush();
    }

    static void apply(PrintWriter out, ApplyResult result) {
        Table table = new Table("TOPIC", "CHANGE", "KEY", "CURRENT", "DESIRED", "RESULT");
        result.plan()
                .changes()
                .forEach(c ->
                        table.row(c.topic(), c.kind(), c.key(), blank(c.current()), c.desired(), outcome(result, c)));
        if (!table.isEmpty()) {
            table.print(out);
        }
        out.printf(
                "Applied %s; %d already done; %d drift left unchanged; %d refused; %d up to date.%n",
                Plurals.count(result.applied().size(), "change"),
                result.alreadyDone().size(),
                result.drift().size(),
                result.refused().size(),
                result.plan().upToDate().size());
        out.flush();
    }

    private static String outcome(ApplyResult result, TopicChange c) {
        if (result.applied().contains(c)) {
            return "applied";
        }
        if (result.alreadyDone().contains(c)) {
            return "already done";
        }
        return c.kind() == TopicChange.Kind.PARTITION_DECREASE_REFUSED ? "refused" : "reported only";
    }

    static Map<String, Object> planJson(TopicPlan plan) {
        return Json.obj(
                "changes",
                changes(plan.changes()),
                "actions",
                plan.actions().size(),
                "drift",
                plan.drift().size(),
                "refused",
                plan.refused().size(),
                "upToDate",
                plan.upToDate());
    }

    static Map<String, Object> applyJson(ApplyResult result) {
        return Json.obj(
                "applied",
                changes(result.applied()),
                "alreadyDone",
                changes(result.alreadyDone()),
                "drift",
                changes(result.drift()),
                "refused",
                changes(result.refused()),
                "upToDate",
                result.plan().upToDate(),
                "complete",
                result.isComplete());
    }

    private static List<Map<String, Object>> changes(List<TopicChange> changes) {
        return changes.stream()
                .map(c -> Json.obj(
                        "topic",
                        c.topic(),
                        "kind",
                        c.kind(),
                        "key",
                        c.key(),
                        "current",
                        c.current().isEmpty() ? null : c.current(),
                        "desired",
                        c.desired(),
                        "description",
                        c.describe()))
                .toList();
    }

    private static long count(List<TopicChange> changes, TopicChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    private static String blank(String value) {
        return value.isEmpty() ? null : value;
    }
}
