package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kills a consumer with SIGKILL in the middle of a batch (a child JVM hangs inside its handler and is
 * killed), restarts it in this JVM with the same group, and checks each commit workflow's promise:
 * no record is lost, and duplicates stay inside the documented window.
 */
@KafkaBroker(
        brokerProperties = {
            ItSupport.GROUP_TIMEOUTS_1,
            ItSupport.GROUP_TIMEOUTS_2,
            ItSupport.GROUP_TIMEOUTS_3,
            ItSupport.GROUP_TIMEOUTS_4
        })
class CommitWorkflowCrashIT {

    private static final int RECORDS = 60;
    private static final int CRASH_AFTER = 25;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Workflow workflow : Workflow.values()) {
            cases.add(Arguments.of(workflow, GroupProtocol.CLASSIC));
        }
        for (Workflow workflow : List.of(Workflow.SYNC_PER_BATCH, Workflow.EXTERNAL, Workflow.TRANSACTIONAL)) {
            cases.add(Arguments.of(workflow, GroupProtocol.CONSUMER));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("cases")
    void noCommittedRecordIsLostAndDuplicatesStayInTheWindow(
            Workflow workflow, GroupProtocol protocol, KafkaCluster kafka, @TempDir Path dir) throws Exception {
        String topic = kafka.uniqueTopicName("crash-" + workflow);
        String group = topic + "-group";
        kafka.createTopic(topic, 2);
        if (workflow == Workflow.TRANSACTIONAL) {
            kafka.createTopic(topic + "-out", 2);
        }
        List<String> values = IntStream.range(0, RECORDS).mapToObj(i -> "v" + i).toList();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(new ProducerRecord<>(topic, "k" + i, values.get(i)));
        }
        kafka.produce(records);

        WorkLog childLog = new WorkLog(dir.resolve("child.log"));
        Process child =
                startChild(kafka.bootstrapServers(), topic, group, protocol, workflow, dir.resolve("child.log"));
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> childLog.read().size() >= CRASH_AFTER || !child.isAlive());
            assertThat(child.isAlive()).as("child consumer still running").isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        List<WorkLog.Entry> beforeCrash = childLog.read();

        WorkLog restartLog = new WorkLog(dir.resolve("restart.log"));
        try (TestTransactionalSink sink = workflow == Workflow.TRANSACTIONAL
                ? new TestTransactionalSink(kafka.bootstrapServers(), group + "-tx")
                : null) {
            SdkConsumer<String, String> restarted = CrashWorkload.build(
                    kafka.bootstrapServers(),
                    topic,
                    group,
                    protocol,
                    workflow,
                    restartLog,
                    List.of(childLog, restartLog),
                    sink,
                    0);
            restarted.start();
            try {
                if (workflow == Workflow.TRANSACTIONAL) {
                    await().atMost(Duration.ofSeconds(90))
                            .pollInterval(Duration.ofSeconds(1))
                            .until(() -> readCommitted(kafka, topic + "-out").size() >= RECORDS);
                } else {
                    await().atMost(Duration.ofSeconds(90))
                            .until(() -> union(beforeCrash, restartLog).containsAll(values));
                }
            } finally {
                assertThat(restarted.close(Duration.ofSeconds(20))).isTrue();
            }
        }

        if (workflow == Workflow.TRANSACTIONAL) {
            List<String> output = readCommitted(kafka, topic + "-out");
            assertThat(output)
                    .as("committed output: every input exactly once")
                    .hasSize(RECORDS)
                    .containsExactlyInAnyOrderElementsOf(values);
            return;
        }
        List<String> after = restartLog.values();
        assertThat(new HashSet<>(after))
                .as("the restarted consumer processes each record once")
                .hasSize(after.size());
        Set<String> duplicates = new HashSet<>(after);
        duplicates.retainAll(beforeCrash.stream().map(WorkLog.Entry::value).toList());
        assertThat(union(beforeCrash, restartLog)).as("no record lost").containsAll(values);
        assertThat(duplicates.size())
                .as("duplicates of %s", workflow)
                .isLessThanOrEqualTo(bound(workflow, beforeCrash));
    }

    /** The duplicate window each CommitMode documents. */
    private static int bound(Workflow workflow, List<WorkLog.Entry> beforeCrash) {
        return switch (workflow) {
            case SYNC_PER_BATCH -> CrashWorkload.MAX_POLL_RECORDS;
            case SYNC_PER_RECORD -> 1;
            case ASYNC -> 2 * CrashWorkload.MAX_POLL_RECORDS;
            case EXTERNAL, TRANSACTIONAL -> 0;
            case AUTO -> {
                long last = beforeCrash.get(beforeCrash.size() - 1).millis();
                long windowStart = last - CrashWorkload.AUTO_COMMIT_INTERVAL.toMillis() - 1000;
                int inLastInterval = (int) beforeCrash.stream()
                        .filter(e -> e.millis() >= windowStart)
                        .count();
                yield inLastInterval + CrashWorkload.MAX_POLL_RECORDS;
            }
        };
    }

    private static Set<String> union(List<WorkLog.Entry> before, WorkLog after) {
        Set<String> all = new HashSet<>();
        before.forEach(e -> all.add(e.value()));
        all.addAll(after.values());
        return all;
    }

    private static Process startChild(
            String bootstrap, String topic, String group, GroupProtocol protocol, Workflow workflow, Path log)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java,
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CrashingConsumerMain.class.getName(),
                bootstrap,
                topic,
                group,
                protocol.name(),
                workflow.name(),
                log.toString(),
                Integer.toString(CRASH_AFTER));
        File output = Files.createTempFile("crash-child", ".log").toFile();
        output.deleteOnExit();
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output)
                .start();
    }

    private static List<String> readCommitted(KafkaCluster kafka, String topic) {
        Map<String, Object> props = new HashMap<>(kafka.consumerProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
