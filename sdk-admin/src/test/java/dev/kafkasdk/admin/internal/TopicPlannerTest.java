package dev.kafkasdk.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.admin.TopicChange;
import dev.kafkasdk.admin.TopicChange.Kind;
import dev.kafkasdk.admin.TopicPlan;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TopicPlannerTest {

    private static DesiredTopic want(String name, int partitions, int rf, Map<String, String> configs) {
        return new DesiredTopic(name, OptionalInt.of(partitions), OptionalInt.of(rf), configs);
    }

    private static ObservedTopic have(String name, int partitions, int rf, Map<String, String> configs) {
        return new ObservedTopic(name, partitions, rf, configs, Map.of());
    }

    @Test
    void createsMissingTopicsWithTheirShape() {
        TopicPlan plan =
                TopicPlanner.plan(List.of(want("orders", 6, 3, Map.of("cleanup.policy", "compact"))), Map.of());

        assertThat(plan.actions()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.CREATE);
            assertThat(c.desired()).isEqualTo("partitions=6, replication.factor=3, cleanup.policy=compact");
        });
        assertThat(plan.upToDate()).isEmpty();
    }

    @Test
    void raisesPartitionsButRefusesToLowerThem() {
        TopicPlan plan = TopicPlanner.plan(
                List.of(want("grow", 6, 1, Map.of()), want("shrink", 2, 1, Map.of())),
                Map.of("grow", have("grow", 3, 1, Map.of()), "shrink", have("shrink", 4, 1, Map.of())));

        assertThat(plan.actions()).extracting(TopicChange::describe).containsExactly("grow: partitions 3 -> 6");
        assertThat(plan.refused()).singleElement().satisfies(c -> {
            assertThat(c.topic()).isEqualTo("shrink");
            assertThat(c.describe()).contains("cannot remove partitions");
        });
    }

    @Test
    void reportsConfigAndReplicationDriftWithoutActingOnIt() {
        TopicPlan plan = TopicPlanner.plan(
                List.of(want("orders", 3, 3, Map.of("retention.ms", "86400000", "min.insync.replicas", "2"))),
                Map.of(
                        "orders",
                        have("orders", 3, 1, Map.of("retention.ms", "604800000", "min.insync.replicas", "2"))));

        assertThat(plan.hasNoActions()).isTrue();
        assertThat(plan.drift())
                .extracting(TopicChange::kind, TopicChange::key, TopicChange::current, TopicChange::desired)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.REPLICATION_DRIFT, "replication.factor", "1", "3"),
                        org.assertj.core.groups.Tuple.tuple(
                                Kind.CONFIG_DRIFT, "retention.ms", "604800000", "86400000"));
    }

    @Test
    void treatsListOrderAndCaseAsEqualAndUnsetShapeAsNoDrift() {
        TopicPlan plan = TopicPlanner.plan(
                List.of(new DesiredTopic(
                        "t",
                        OptionalInt.empty(),
                        OptionalInt.empty(),
                        Map.of("cleanup.policy", "delete, compact", "unclean.leader.election.enable", "FALSE"))),
                Map.of(
                        "t",
                        have(
                                "t",
                                1,
                                3,
                                Map.of(
                                        "cleanup.policy",
                                        "compact,delete",
                                        "unclean.leader.election.enable",
                                        "false"))));

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.upToDate()).containsExactly("t");
    }
}
