package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.RecordHandler;
import dev.kafkasdk.consumer.SdkShareConsumer;
import dev.kafkasdk.core.config.AcquireMode;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.OffsetReset;
import dev.kafkasdk.core.config.ShareConsumerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A share group member killed with SIGKILL in the middle of its records: what it had acquired is
 * delivered again, to the surviving member, once the acquisition lock expires, and nothing is lost.
 */
@KafkaBroker(partitions = 2)
class ShareCrashIT {

    private static final int RECORDS = 1_000;
    /** The child acquires at most this many records at once (acquire-mode record_limit). */
    private static final int MAX_ACQUIRED = 50;

    private static final Duration LOCK = Duration.ofSeconds(3);

    /** A member of the test's share group; the child JVM runs the same one. */
    static SdkShareConsumer<String, String> member(
            String bootstrap, String topic, String group, RecordHandler<String, String> handler) {
        ShareConsumerSettings settings = ShareConsumerSettings.builder()
                .name("crash")
                .cluster(ClusterSettings.of(bootstrap))
                .groupId(group)
                .autoOffsetReset(OffsetReset.EARLIEST)
                .recordLockDuration(LOCK)
                .acquireMode(AcquireMode.RECORD_LIMIT)
                .maxPollRecords(MAX_ACQUIRED)
                .concurrency(4)
                .build();
        return SdkShareConsumer.create(settings, Serdes.string(), Serdes.string(), List.of(topic), handler);
    }

    /** Two milliseconds of work per record, so the member is always in the middle of some. */
    static void work() {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }

    @Test
    void recordsAcquiredByAKilledMemberAreDeliveredAgainAfterTheLockExpiresAndNoneIsLost(
            KafkaCluster kafka, @TempDir Path dir) throws Exception {
        String topic = kafka.uniqueTopicName("share-kill");
        String group = "share-" + topic;
        kafka.createTopic(topic, 2);
        List<String> values = IntStream.range(0, RECORDS).mapToObj(i -> "k" + i).toList();
        kafka.produceValues(topic, values);

        WorkLog childLog = new WorkLog(dir.resolve("child.log"));
        Process child = startChild(kafka.bootstrapServers(), topic, group, dir.resolve("child.log"));
        long killedAt;
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> childLog.read().size() >= RECORDS / 4 || !child.isAlive());
            assertThat(child.isAlive()).as("child member still running").isTrue();
        } finally {
            child.destroyForcibly(); // SIGKILL: no acknowledgement, no leave
            killedAt = System.nanoTime();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Set<String> beforeKill = new HashSet<>(childLog.values());

        Map<String, AtomicInteger> survivorCalls = new ConcurrentHashMap<>();
        Set<String> redelivered = ConcurrentHashMap.newKeySet();
        long[] firstRedeliveryAt = {Long.MAX_VALUE};
        SdkShareConsumer<String, String> survivor = member(kafka.bootstrapServers(), topic, group, record -> {
            work();
            if (record.deliveryCount().orElse((short) 1) > 1 && redelivered.add(record.value())) {
                synchronized (firstRedeliveryAt) {
                    firstRedeliveryAt[0] = Math.min(firstRedeliveryAt[0], System.nanoTime());
                }
            }
            survivorCalls
                    .computeIfAbsent(record.value(), v -> new AtomicInteger())
                    .incrementAndGet();
        });
        try {
            survivor.start();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                Set<String> all = new HashSet<>(beforeKill);
                all.addAll(survivorCalls.keySet());
                return all.containsAll(values);
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> survivor.stats().accepted() == survivorCalls.size());
        } finally {
            survivor.close(Duration.ofSeconds(20));
        }
        long duplicates =
                survivorCalls.keySet().stream().filter(beforeKill::contains).count();
        long redeliveryDelayMs = TimeUnit.NANOSECONDS.toMillis(firstRedeliveryAt[0] - killedAt);
        System.out.printf(
                "[share-kill] handled by the child before SIGKILL %d, by the survivor %d, redelivered %d"
                        + " (first %d ms after the kill, lock %d ms), handled twice %d%n",
                beforeKill.size(),
                survivorCalls.size(),
                redelivered.size(),
                redeliveryDelayMs,
                LOCK.toMillis(),
                duplicates);
        assertThat(beforeKill.size()).as("the kill came mid-stream").isLessThan(RECORDS);
        assertThat(redelivered)
                .as("records the killed member had acquired come back with a delivery count above 1")
                .isNotEmpty();
        assertThat(survivorCalls.values())
                .as("the survivor handles each record once")
                .allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(survivor.stats().redelivered()).isEqualTo(redelivered.size());
        assertThat(duplicates)
                .as("only records the killed member had acquired and not yet acknowledged run twice")
                .isLessThanOrEqualTo(2L * MAX_ACQUIRED);
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
                ShareCrashMain.class.getName(),
                bootstrap,
                topic,
                group,
                log.toString());
        File output = Files.createTempFile("share-crash-child", ".log").toFile();
        output.deleteOnExit();
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output)
                .start();
    }
}
