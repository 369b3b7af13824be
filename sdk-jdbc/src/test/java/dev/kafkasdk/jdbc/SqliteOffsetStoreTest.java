package dev.kafkasdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The contract on a SQLite file database, with the SQLite dialect (detected) and the generic one. */
class SqliteOffsetStoreTest {

    static ConnectionSource newSqlite() throws Exception {
        Path dir = Files.createTempDirectory("sqlite-offsets");
        dir.toFile().deleteOnExit();
        String url = "jdbc:sqlite:" + dir.resolve("offsets.db");
        return () -> DriverManager.getConnection(url);
    }

    @Nested
    class SqliteDialect extends OffsetStoreContract {
        @Override
        ConnectionSource newDatabase() throws Exception {
            return newSqlite();
        }

        @Override
        String missingTableState() {
            return null;
        }

        @Test
        void detectsSqlite() throws Exception {
            try (Connection c = database.open()) {
                assertThat(JdbcDialect.detect(c)).isEqualTo(JdbcDialect.SQLITE);
            }
        }
    }

    @Nested
    class GenericDialect extends OffsetStoreContract {
        @Override
        ConnectionSource newDatabase() throws Exception {
            return newSqlite();
        }

        @Override
        JdbcDialect forcedDialect() {
            return JdbcDialect.GENERIC;
        }

        @Override
        String missingTableState() {
            return null;
        }
    }
}
