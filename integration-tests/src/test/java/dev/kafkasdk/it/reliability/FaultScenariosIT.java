package dev.kafkasdk.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.DeliveryHistory;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import dev.kafkasdk.test.KafkaNode;
import dev.kafkasdk.test.NetworkFaults;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults under load on a 3-node child-JVM cluster (RF 3, min ISR 2): an SDK producer with the
 * DURABLE preset and an SDK consumer group run through the fault proxies while a node is paused,
 * black-holed, slowed, killed or loses its leadership; the {@link DeliveryHistory} checker then
 * counts lost, duplicated and reordered records. The default build runs short faults; the
 * {@code -Preliability} profile sets {@value #FULL_PROPERTY} and runs the long ones.
 */
@KafkaBroker(nodes = 3, backend = Backend.CHILD_JVM, faultProxy = true)
class FaultScenariosIT {

    static final String FULL_PROPERTY = "kafka.sdk.reliability.full";
    private static final boolean FULL = Boolean.getBoolean(FULL_PROPERTY);
    private static final Duration WAIT = Duration.ofSeconds(FULL ? 180 : 90);
    private static final Logger LOG = LoggerFactory.getLogger(FaultScenariosIT.class);

    private KafkaCluster kafka;

    @AfterEach
    void repair() {
        if (kafka == null) {
            return;
        }
        for (KafkaNode node : kafka.nodes()) {
            kafka.network(node.id()).heal();
            if (node.isAlive()) {
                node.resume();
            } else {
                node.restart();
            }
        }
        kafka.nodes().forEach(node -> node.awaitServing(WAIT));
    }

    private String topic(KafkaCluster cluster, String name) {
        this.kafka = cluster;
        String topic = cluster.uniqueTopicName(name);
        cluster.createTopic(topic, 3, 3, Map.of("min.insync.replicas", "2"));
        return topic;
    }

    private static void assertClean(DeliveryHistory.Report report, Load load) {
        assertThat(report.acknowledged()).as(report.toString()).isPositive();
        assertThat(report.lost()).as("lost: " + report).isZero();
        assertThat(report.duplicateWrites())
                .as("duplicate writes (idempotence): " + report)
                .isZero();
        assertThat(report.partitionOrderViolations())
                .as("partition order: " + report)
                .isZero();
        assertThat(report.keyOrderViolations()).as("key order: " + report).isZero();
        assertThat(report.misplaced()).as("misplaced: " + report).isZero();
        assertThat(load.failedSends()).as("failed sends").isZero();
    }

    @Test
    void aPausedLeaderLosesNothingAndTheProducerRecovers(KafkaCluster cluster) throws Exception {
        String topic = topic(cluster, "pause");
        try (Load load = Load.start(cluster.proxiedBootstrapServers(), topic)) {
            load.awaitAcknowledged(1_000, WAIT);
            KafkaNode leader = cluster.node(cluster.leaderOf(topic, 0));
            long pausedAt = System.nanoTime();
            leader.pause();
            load.awaitStalled(Duration.ofSeconds(FULL ? 20 : 2), WAIT); // the pause holds while nothing is acked
            leader.resume();
            load.awaitAcknowledged(1_000, WAIT);
            LOG.info(
                    "pause of node {}: producer recovered {} ms after the pause began; max ack latency {} ms",
                    leader.id(),
                    Duration.ofNanos(System.nanoTime() - pausedAt).toMillis(),
                    load.maxAckMillis());

            assertClean(load.finish(WAIT), load);
            assertThat(load.maxAckMillis())
                    .as("the pause stalled acknowledgements")
                    .isGreaterThan(2_000);
        }
    }

    @Test
    void leadershipMovesUnderLoadLoseNothing(KafkaCluster cluster) throws Exception {
        String topic = topic(cluster, "leader-moves");
        try (Load load = Load.start(cluster.proxiedBootstrapServers(), topic)) {
            load.awaitAcknowledged(500, WAIT);
            for (int move = 0; move < (FULL ? 6 : 2); move++) {
                int next = (cluster.leaderOf(topic, 0) + 1) % cluster.nodeCount();
                cluster.moveLeader(topic, 0, next);
                assertThat(cluster.leaderOf(topic, 0)).isEqualTo(next);
                load.awaitAcknowledged(500, WAIT);
            }

            assertClean(load.finish(WAIT), load);
        }
    }

    // tag::blackhole[]
    @Test
    void aBlackHoledBrokerHealsWithoutLossAndTheConsumerResumes(KafkaCluster cluster) throws Exception {
        String topic = topic(cluster, "blackhole");
        try (Load load = Load.start(cluster.proxiedBootstrapServers(), topic)) {
            load.awaitAcknowledged(1_000, WAIT);
            int victim = cluster.leaderOf(topic, 0);
            cluster.network(victim).blackhole(NetworkFaults.Direction.BOTH);
            load.awaitStalled(Duration.ofSeconds(FULL ? 15 : 3), WAIT); // hold it while nothing is acked
            cluster.network(victim).heal();
            load.awaitAcknowledged(1_000, WAIT);

            assertClean(load.finish(WAIT), load);
            assertThat(load.maxAckMillis())
                    .as("the black hole stalled acknowledgements")
                    .isGreaterThan(2_000);
        }
    }
    // end::blackhole[]

    @Test
    void latencyOnEveryBrokerLosesNothing(KafkaCluster cluster) throws Exception {
        String topic = topic(cluster, "latency");
        try (Load load = Load.start(cluster.proxiedBootstrapServers(), topic)) {
            load.awaitAcknowledged(500, WAIT);
            Duration delay = Duration.ofMillis(FULL ? 500 : 200);
            Duration jitter = Duration.ofMillis(FULL ? 200 : 100);
            cluster.nodes().forEach(n -> cluster.network(n.id()).latency(NetworkFaults.Direction.BOTH, delay, jitter));
            load.awaitAcknowledged(FULL ? 3_000 : 300, WAIT); // records acked through the latency
            cluster.nodes().forEach(n -> cluster.network(n.id()).heal());
            load.awaitAcknowledged(500, WAIT);

            assertClean(load.finish(WAIT), load);
            assertThat(load.maxAckMillis())
                    .as("the latency slowed acknowledgements")
                    .isGreaterThanOrEqualTo(delay.toMillis());
        }
    }

    /** Kill -9 of a leader is covered in the default build by AckedRecordsSurviveBrokerKillIT; five rounds run here. */
    @Test
    @EnabledIfSystemProperty(named = FULL_PROPERTY, matches = "true")
    void killingThePartitionLeaderRepeatedlyLosesNothing(KafkaCluster cluster) throws Exception {
        String topic = topic(cluster, "kill");
        try (Load load = Load.start(cluster.proxiedBootstrapServers(), topic)) {
            load.awaitAcknowledged(500, WAIT);
            for (int round = 0; round < (FULL ? 5 : 1); round++) {
                KafkaNode leader = cluster.node(cluster.leaderOf(topic, 0));
                leader.kill();
                assertThat(leader.isAlive()).isFalse();
                load.awaitAcknowledged(500, WAIT);
                leader.restart();
                leader.awaitServing(WAIT);
                load.awaitAcknowledged(200, WAIT);
            }

            assertClean(load.finish(WAIT), load);
        }
    }
}
