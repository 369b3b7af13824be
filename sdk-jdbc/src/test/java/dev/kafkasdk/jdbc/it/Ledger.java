package dev.kafkasdk.jdbc.it;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.config.OffsetReset;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.jdbc.ConnectionSource;
import dev.kafkasdk.jdbc.JdbcOffsetStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer of the integration tests: every batch's rows ({@code ledger}, no unique key, so a
 * duplicate would show) and its offsets in one JDBC transaction, {@code CommitMode.external}.
 */
final class Ledger {

    static final int MAX_POLL_RECORDS = 10;

    private Ledger() {}

    static void createTables(ConnectionSource database, JdbcOffsetStore store) throws SQLException {
        store.createSchemaIfMissing();
        try (Connection c = database.open();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS ledger (topic VARCHAR(255) NOT NULL, partition_no INTEGER NOT NULL,"
                    + " record_offset BIGINT NOT NULL, payload VARCHAR(64) NOT NULL)");
        }
    }

    /**
     * Builds the consumer.
     *
     * @param workPerBatch simulated work per batch, inside the transaction
     * @param failures handler calls that fail after writing their rows and before committing
     */
    static SdkConsumer<String, String> consumer(
            String bootstrap,
            String topic,
            String group,
            ConnectionSource database,
            JdbcOffsetStore store,
            Duration workPerBatch,
            AtomicInteger failures) {
        ConsumerSettings settings = ConsumerSettings.builder()
                .name("ledger")
                .cluster(ClusterSettings.of(bootstrap))
                .groupId(group)
                .groupProtocol(GroupProtocol.CLASSIC)
                .sessionTimeout(Duration.ofSeconds(6))
                .heartbeatInterval(Duration.ofSeconds(1))
                .autoOffsetReset(OffsetReset.EARLIEST)
                .maxPollRecords(MAX_POLL_RECORDS)
                .build();
        return SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                .subscribe(topic)
                .commitMode(CommitMode.external(store))
                .batchHandler(batch -> {
                    try (Connection c = database.open()) {
                        c.setAutoCommit(false);
                        try {
                            insert(c, batch.records());
                            LockSupport.parkNanos(workPerBatch.toNanos());
                            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                throw new IllegalStateException("simulated failure after the rows, before the commit");
                            }
                            store.save(c, batch.nextOffsets());
                            c.commit();
                        } catch (Exception e) {
                            c.rollback();
                            throw e;
                        }
                    }
                })
                .build();
    }

    private static void insert(Connection c, Iterable<ConsumerRecord<String, String>> records) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO ledger (topic, partition_no, record_offset, payload) VALUES (?, ?, ?, ?)")) {
            for (ConsumerRecord<String, String> r : records) {
                insert.setString(1, r.topic());
                insert.setInt(2, r.partition());
                insert.setLong(3, r.offset());
                insert.setString(4, r.value());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static long count(ConnectionSource database, String sql) throws SQLException {
        try (Connection c = database.open();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static long rows(ConnectionSource database) throws SQLException {
        return count(database, "SELECT COUNT(*) FROM ledger");
    }

    static long distinctRecords(ConnectionSource database) throws SQLException {
        return count(
                database, "SELECT COUNT(*) FROM (SELECT DISTINCT topic, partition_no, record_offset FROM ledger) d");
    }

    /** Per partition, the highest record offset in the ledger plus one. */
    static Map<TopicPartition, Long> nextOffsetsOfRows(ConnectionSource database, String topic) throws SQLException {
        Map<TopicPartition, Long> next = new HashMap<>();
        try (Connection c = database.open();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT partition_no, MAX(record_offset) FROM ledger GROUP BY partition_no")) {
            while (rs.next()) {
                next.put(new TopicPartition(topic, rs.getInt(1)), rs.getLong(2) + 1);
            }
        }
        return next;
    }
}
