package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.config.Ordering;
import dev.kafkasdk.core.serde.Serdes;
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
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The long concurrent-consumer runs (Maven profile {@code long-tests}): a key-ordered consumer at
 * concurrency 64 killed with SIGKILL mid-stream and restarted, and 60 s of a second member joining
 * and leaving every few seconds.
 */
@Tag("long")
@KafkaBroker(
        brokerProperties = {
            ItSupport.GROUP_TIMEOUTS_1,
            ItSupport.GROUP_TIMEOUTS_2,
            ItSupport.GROUP_TIMEOUTS_3,
            ItSupport.GROUP_TIMEOUTS_4
        })
class ConcurrentCrashIT {

    private static final int RECORDS = 40_000;
    private static final int KEYS = 1_000;
    private static final int CONCURRENCY = 64;
    /** The concurrent modes' periodic watermark commit interval. */
    private static final long COMMIT_INTERVAL_MILLIS = 200;

    @ParameterizedTest
    @EnumSource(GroupProtocol.class)
    void killedMidStreamAtConcurrency64LosesNothingAndRepeatsOnlyRecentWork(
            GroupProtocol protocol, KafkaCluster kafka, @TempDir Path dir) throws Exception {
        String topic = kafka.uniqueTopicName("conc-kill");
        String group = topic + "-g";
        kafka.createTopic(topic, 6);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        Set<String> values = new HashSet<>();
        for (int i = 0; i < RECORDS; i++) {
            String key = "key" + (i % KEYS);
            records.add(new ProducerRecord<>(topic, key, key + "|" + i));
            values.add(key + "|" + i);
        }
        kafka.produce(records);

        WorkLog childLog = new WorkLog(dir.resolve("child.log"));
        Process child = startChild(kafka.bootstrapServers(), topic, group, protocol, dir.resolve("child.log"));
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> childLog.read().size() >= RECORDS / 2 || !child.isAlive());
            assertThat(child.isAlive()).as("child consumer still running").isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        List<WorkLog.Entry> beforeCrash = childLog.read();

