package dev.kafkasdk.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.admin.HealthReport;
import dev.kafkasdk.admin.HealthThresholds;
import dev.kafkasdk.admin.QuorumStatus;
import dev.kafkasdk.admin.Verdict;
import dev.kafkasdk.admin.internal.ClusterSnapshot.Node;
import dev.kafkasdk.admin.internal.ClusterSnapshot.PartitionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HealthEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static QuorumStatus.Member member(int id, long lag, Instant caughtUp) {
        return new QuorumStatus.Member(id, 100 - lag, lag, Optional.of(caughtUp), Optional.of(caughtUp));
    }

    private static QuorumStatus quorum(int leader, long lagOfNode2) {
        return new QuorumStatus(
                leader, 5, 100, List.of(member(0, 0, NOW), member(1, 0, NOW), member(2, lagOfNode2, NOW)), List.of());
    }

    private static List<Node> nodes(int... ids) {
        List<Node> nodes = new ArrayList<>();
        for (int id : ids) {
            nodes.add(new Node(id, "127.0.0.1", 9092 + id, Optional.empty()));
        }
        return nodes;
    }

    private static PartitionState p(int partition, Integer leader, List<Integer> replicas, List<Integer> isr) {
        return new PartitionState(
                "orders", partition, leader == null ? OptionalInt.empty() : OptionalInt.of(leader), replicas, isr);
    }

    private static HealthReport evaluate(List<Node> nodes, QuorumStatus quorum, List<PartitionState> partitions) {
        return HealthEvaluator.evaluate(
                new ClusterSnapshot(
                        "c1",
                        NOW,
                        nodes,
                        OptionalInt.of(0),
                        Optional.ofNullable(quorum),
                        partitions,
                        Map.of("orders", 2)),
                HealthThresholds.defaults());
    }

    private static List<PartitionState> balanced() {
        return List.of(
                p(0, 0, List.of(0, 1, 2), List.of(0, 1, 2)),
                p(1, 1, List.of(1, 2, 0), List.of(1, 2, 0)),
                p(2, 2, List.of(2, 0, 1), List.of(2, 0, 1)));
    }

    @Test
    void fullyReplicatedBalancedClusterIsOk() {
        HealthReport report = evaluate(nodes(0, 1, 2), quorum(0, 0), balanced());

        assertThat(report.verdict()).isEqualTo(Verdict.OK);
        assertThat(report.reasons()).isEmpty();
        assertThat(report.brokers()).extracting(b -> b.leaders()).containsExactly(1, 1, 1);
        assertThat(report.leaderBalance().maxImbalance()).isZero();
    }

    @Test
    void aLostFollowerGivesUnderReplicatedWarnAndNamesTheMissingBroker() {
        HealthReport report = evaluate(
                nodes(0, 1),
                quorum(0, 0),
                List.of(
                        p(0, 0, List.of(0, 1, 2), List.of(0, 1)),
                        p(1, 1, List.of(1, 2, 0), List.of(1, 0)),
                        p(2, 0, List.of(2, 0, 1), List.of(0, 1))));

        assertThat(report.underReplicated()).hasSize(3);
        assertThat(report.underMinIsr()).isEmpty();
        assertThat(report.verdict()).isEqualTo(Verdict.WARN);
        assertThat(report.brokers()).anySatisfy(b -> {
            assertThat(b.id()).isEqualTo(2);
            assertThat(b.serving()).isFalse();
        });
        assertThat(report.reasons())
                .anyMatch(r -> r.contains("3 partitions under-replicated"))
                .anyMatch(r -> r.contains("broker [2] holds replicas"))
                .anyMatch(r -> r.contains("leader imbalance 100%"));
    }

    @Test
    void partitionsBelowMinIsrOrWithoutLeaderAreCritical() {
        HealthReport report = evaluate(
                nodes(0, 1, 2),
                quorum(0, 0),
                List.of(p(0, 0, List.of(0, 1, 2), List.of(0)), p(1, null, List.of(1), List.of())));

        assertThat(report.verdict()).isEqualTo(Verdict.CRITICAL);
        assertThat(report.offline()).extracting(x -> x.partition()).containsExactly(1);
        assertThat(report.underMinIsr()).extracting(x -> x.partition()).containsExactly(0, 1);
    }

    @Test
    void quorumWithoutLeaderIsCriticalAndALaggingVoterIsAWarning() {
        assertThat(evaluate(nodes(0, 1, 2), quorum(-1, 0), balanced()).verdict())
                .isEqualTo(Verdict.CRITICAL);

        HealthReport lagging = evaluate(nodes(0, 1, 2), quorum(0, 5_000), balanced());
        assertThat(lagging.verdict()).isEqualTo(Verdict.WARN);
        assertThat(lagging.reasons()).containsExactly("KRaft voter [2] is behind the leader");
    }

    @Test
    void aVoterThatStoppedCatchingUpLongAgoCountsAsLagging() {
        QuorumStatus stale = new QuorumStatus(
                0,
                5,
                100,
                List.of(member(0, 0, NOW), member(1, 0, NOW), member(2, 0, NOW.minusSeconds(60))),
                List.of());

        assertThat(evaluate(nodes(0, 1, 2), stale, balanced()).reasons())
                .containsExactly("KRaft voter [2] is behind the leader");
    }

    @Test
    void aVoterTheLeaderHasNotHeardFromCountsAsLagging() {
        QuorumStatus unheard = new QuorumStatus(
                0,
                5,
                100,
                List.of(
                        member(0, 0, NOW),
                        member(1, 0, NOW),
                        new QuorumStatus.Member(2, -1, 101, Optional.empty(), Optional.empty())),
                List.of());

        HealthReport report = evaluate(nodes(0, 1, 2), unheard, balanced());

        assertThat(report.verdict()).isEqualTo(Verdict.WARN);
        assertThat(report.reasons()).containsExactly("KRaft voter [2] is behind the leader");
    }

    @Test
    void losingTheQuorumMajorityIsCritical() {
        QuorumStatus minority = new QuorumStatus(
                0,
                5,
                100,
                List.of(
                        member(0, 0, NOW),
                        new QuorumStatus.Member(1, -1, 101, Optional.empty(), Optional.empty()),
                        new QuorumStatus.Member(2, -1, 101, Optional.empty(), Optional.empty())),
                List.of());

        assertThat(evaluate(nodes(0, 1, 2), minority, balanced()).verdict()).isEqualTo(Verdict.CRITICAL);
    }

    @Test
    void missingQuorumDescriptionIsAWarning() {
        assertThat(evaluate(nodes(0, 1, 2), null, balanced()).reasons())
                .containsExactly("the KRaft quorum could not be described");
    }
}
