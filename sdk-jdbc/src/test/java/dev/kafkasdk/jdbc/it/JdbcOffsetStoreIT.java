package dev.kafkasdk.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.jdbc.ConnectionSource;
import dev.kafkasdk.jdbc.JdbcOffsetStore;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CommitMode.external(JdbcOffsetStore)} against a real broker: rows and offsets in one JDBC
 * transaction survive a SIGKILL, a close in the middle of the stream and a failed transaction with
 * every record stored exactly once.
 */
@KafkaBroker
class JdbcOffsetStoreIT {

    private static final int PARTITIONS = 3;
    private static final int RECORDS = 300;
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** A SQLite file shared by two JVMs: WAL so readers do not block the writer, and a busy timeout. */
    static ConnectionSource sqlite(Path file) {
        Properties properties = new Properties();
        properties.setProperty("journal_mode", "WAL");
        properties.setProperty("busy_timeout", "30000");
        String url = "jdbc:sqlite:" + file;
        return () -> DriverManager.getConnection(url, properties);
    }

    @Test
    void killedMidStreamAndRestartedEveryRecordIsStoredExactlyOnce(KafkaCluster kafka, @TempDir Path dir)
            throws Exception {
        String topic = produce(kafka, "killed");
        String group = topic + "-ledger";
        Path file = dir.resolve("ledger.db");
        ConnectionSource database = sqlite(file);
        JdbcOffsetStore store = JdbcOffsetStore.builder(database, group).build();
        Ledger.createTables(database, store);

        Process child = startChild(kafka.bootstrapServers(), topic, group, file);
        try {
            await().atMost(WAIT).until(() -> Ledger.rows(database) >= RECORDS / 4);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        long beforeRestart = Ledger.rows(database);
        assertThat(beforeRestart).as("killed in the middle of the stream").isLessThan(RECORDS);
        assertThat(store.loadAll()).isEqualTo(Ledger.nextOffsetsOfRows(database, topic));

        consumeToTheEnd(kafka, topic, group, database, store, 0);

        assertExactlyOnce(database, store, topic);
    }

    @Test
    void closedMidStreamAfterAFailedTransactionAndRestartedEveryRecordIsStoredExactlyOnce(KafkaCluster kafka)
            throws Exception {
        String topic = produce(kafka, "closed");
        String group = topic + "-ledger";
        String url = "jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        ConnectionSource database = () -> DriverManager.getConnection(url, "sa", "");
        JdbcOffsetStore store = JdbcOffsetStore.builder(database, group).build();
        Ledger.createTables(database, store);

        AtomicInteger failures = new AtomicInteger(1);
        try (SdkConsumer<String, String> first = Ledger.consumer(
                kafka.bootstrapServers(), topic, group, database, store, Duration.ofMillis(10), failures)) {
            first.start();
            await().atMost(WAIT).until(() -> Ledger.rows(database) >= RECORDS / 3);
            assertThat(first.close(Duration.ofSeconds(20))).isTrue();
            assertThat(first.state()).isNotEqualTo(ConsumerState.FAILED);
        }
        assertThat(failures).as("the failed transaction happened").hasValue(0);
        assertThat(Ledger.rows(database)).isLessThan(RECORDS);

        consumeToTheEnd(kafka, topic, group, database, store, 0);

        assertExactlyOnce(database, store, topic);
    }

    private static void consumeToTheEnd(
            KafkaCluster kafka,
            String topic,
            String group,
            ConnectionSource database,
            JdbcOffsetStore store,
            int failures)
            throws Exception {
        try (SdkConsumer<String, String> restarted = Ledger.consumer(
                kafka.bootstrapServers(), topic, group, database, store, Duration.ZERO, new AtomicInteger(failures))) {
            restarted.start();
            await().atMost(WAIT)
                    .until(() -> Ledger.rows(database) >= RECORDS || restarted.state() == ConsumerState.FAILED);
            assertThat(restarted.failureCause()).isEmpty();
        }
    }

    private static void assertExactlyOnce(ConnectionSource database, JdbcOffsetStore store, String topic)
            throws Exception {
        assertThat(Ledger.rows(database)).as("rows").isEqualTo(RECORDS);
        assertThat(Ledger.distinctRecords(database)).as("distinct records").isEqualTo(RECORDS);
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            ends.put(new TopicPartition(topic, p), (long) RECORDS / PARTITIONS);
        }
        assertThat(store.loadAll()).as("stored offsets = log end offsets").isEqualTo(ends);
    }

    /** {@link #RECORDS} records, spread evenly over {@link #PARTITIONS} partitions. */
    private static String produce(KafkaCluster kafka, String prefix) {
        String topic = kafka.uniqueTopicName(prefix);
        kafka.createTopic(topic, PARTITIONS);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(new ProducerRecord<>(topic, i % PARTITIONS, "k" + i, "r" + i));
        }
        kafka.produce(records);
        return topic;
    }

    private static Process startChild(String bootstrap, String topic, String group, Path file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java,
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                LedgerMain.class.getName(),
                bootstrap,
                topic,
                group,
                file.toString());
        File output = Files.createTempFile("jdbc-ledger-child", ".log").toFile();
        output.deleteOnExit();
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output)
                .start();
    }
}