        WorkLog restartLog = new WorkLog(dir.resolve("restart.log"));
        try (SdkConsumer<String, String> restarted =
                consumer(kafka.bootstrapServers(), topic, group, protocol, restartLog)) {
            restarted.start();
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> union(beforeCrash, restartLog).containsAll(values));
        }
        List<WorkLog.Entry> after = restartLog.read();

        Set<String> before = new HashSet<>();
        beforeCrash.forEach(e -> before.add(e.value()));
        long duplicates = after.stream().filter(e -> before.contains(e.value())).count();
        long lastMillis =
                beforeCrash.stream().mapToLong(WorkLog.Entry::millis).max().orElseThrow();
        // A crash repeats what completed after the last commit the broker acknowledged: watermarks and
        // completed-offset metadata go out every COMMIT_INTERVAL, so that is what completed in the last
        // two intervals (one to the next commit, one for its answer), plus what workers had claimed.
        long recent = beforeCrash.stream()
                .filter(e -> e.millis() >= lastMillis - 2 * COMMIT_INTERVAL_MILLIS)
                .count();
        long bound = recent + CONCURRENCY;
        System.out.printf(
                "[concurrent-crash %s] handled before kill %d, after restart %d, duplicates %d, bound %d"
                        + " (%d completed in the last %d ms + concurrency %d)%n",
                protocol,
                beforeCrash.size(),
                after.size(),
                duplicates,
                bound,
                recent,
                2 * COMMIT_INTERVAL_MILLIS,
                CONCURRENCY);
        assertThat(beforeCrash.size()).as("the kill came mid-stream").isLessThan(RECORDS);
        assertThat(union(beforeCrash, restartLog)).as("no record lost").containsAll(values);
        assertThat(new HashSet<>(restartLog.values()))
                .as("the restarted consumer handles each record once")
                .hasSize(after.size());
        assertThat(duplicates)
                .as("duplicates: at most what completed in the last two commit intervals plus what was claimed")
                .isLessThanOrEqualTo(bound);
        assertThat(orderViolations(beforeCrash))
                .as("per-key order before the kill")
                .isEmpty();
        assertThat(orderViolations(after)).as("per-key order after the restart").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(GroupProtocol.class)
    void aMemberJoiningAndLeavingForSixtySecondsNeverBreaksKeyOrderOrLosesARecord(
            GroupProtocol protocol, KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("conc-churn60");
        String group = topic + "-g";
        kafka.createTopic(topic, 6);
        HandledLog log = new HandledLog();
        Set<String> expected = new HashSet<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int round = 0;
        try (SdkConsumer<String, String> a = ConcurrentConsumerIT.consumer(
                kafka,
                topic,
                group,
                protocol,
                Ordering.KEY,
                CONCURRENCY,
                r -> log.handle("a", r, () -> ConcurrentConsumerIT.parkMicros(1000)),
                null)) {
            a.start();
            while (System.nanoTime() < end) {
                String member = "b" + round;
                expected.addAll(ConcurrentConsumerIT.produceKeyed(kafka, topic, "r" + round + "-", 2000, KEYS));
                try (SdkConsumer<String, String> b = ConcurrentConsumerIT.consumer(
                        kafka,
                        topic,
                        group,
                        protocol,
                        Ordering.KEY,
                        CONCURRENCY,
                        r -> log.handle(member, r, () -> ConcurrentConsumerIT.parkMicros(1000)),
                        null)) {
                    b.start();
                    expected.addAll(ConcurrentConsumerIT.produceKeyed(kafka, topic, "j" + round + "-", 2000, KEYS));
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(4));
                }
                round++;
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> log.values().containsAll(expected));
        }
        HandledLog.Result result = log.check(expected);
        System.out.printf(
                "[concurrent-churn %s] %d rounds, handled %d, distinct %d, duplicates %d%n",
                protocol, round, result.handled(), result.distinct(), result.duplicates());
        assertThat(result.lost()).as("lost").isZero();
        assertThat(result.orderViolations())
                .as("per-key order within one member's ownership")
                .isEmpty();
        assertThat(result.duplicates())
                .as("duplicates: at most what was running at each of 2 revocations per round")
                .isLessThanOrEqualTo(2 * (round + 1) * CONCURRENCY);
    }

    static SdkConsumer<String, String> consumer(
            String bootstrap, String topic, String group, GroupProtocol protocol, WorkLog log) {
        return SdkConsumer.builder(
                        ItSupport.settings(bootstrap, group, protocol)
                                .maxPollRecords(500)
                                .ordering(Ordering.KEY)
                                .concurrency(CONCURRENCY)
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .subscribe(topic)
                .commitMode(CommitMode.async())
                .recordHandler(record -> {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                    log.append(
                            record.value(),
                            new TopicPartition(record.topic(), record.partition()),
                            record.offset() + 1);
                })
                .build();
    }

    /** Within one log, each key's records must complete in offset order. */
    private static List<String> orderViolations(List<WorkLog.Entry> entries) {
        Map<String, Long> last = new HashMap<>();
        List<String> violations = new ArrayList<>();
        for (WorkLog.Entry e : entries) {
            String key = e.partition() + "/" + e.value().substring(0, e.value().indexOf('|'));
            Long previous = last.put(key, e.nextOffset());
            if (previous != null && previous >= e.nextOffset()) {
                violations.add(key + ": " + (e.nextOffset() - 1) + " after " + (previous - 1));
            }
        }
        return violations;
    }

    private static Set<String> union(List<WorkLog.Entry> before, WorkLog after) {
        Set<String> all = new HashSet<>();
        before.forEach(e -> all.add(e.value()));
        all.addAll(after.values());
        return all;
    }

    private static Process startChild(String bootstrap, String topic, String group, GroupProtocol protocol, Path log)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                ConcurrentCrashMain.class.getName(),
                bootstrap,
                topic,
                group,
                protocol.name(),
                log.toString());
        File output = Files.createTempFile("concurrent-crash-child", ".log").toFile();
        output.deleteOnExit();
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output)
                .start();
    }
}
