package dev.kafkasdk.cli;

import dev.kafkasdk.admin.SizingRecommendation;
import dev.kafkasdk.core.internal.Plurals;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Prints partition sizing recommendations. */
final class SizingRender {

    private SizingRender() {}

    static void table(PrintWriter out, SizingRecommendation r) {
        var q = r.request();
        out.printf(
                Locale.ROOT,
                "target %s; per partition: producer %s, consumer %s%n",
                q.target(),
                q.producerPerPartition(),
                q.consumerPerPartition());
        out.printf(
                Locale.ROOT,
                "target/producer = %.2f, target/consumer = %.2f -> %d partitions (%s-bound)%n",
                r.producerBound(),
                r.consumerBound(),
                r.minimumPartitions(),
                r.limitedBy().name().toLowerCase(Locale.ROOT));
        out.printf(
                Locale.ROOT,
                "with %.0f%% headroom: %d partitions recommended%n",
                q.headroom() * 100,
                r.recommendedPartitions());
        if (q.currentPartitions().isPresent()) {
            out.printf(
                    "current: %d partitions; after: %d (%d to add)%n",
                    q.currentPartitions().getAsInt(), r.partitionsAfter(), r.partitionsToAdd());
        }
        if (!r.brokers().isEmpty()) {
            Table table = new Table("BROKER", "REPLICAS-NOW", "REPLICAS-AFTER", "BUDGET");
            r.brokers()
                    .forEach(b -> table.row(
                            b.brokerId(), b.replicasBefore(), b.replicasAfter(), q.partitionBudgetPerBroker()));
            table.print(out);
        } else if (r.maxReplicasPerBrokerAfter().isPresent()) {
            out.printf(
                    "about %d partition replicas per broker for this topic alone, spread evenly over %s"
                            + " (budget %d; run online to count the other topics)%n",
                    r.maxReplicasPerBrokerAfter().getAsInt(),
                    Plurals.count(q.brokerCount().orElse(0), "broker"),
                    q.partitionBudgetPerBroker());
        }
        r.warnings().forEach(w -> out.println("WARN: " + w));
        out.flush();
    }

    static Map<String, Object> json(SizingRecommendation r) {
        var q = r.request();
        return Json.obj(
                "target", q.target().toString(),
                "producerPerPartition", q.producerPerPartition().toString(),
                "consumerPerPartition", q.consumerPerPartition().toString(),
                "producerBound", r.producerBound(),
                "consumerBound", r.consumerBound(),
                "limitedBy", r.limitedBy(),
                "minimumPartitions", r.minimumPartitions(),
                "headroom", q.headroom(),
                "recommendedPartitions", r.recommendedPartitions(),
                "currentPartitions", q.currentPartitions(),
                "partitionsAfter", r.partitionsAfter(),
                "replicationFactor", q.replicationFactor(),
                "partitionBudgetPerBroker", q.partitionBudgetPerBroker(),
                "brokers",
                        r.brokers().stream()
                                .map(b -> Json.obj(
                                        "broker",
                                        b.brokerId(),
                                        "replicasBefore",
                                        b.replicasBefore(),
                                        "replicasAfter",
                                        b.replicasAfter()))
                                .toList(),
                "maxReplicasPerBrokerAfter", r.maxReplicasPerBrokerAfter(),
                "exceedsBudget", r.exceedsBudget(),
                "warnings", r.warnings());
    }
}
