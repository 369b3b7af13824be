package dev.kafkasdk.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@KafkaBroker(nodes = 3, backend = Backend.CHILD_JVM)
class ChildJvmClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Map<String, String> MIN_ISR_2 = Map.of("min.insync.replicas", "2");

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvmClusterIT.class);

    private static Admin admin;

    @BeforeAll
    static void createAdmin(KafkaCluster kafka) {
        admin = Admin.create(kafka.adminClientProperties());
    }

    @AfterAll
    static void closeAdmin() {
        admin.close();
    }

    @Test
    void runsThreeNodesEachInItsOwnJvm(KafkaCluster kafka) throws Exception {
        assertThat(kafka.backend()).isEqualTo(Backend.CHILD_JVM);
        assertThat(kafka.nodeCount()).isEqualTo(3);
        assertThat(kafka.nodes()).extracting(KafkaNode::id).containsExactly(0, 1, 2);
        assertThat(kafka.nodes()).allSatisfy(node -> assertThat(node.isAlive()).isTrue());
        assertThat(kafka.bootstrapServers().split(","))
                .hasSize(3)
                .containsExactlyElementsOf(
                        kafka.nodes().stream().map(KafkaNode::bootstrapAddress).collect(Collectors.toList()));
        assertThat(admin.describeCluster().nodes().get()).extracting(Node::id).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void noAcknowledgedRecordIsLostWhenALeaderIsKilledAndRestarted(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("acked-survive-kill");
        kafka.createTopic(topic, 3, 3, MIN_ISR_2);

        Map<Long, RecordMetadata> acked;
        int victimId;
        try (SequentialSender sender = SequentialSender.start(kafka, topic)) {
            sender.awaitAcked(2_000, WAIT);

            victimId = leaderOf(topic, 0);
            KafkaNode victim = kafka.node(victimId);
            long killedAt = System.nanoTime();
            victim.kill();
            assertThat(victim.isAlive()).isFalse();
            int ackedAtKill = sender.ackedCount();

            await("ISR without the killed node")
                    .atMost(WAIT)
                    .until(() -> isrs(topic).stream().noneMatch(isr -> isr.contains(victimId)));
            sender.awaitAcked(ackedAtKill + 2_000, WAIT);
            LOG.info(
                    "Killed leader node {}; ISR shrank and 2000 more records were acked after {} ms",
                    victimId,
                    millisSince(killedAt));

            long restartedAt = System.nanoTime();
            victim.restart();
            victim.awaitServing(WAIT);
            LOG.info("Restarted node {} serving after {} ms", victimId, millisSince(restartedAt));
            await("restarted node back in every ISR")
                    .atMost(WAIT)
                    .until(() -> isrs(topic).stream().allMatch(isr -> isr.equals(Set.of(0, 1, 2))));
            LOG.info("Restarted node {} back in every ISR after {} ms", victimId, millisSince(restartedAt));
            sender.awaitAcked(sender.ackedCount() + 1_000, WAIT);

            acked = sender.stopAndFlush();
            assertThat(sender.failures()).as("send failures").isEmpty();
        }

        List<ConsumerRecord<String, String>> read = kafka.consumeAll(topic, WAIT);
        LOG.info("{} records acknowledged, {} read back", acked.size(), read.size());
        Map<Long, ConsumerRecord<String, String>> readByValue = read.stream()
                .collect(Collectors.toMap(r -> Long.parseLong(r.value()), r -> r, (a, b) -> {
                    throw new AssertionError(
                            "idempotent producer wrote value " + a.value() + " twice: " + a + " and " + b);
                }));
        assertThat(acked).hasSizeGreaterThan(5_000);
        assertThat(readByValue.keySet())
                .as("acknowledged values missing after kill -9 of node " + victimId)
                .containsAll(acked.keySet());
        acked.forEach((value, metadata) -> {
            ConsumerRecord<String, String> record = readByValue.get(value);
            assertThat(record.partition()).as("partition of value %d", value).isEqualTo(metadata.partition());
            assertThat(record.offset()).as("offset of value %d", value).isEqualTo(metadata.offset());
        });
    }

    @Test
    void gracefullyStoppedNodeRestartsWithItsDataAndRejoins(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("graceful-stop");
        kafka.createTopic(topic, 1, 3, MIN_ISR_2);
        kafka.produceValues(topic, List.of("before-stop"));
        KafkaNode node = kafka.node(leaderOf(topic, 0));

        node.stop();

        assertThat(node.isAlive()).isFalse();
        assertThatThrownBy(node::stop).isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");
        kafka.produceValues(topic, List.of("while-stopped"));

        node.restart();
        assertThatThrownBy(node::restart)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("still running");
        node.awaitServing(WAIT);
        await("restarted node back in the ISR")
                .atMost(WAIT)
                .until(() -> isrs(topic).get(0).contains(node.id()));

        assertThat(kafka.consumeAll(topic, WAIT))
                .extracting(ConsumerRecord::value)
                .containsExactly("before-stop", "while-stopped");
    }

    @Test
    void aNodeThatCannotStartFailsFastWithItsLogTail() throws Exception {
        EmbeddedKafkaOptions broken = EmbeddedKafkaOptions.builder()
                .nodes(1)
                .backend(Backend.CHILD_JVM)
                .brokerProperty("num.network.threads", "0")
                .build();

        KafkaTestKitException failure =
                catchThrowableOfType(KafkaTestKitException.class, () -> EmbeddedKafka.start(broken));

        assertThat(failure)
                .hasMessageContaining("CHILD_JVM cluster did not start")
                .hasMessageContaining("exited with status")
                .hasMessageContaining("num.network.threads");
        Matcher kept = Pattern.compile("Broker logs are kept in (\\S+)/node-").matcher(failure.getMessage());
        assertThat(kept.find()).isTrue();
        Path root = Path.of(kept.group(1));
        assertThat(root.resolve("node-0").resolve("broker.log")).content().contains("num.network.threads");
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void rejectsAReplicationFactorAboveTheNodeCount(KafkaCluster kafka) {
        assertThatThrownBy(() -> kafka.createTopic(kafka.uniqueTopicName("too-many-replicas"), 1, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replicationFactor=4");
    }

    private static long millisSince(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
    }

    private static int leaderOf(String topic, int partition) throws ExecutionException, InterruptedException {
        return describe(topic).partitions().get(partition).leader().id();
    }

    private static List<Set<Integer>> isrs(String topic) throws ExecutionException, InterruptedException {
        return describe(topic).partitions().stream()
                .map(TopicPartitionInfo::isr)
                .map(isr -> isr.stream().map(Node::id).collect(Collectors.toSet()))
                .collect(Collectors.toList());
    }

    private static TopicDescription describe(String topic) throws ExecutionException, InterruptedException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    }
}
