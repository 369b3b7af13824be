package dev.kafkasdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract on a real PostgreSQL 14 server started by the test ({@link PostgresServer}; as an
 * unprivileged user when the build runs as root), with the PostgreSQL dialect (detected) and the
 * generic one, plus what only a server with concurrent transactions can show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresOffsetStoreIT {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private PostgresServer server;

    @BeforeAll
    void startServer() throws Exception {
        server = PostgresServer.start();
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    ConnectionSource newPostgres() throws Exception {
        return server.newSchema("offsets_" + SCHEMAS.incrementAndGet());
    }

    @Nested
    class PostgresDialect extends OffsetStoreContract {
        @Override
        ConnectionSource newDatabase() throws Exception {
            return newPostgres();
        }

        @Override
        String missingTableState() {
            return "42P01";
        }

        @Test
        void detectsPostgres() throws Exception {
            try (Connection c = database.open()) {
                assertThat(JdbcDialect.detect(c)).isEqualTo(JdbcDialect.POSTGRESQL);
            }
        }

        @Test
        void aConcurrentStaleTransactionWaitsForTheRowAndThenFails() throws Exception {
            inTransaction(c -> store.save(c, Map.of(ORDERS_0, 10L)));
            try (Connection newer = database.open();
                    Connection stale = database.open()) {
                newer.setAutoCommit(false);
                stale.setAutoCommit(false);
                store.save(newer, Map.of(ORDERS_0, 100L)); // holds the row lock
                CompletableFuture<Void> staleSave = CompletableFuture.runAsync(() -> {
                    try {
                        store.save(stale, Map.of(ORDERS_0, 50L)); // blocks on the row until newer commits
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
                assertThat(staleSave).isNotDone();
                newer.commit();

                assertThatThrownBy(() -> staleSave.get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(OffsetRegressionException.class)
                        .hasMessageContaining("backwards from 100 to 50");
                stale.rollback();
            }
            assertThat(store.load(Set.of(ORDERS_0))).containsEntry(ORDERS_0, 100L);
        }

        @Test
        void schemaQualifiedTable() throws Exception {
            try (Connection c = database.open()) {
                c.createStatement().execute("CREATE SCHEMA kafka_" + SCHEMAS.incrementAndGet());
            }
            String table = "kafka_" + SCHEMAS.get() + ".offsets";
            JdbcOffsetStore qualified = builder("billing").table(table).build();
            qualified.createSchemaIfMissing();
            qualified.createSchemaIfMissing();
            inTransaction(c -> qualified.save(c, Map.of(ORDERS_0, 3L)));
            assertThat(qualified.loadAll()).isEqualTo(Map.of(ORDERS_0, 3L));
        }
    }

    @Nested
    class GenericDialect extends OffsetStoreContract {
        @Override
        ConnectionSource newDatabase() throws Exception {
            return newPostgres();
        }

        @Override
        JdbcDialect forcedDialect() {
            return JdbcDialect.GENERIC;
        }

        @Override
        String missingTableState() {
            return "42P01";
        }
    }
}
