package dev.kafkasdk.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.admin.ApplyResult;
import dev.kafkasdk.admin.HealthReport;
import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.admin.Verdict;
import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.config.TopicSpec;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.OutgoingRecord;
import dev.kafkasdk.producer.TransactionalProducer;
import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.DeliveryHistory;
import dev.kafkasdk.test.FaultTimeline;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import dev.kafkasdk.test.KafkaNode;
import dev.kafkasdk.test.NetworkFaults;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    private static KafkaSdkConfig clients(String bootstrapServers) {
        return KafkaSdkConfig.loader()
                .yaml("""
                        admins:
                          default:
                            request-timeout: 5s
                            default-api-timeout: 10s
                        """)
                .environment(Map.of("KAFKA_SDK_CLUSTER_BOOTSTRAP_SERVERS", bootstrapServers))
                .load();
    }

    /** The KRaft quorum's leader (each node is broker and controller) is killed under load. */
    @Test
    void killingTheQuorumLeaderLosesNothingAndAdminCallsResume(KafkaCluster cluster) throws Exception {
        String topic = topic(cluster, "controller");
        try (Load load = Load.start(cluster.proxiedBootstrapServers(), topic);
                SdkAdmin admin =
                        SdkAdmin.create(clients(cluster.bootstrapServers()).admin())) {
            load.awaitAcknowledged(500, WAIT);
            int leader = admin.cluster().health().quorum().orElseThrow().leaderId();
            long killed = System.nanoTime();
            cluster.node(leader).kill();

            await().atMost(WAIT)
                    .ignoreExceptions()
                    .until(() -> admin.cluster()
                            .health()
                            .quorum()
                            .map(q -> q.leaderId() != leader)
                            .orElse(false));
            long electedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
            HealthReport degraded = admin.cluster().health();
            // metadata changes need the new quorum leader
            String created = cluster.uniqueTopicName("after-failover");
            ApplyResult apply = admin.topics()
                    .apply(List.of(TopicSpec.builder(created)
                            .partitions(1)
                            .replicationFactor(2)
                            .build()));
            long recoveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
            load.awaitAcknowledged(500, WAIT);
            LOG.info(
                    "quorum leader {} killed: new leader in {} ms, a topic created {} ms after the kill; health {} {}",
                    leader,
                    electedMillis,
                    recoveredMillis,
                    degraded.verdict(),
                    degraded.reasons());

            assertThat(apply.applied()).hasSize(1);
            assertThat(degraded.verdict()).as("health with a node down").isNotEqualTo(Verdict.OK);
            assertThat(degraded.reasons())
                    .anySatisfy(reason -> assertThat(reason).contains(String.valueOf(leader)));
            cluster.node(leader).restart();
            cluster.node(leader).awaitServing(WAIT);
            assertClean(load.finish(WAIT), load);
        }
    }

    /**
     * Members join and leave every 2 seconds (every second in the default build) while the load
     * runs: nothing is lost, and re-deliveries stay within what the leaving members may have had in
     * flight.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sequential", "concurrent key order"})
    void aRebalanceStormLosesNothing(String mode, KafkaCluster cluster) throws Exception {
        String topic = topic(cluster, "storm");
        String consumerSettings = mode.equals("sequential") ? "max-poll-records: 100" : """
                max-poll-records: 100
                ordering: key
                concurrency: 16
                """;
        Duration storm = Duration.ofSeconds(FULL ? 60 : 10);
        Duration every = Duration.ofSeconds(FULL ? 2 : 1);
        try (Load load = Load.start(cluster.proxiedBootstrapServers(), topic, consumerSettings)) {
            load.awaitAcknowledged(500, WAIT);
            Deque<SdkConsumer<String, String>> members = new ArrayDeque<>();
            FaultTimeline.Builder script = FaultTimeline.on(cluster);
            for (Duration at = Duration.ZERO; at.compareTo(storm) < 0; at = at.plus(every)) {
                script.at(at, "membership change", () -> {
                    if (members.size() < 2) {
                        SdkConsumer<String, String> member = load.member();
                        member.start();
                        members.push(member);
                    } else {
                        members.removeLast().close(Duration.ofSeconds(20));
                    }
                });
            }
            int changes;
            try (FaultTimeline timeline = script.start()) {
                timeline.awaitDone(storm.plus(WAIT));
                changes = timeline.executed().size();
            } finally {
                members.forEach(member -> member.close(Duration.ofSeconds(20)));
            }

            DeliveryHistory.Report report = load.finish(WAIT);
            LOG.info(
                    "rebalance storm ({}): {} membership changes in {} s: {}",
                    mode,
                    changes,
                    storm.toSeconds(),
                    report);
            assertClean(report, load);
            assertThat(report.redeliveries())
                    .as("re-deliveries after %d membership changes", changes)
                    .isLessThanOrEqualTo(changes * 100);
        }
    }

    /**
     * Consume-transform-produce with transactions while the leader of an output partition is killed:
     * the read_committed output holds every input record exactly once.
     */
    @Test
    void exactlyOnceHoldsWhenALeaderIsKilledMidStream(KafkaCluster cluster) throws Exception {
        String input = topic(cluster, "eos-in");
        String output = cluster.uniqueTopicName("eos-out");
        cluster.createTopic(output, 3, 3, Map.of("min.insync.replicas", "2"));
        int records = FULL ? 20_000 : 3_000;
        List<ProducerRecord<String, String>> values = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            values.add(new ProducerRecord<>(input, "k" + (i % 16), Integer.toString(i)));
        }
        cluster.produce(values);
        KafkaSdkConfig config = KafkaSdkConfig.loader()
                .yaml("""
                        producers:
                          out:
                            transactional-id: "%1$s-tx"
                            request-timeout: 5s
                            delivery-timeout: 2m
                            max-block: 60s
                        consumers:
                          in:
                            group-id: "%1$s-group"
                            auto-offset-reset: earliest
                            max-poll-records: 200
                        """.formatted(input))
                .environment(Map.of("KAFKA_SDK_CLUSTER_BOOTSTRAP_SERVERS", cluster.proxiedBootstrapServers()))
                .load();
        AtomicInteger transformed = new AtomicInteger();
        try (TransactionalProducer<String, String> producer =
                        TransactionalProducer.create(config.producer("out"), Serdes.string(), Serdes.string());
                SdkConsumer<String, String> pipeline = SdkConsumer.builder(
                                config.consumer("in"), Serdes.string(), Serdes.string())
                        .subscribe(input)
                        .commitMode(CommitMode.transactional(producer))
                        .recordHandler(record -> {
                            producer.send(OutgoingRecord.of(output, record.key(), record.value()));
                            transformed.incrementAndGet();
                        })
                        .build();
                SdkAdmin admin =
                        SdkAdmin.create(clients(cluster.bootstrapServers()).admin())) {
            pipeline.start();
            await().atMost(WAIT).until(() -> transformed.get() >= records / 3);
            KafkaNode victim = cluster.node(cluster.leaderOf(output, 0));
            victim.kill();
            // every input offset committed: each in the transaction that wrote its output
            await().atMost(WAIT)
                    .ignoreExceptions()
                    .until(() -> admin.groups().lag(input + "-group").totalLag() == 0);
            victim.restart();
            victim.awaitServing(WAIT);
        }

        Map<String, Integer> downstream = readCommitted(cluster, output);
        int total = downstream.values().stream().mapToInt(Integer::intValue).sum();
        LOG.info(
                "exactly once across a leader kill: {} input records, {} handler runs, {} committed downstream, {} distinct",
                records,
                transformed.get(),
                total,
                downstream.size());
        assertThat(downstream.keySet()).as("every input once").hasSize(records);
        assertThat(total).as("no duplicates downstream").isEqualTo(records);
    }

    /** How often each value occurs in the committed records of {@code topic}, read from start to end. */
    private static Map<String, Integer> readCommitted(KafkaCluster cluster, String topic) {
        Map<String, Object> props = new HashMap<>(cluster.consumerProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            await().atMost(WAIT).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(r -> counts.merge(r.value(), 1, Integer::sum));
                return partitions.stream().allMatch(p -> reader.position(p) >= end.get(p));
            });
        }
        return counts;
    }
}
