package dev.kafkasdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every database and dialect must do; one subclass per database and dialect. Each test gets a
 * fresh database from {@link #newDatabase()}.
 */
abstract class OffsetStoreContract {

    static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);
    static final TopicPartition ORDERS_1 = new TopicPartition("orders", 1);
    static final TopicPartition PAYMENTS_0 = new TopicPartition("payments", 0);

    ConnectionSource database;
    JdbcOffsetStore store;

    /** A new, empty database. */
    abstract ConnectionSource newDatabase() throws Exception;

    /** The dialect to force, or {@code null} to let the store detect it. */
    @Nullable
    JdbcDialect forcedDialect() {
        return null;
    }

    /** The SQL state the database reports for a missing table. */
    abstract @Nullable String missingTableState();

    JdbcOffsetStore.Builder builder(String group) {
        JdbcOffsetStore.Builder builder = JdbcOffsetStore.builder(database, group);
        JdbcDialect dialect = forcedDialect();
        return dialect == null ? builder : builder.dialect(dialect);
    }

    @BeforeEach
    void createDatabase() throws Exception {
        database = newDatabase();
        store = builder("billing").build();
        store.createSchemaIfMissing();
        try (Connection c = database.open();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE work (id VARCHAR(64) NOT NULL)");
        }
    }

    @Test
    void createSchemaIfMissingIsIdempotent() throws Exception {
        store.createSchemaIfMissing();
        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            store.createSchemaIfMissing(c);
            c.commit();
        }
        assertThat(store.loadAll()).isEmpty();
    }

    @Test
    void offsetsSavedInTheCallersTransactionAreLoadedAfterCommit() throws Exception {
        inTransaction(c -> {
            insertWork(c, "a");
            store.save(c, Map.of(ORDERS_0, 10L, ORDERS_1, 20L, PAYMENTS_0, 5L));
        });

        assertThat(store.load(Set.of(ORDERS_0, ORDERS_1))).isEqualTo(Map.of(ORDERS_0, 10L, ORDERS_1, 20L));
        assertThat(store.loadAll())
                .containsExactly(Map.entry(ORDERS_0, 10L), Map.entry(ORDERS_1, 20L), Map.entry(PAYMENTS_0, 5L));
        assertThat(workRows()).containsExactly("a");
    }

    @Test
    void rollbackDiscardsTheOffsetsWithTheRows() throws Exception {
        inTransaction(c -> store.save(c, Map.of(ORDERS_0, 10L)));
        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            insertWork(c, "lost");
            store.save(c, Map.of(ORDERS_0, 20L));
            c.rollback();
        }

        assertThat(store.load(Set.of(ORDERS_0))).containsEntry(ORDERS_0, 10L);
        assertThat(workRows()).isEmpty();
    }

    @Test
    void raisesAStoredOffsetAndAcceptsTheSameOneAgain() throws Exception {
        inTransaction(c -> store.save(c, Map.of(ORDERS_0, 10L)));
        inTransaction(c -> store.save(c, Map.of(ORDERS_0, 15L)));
        inTransaction(c -> store.save(c, Map.of(ORDERS_0, 15L)));

        assertThat(store.load(Set.of(ORDERS_0))).containsEntry(ORDERS_0, 15L);
    }

    @Test
    void neverMovesAnOffsetBackwards() throws Exception {
        inTransaction(c -> store.save(c, Map.of(ORDERS_0, 100L)));

        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            insertWork(c, "stale");
            assertThatThrownBy(() -> store.save(c, Map.of(ORDERS_0, 40L)))
                    .isInstanceOfSatisfying(OffsetRegressionException.class, e -> {
                        assertThat(e.groupId()).isEqualTo("billing");
                        assertThat(e.partition()).isEqualTo(ORDERS_0);
                        assertThat(e.storedOffset()).isEqualTo(100L);
                        assertThat(e.rejectedOffset()).isEqualTo(40L);
                    })
                    .hasMessageContaining("group 'billing', topic 'orders', partition 0 backwards from 100 to 40")
                    .hasMessageContaining("roll back");
            c.rollback();
        }

        assertThat(store.load(Set.of(ORDERS_0))).containsEntry(ORDERS_0, 100L);
        assertThat(workRows()).isEmpty();
    }

    @Test
    void resetMovesAnOffsetBackwardsOnPurpose() throws Exception {
        inTransaction(c -> store.save(c, Map.of(ORDERS_0, 100L)));
        inTransaction(c -> store.reset(c, Map.of(ORDERS_0, 7L, ORDERS_1, 3L)));

        assertThat(store.load(Set.of(ORDERS_0, ORDERS_1))).isEqualTo(Map.of(ORDERS_0, 7L, ORDERS_1, 3L));
    }

    @Test
    void groupsAndTablesAreIsolated() throws Exception {
        JdbcOffsetStore shipping = builder("shipping").build();
        JdbcOffsetStore other = builder("billing").table("other_offsets").build();
        other.createSchemaIfMissing();
        inTransaction(c -> {
            store.save(c, Map.of(ORDERS_0, 10L));
            shipping.save(c, Map.of(ORDERS_0, 99L));
            other.save(c, Map.of(ORDERS_0, 55L));
        });

        assertThat(store.load(Set.of(ORDERS_0, ORDERS_1))).isEqualTo(Map.of(ORDERS_0, 10L));
        assertThat(shipping.loadAll()).isEqualTo(Map.of(ORDERS_0, 99L));
        assertThat(other.loadAll()).isEqualTo(Map.of(ORDERS_0, 55L));
    }

    @Test
    void neverClosesCommitsOrReconfiguresTheCallersConnection() throws Exception {
        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            store.save(c, Map.of(ORDERS_0, 10L));
            assertThat(store.load(c, Set.of(ORDERS_0))).containsEntry(ORDERS_0, 10L);
            store.createSchemaIfMissing(c);

            assertThat(c.isClosed()).isFalse();
            assertThat(c.getAutoCommit()).isFalse();
            c.rollback();
        }
        assertThat(store.loadAll()).isEmpty();
    }

    @Test
    void worksWithAPoolWhoseConnectionsAreNotInAutoCommitMode() throws Exception {
        ConnectionSource pool = () -> {
            Connection c = database.open();
            c.setAutoCommit(false);
            return c;
        };
        JdbcDialect dialect = forcedDialect();
        JdbcOffsetStore.Builder builder =
                JdbcOffsetStore.builder(pool, "pooled").table("pooled_offsets");
        JdbcOffsetStore pooled = (dialect == null ? builder : builder.dialect(dialect)).build();

        pooled.createSchemaIfMissing(); // committed by the store: visible elsewhere
        try (Connection c = pool.open()) {
            pooled.save(c, Map.of(ORDERS_0, 4L));
            c.commit();
        }

        assertThat(pooled.load(Set.of(ORDERS_0))).containsEntry(ORDERS_0, 4L);
        assertThat(pooled.loadAll()).containsEntry(ORDERS_0, 4L);
    }

    @Test
    void anEmptyMapOrAssignmentTouchesNothing() throws Exception {
        ConnectionSource refusing = () -> {
            throw new SQLException("must not connect");
        };
        JdbcOffsetStore offline = JdbcOffsetStore.builder(refusing, "billing")
                .dialect(JdbcDialect.H2)
                .build();

        assertThat(offline.load(Set.of())).isEmpty();
        try (Connection c = database.open()) {
            store.save(c, Map.of());
        }
    }

    @Test
    void badOffsetsAreRejectedBeforeAnyWrite() throws Exception {
        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            Map<TopicPartition, Long> bad = new LinkedHashMap<>();
            bad.put(ORDERS_0, 5L);
            bad.put(ORDERS_1, -1L);
            assertThatThrownBy(() -> store.save(c, bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("next offset: -1 for group 'billing', topic 'orders', partition 1");
            assertThatThrownBy(() -> store.save(c, Map.of(new TopicPartition("orders", -2), 5L)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("partition: -2 is negative");
            c.rollback();
        }
        assertThat(store.loadAll()).isEmpty();
    }

    @Test
    void databaseErrorsNameGroupTopicPartitionTableAndSqlState() throws Exception {
        JdbcOffsetStore missing = builder("billing").table("no_such_table").build();
        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> missing.save(c, Map.of(ORDERS_1, 5L)))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("could not store offset 5 for group 'billing', topic 'orders', partition 1")
                    .hasMessageContaining("table no_such_table")
                    .hasMessageContaining("SQL state " + (missingTableState() == null ? "(none)" : missingTableState()))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(missingTableState()))
                    .hasCauseInstanceOf(SQLException.class);
            c.rollback();
        }
        assertThatThrownBy(() -> missing.load(Set.of(ORDERS_0)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining(
                        "could not load the offsets of group 'billing', topic 'orders' from table no_such_table");
    }

    @Test
    void aFailingConnectionSourceIsNamedInTheError() {
        JdbcOffsetStore offline = JdbcOffsetStore.builder(
                        () -> {
                            throw new SQLException("connection refused", "08001");
                        },
                        "billing")
                .build();

        assertThatThrownBy(() -> offline.load(Set.of(ORDERS_0)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining(
                        "could not open a connection to load the offsets of group 'billing', topics [orders]")
                .hasMessageContaining("SQL state 08001");
    }

    // ---- helpers

    @FunctionalInterface
    interface Work {
        void run(Connection c) throws SQLException;
    }

    void inTransaction(Work work) throws SQLException {
        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            work.run(c);
            c.commit();
        }
    }

    static void insertWork(Connection c, String id) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO work (id) VALUES (?)")) {
            insert.setString(1, id);
            insert.executeUpdate();
        }
    }

    List<String> workRows() throws SQLException {
        try (Connection c = database.open();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM work ORDER BY id")) {
            List<String> ids = new java.util.ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }
}
