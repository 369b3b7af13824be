package dev.kafkasdk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ResultRowsTest {

    private static final PartitionLag ASSIGNED = new PartitionLag(
            "orders",
            2,
            OptionalLong.of(40),
            42,
            OptionalLong.of(2),
            Optional.of("member-1"),
            Optional.of("billing-1"),
            Optional.of("/10.0.0.7"));
    private static final PartitionLag UNCOMMITTED = new PartitionLag(
            "payments-eu",
            11,
            OptionalLong.empty(),
            7,
            OptionalLong.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    @Test
    void partitionLagPrintsAsOneTableRowWithDashesForAbsentValues() {
        assertThat(ASSIGNED.toString())
                .doesNotContain("PartitionLag[", "Optional", "\n")
                .startsWith("orders-2 ")
                .contains("committed 40 ", "end 42 ", "lag 2 ", "client billing-1", "host /10.0.0.7");
        assertThat(UNCOMMITTED.toString())
                .startsWith("payments-eu-11 ")
                .contains("committed - ", "end 7 ", "lag - ", "client -", "host -");
    }

    @Test
    void rowsOfDifferentLengthsLineUpInColumns() {
        String first = ASSIGNED.toString();
        String second = UNCOMMITTED.toString();

        assertThat(first.indexOf("committed")).isEqualTo(second.indexOf("committed"));
        assertThat(first.indexOf(" end ")).isEqualTo(second.indexOf(" end "));
        assertThat(first.indexOf(" lag ")).isEqualTo(second.indexOf(" lag "));
    }

    @Test
    void groupLagPrintsItsTotalNotItsPartitions() {
        GroupLag lag = new GroupLag("billing", GroupState.STABLE, List.of(ASSIGNED, UNCOMMITTED));

        assertThat(lag.toString())
                .doesNotContain("GroupLag[", "PartitionLag", "\n")
                .startsWith("billing ")
                .contains("Stable", "lag 2 ", "partitions 2");
    }

    @Test
    void groupAndMemberResultsPrintAsRows() {
        GroupMember member = new GroupMember(
                "member-1",
                Optional.empty(),
                "billing-1",
                "/10.0.0.7",
                List.of(new TopicPartition("orders", 0), new TopicPartition("orders", 1)));
        GroupDescription described = new GroupDescription(
                "billing", GroupType.CONSUMER, GroupState.STABLE, "uniform", OptionalInt.of(1), List.of(member));
        GroupSummary summary = new GroupSummary("billing", GroupType.CLASSIC, GroupState.EMPTY, "");

        assertThat(member.toString())
                .doesNotContain("GroupMember[", "Optional", "\n")
                .startsWith("billing-1 ")
                .contains("host /10.0.0.7", "partitions 2", "[orders-0, orders-1]");
        assertThat(described.toString())
                .doesNotContain("GroupDescription[", "GroupMember", "\n")
                .contains("Consumer", "Stable", "assignor uniform", "coordinator 1", "members 1");
        assertThat(summary.toString())
                .doesNotContain("GroupSummary[", "\n")
                .startsWith("billing ")
                .contains("Classic", "Empty")
                .endsWith(" -");
    }

    @Test
    void clusterAndTopicResultsPrintAsRows() {
        BrokerStatus broker = new BrokerStatus(1, "127.0.0.1", 9092, Optional.empty(), 12, 36, true);
        PartitionProblem offline =
                new PartitionProblem("orders", 2, OptionalInt.empty(), List.of(1, 2, 3), List.of(), 2);
        TopicChange change = new TopicChange("orders", TopicChange.Kind.INCREASE_PARTITIONS, "partitions", "3", "6");
        OffsetResetResult reset = new OffsetResetResult(
                "billing",
                ResetTarget.earliest(),
                true,
                List.of(new OffsetResetResult.Moved("orders", 0, OptionalLong.of(40), 12)));

        assertThat(broker.toString())
                .doesNotContain("BrokerStatus[", "Optional", "\n")
                .startsWith("broker 1 ")
                .contains("127.0.0.1:9092", "rack -", "leaders 12", "replicas 36", "serving");
        assertThat(offline.toString())
                .doesNotContain("PartitionProblem[", "\n")
                .startsWith("orders-2 ")
                .contains("leader NONE", "isr []", "min.insync 2");
        assertThat(change.toString()).isEqualTo(String.format("%-27s %s", "INCREASE_PARTITIONS", change.describe()));
        assertThat(reset.partitions().get(0).toString())
                .doesNotContain("Moved[", "Optional")
                .startsWith("orders-0 ")
                .contains("40", "-> 12");
        assertThat(reset.toString())
                .doesNotContain("OffsetResetResult[", "Moved", "\n")
                .contains("billing", "partitions 1", "dry run");
    }

    @Test
    void lintFindingPrintsSeverityRuleSubjectAndFixOnOneLine() {
        LintFinding finding = new LintFinding(
                "KSDK-L001",
                Severity.WARN,
                "topic 'orders'",
                "replication factor 1 loses data when its broker dies.",
                "set replication-factor: 3");

        assertThat(finding.toString())
                .doesNotContain("LintFinding[", "\n")
                .isEqualTo(String.format(
                        "%-8s %-10s %s",
                        "WARN",
                        "KSDK-L001",
                        "topic 'orders': replication factor 1 loses data when its broker dies."
                                + " Fix: set replication-factor: 3"));
    }
}
