package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retry topics under SIGKILL (Maven profile {@code long-tests}): a consumer killed after a failed
 * record's tier copy was acknowledged but before its offset was committed loses nothing when it
 * restarts; the record's copy exists twice and the repeated work is bounded by one poll.
 */
@Tag("long")
@KafkaBroker
class RetryCrashIT {

    private static final int RECORDS = 300;
    private static final int MAX_POLL_RECORDS = 10;
    private static final String CRASH_VALUE = "fail-150";

    @Test
    void killedBetweenTheTierPublishAndTheCommitLosesNothing(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        String topic = kafka.uniqueTopicName("retry-kill");
        String group = topic + "-g";
        kafka.createTopic(topic, 1);
        kafka.createTopic(topic + ".DLT", 1);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        Set<String> values = new HashSet<>();
        for (int i = 0; i < RECORDS; i++) {
            String value = (i % 10 == 0 ? "fail-" : "ok-") + i;
            records.add(new ProducerRecord<>(topic, 0, "k" + i, value));
            values.add(value);
        }
        kafka.produce(records);

        WorkLog childLog = new WorkLog(dir.resolve("child.log"));
        Process child = startChild(kafka.bootstrapServers(), topic, group, dir.resolve("child.log"));
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> childLog.values().contains(RetryCrashMain.PARKED) || !child.isAlive());
            assertThat(child.isAlive()).as("child parked in the commit").isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        long committed = committedOffset(kafka, group, new TopicPartition(topic, 0));
        assertThat(committed).as("the failed record's offset was not committed").isLessThanOrEqualTo(150);
        List<String> beforeCrash = new ArrayList<>(childLog.values());
        beforeCrash.remove(RetryCrashMain.PARKED);

        WorkLog restartLog = new WorkLog(dir.resolve("restart.log"));
        try (SdkConsumer<String, String> restarted =
                RetryCrashMain.build(kafka.bootstrapServers(), topic, group, restartLog, "none")) {
            restarted.start();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                Set<String> all = new HashSet<>(beforeCrash);
                all.addAll(restartLog.values());
                return all.containsAll(values);
            });
        }
        List<String> after = restartLog.values();
        Map<String, Long> copies = kafka.consumeAll(topic + "-retry-1s", Duration.ofSeconds(10)).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::value, Collectors.counting()));
        long duplicates =
                after.stream().filter(beforeCrash::contains).count() + after.size() - new HashSet<>(after).size();
        System.out.printf(
                "[retry-crash] committed at kill %d, handled before %d, after %d, duplicates %d%n",
                committed, beforeCrash.size(), after.size(), duplicates);

        assertThat(copies)
                .as("the copy of the record failing at the kill exists twice")
                .containsEntry(CRASH_VALUE, 2L);
        assertThat(copies.entrySet().stream()
                        .filter(e -> !e.getKey().equals(CRASH_VALUE))
                        .map(Map.Entry::getValue))
                .as("every other failed record moved once")
                .allMatch(n -> n == 1L);
        assertThat(copies).hasSize(RECORDS / 10);
        assertThat(duplicates)
                .as("repeated work is at most one poll plus the doubled copy")
                .isLessThanOrEqualTo(MAX_POLL_RECORDS + 1);
        assertThat(kafka.consumeAll(topic + ".DLT", Duration.ofSeconds(2))).isEmpty();
    }

    private static long committedOffset(KafkaCluster kafka, String group, TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            OffsetAndMetadata committed = offsets.get(partition);
            return committed == null ? 0 : committed.offset();
        }
    }

    private static Process startChild(String bootstrap, String topic, String group, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                RetryCrashMain.class.getName(),
                bootstrap,
                topic,
                group,
                log.toString(),
                CRASH_VALUE);
        File output = Files.createTempFile("retry-crash-child", ".log").toFile();
        output.deleteOnExit();
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output)
                .start();
    }
}
