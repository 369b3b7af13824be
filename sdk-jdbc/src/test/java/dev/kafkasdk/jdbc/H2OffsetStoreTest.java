package dev.kafkasdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The contract on an in-memory H2 database, with the H2 dialect (detected) and the generic one. */
class H2OffsetStoreTest {

    static ConnectionSource newH2() {
        String url = "jdbc:h2:mem:offsets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return () -> DriverManager.getConnection(url, "sa", "");
    }

    @Nested
    class H2Dialect extends OffsetStoreContract {
        @Override
        ConnectionSource newDatabase() {
            return newH2();
        }

        @Override
        String missingTableState() {
            return "42S02";
        }

        @Test
        void detectsH2() throws Exception {
            try (Connection c = database.open()) {
                assertThat(JdbcDialect.detect(c)).isEqualTo(JdbcDialect.H2);
            }
        }

        @Test
        void schemaQualifiedTable() throws Exception {
            try (Connection c = database.open()) {
                c.createStatement().execute("CREATE SCHEMA kafka");
            }
            JdbcOffsetStore qualified =
                    builder("billing").table("kafka.offsets").build();
            qualified.createSchemaIfMissing();
            inTransaction(c -> qualified.save(c, java.util.Map.of(ORDERS_0, 3L)));
            assertThat(qualified.loadAll()).isEqualTo(java.util.Map.of(ORDERS_0, 3L));
        }
    }

    @Nested
    class GenericDialect extends OffsetStoreContract {
        @Override
        ConnectionSource newDatabase() {
            return newH2();
        }

        @Override
        JdbcDialect forcedDialect() {
            return JdbcDialect.GENERIC;
        }

        @Override
        String missingTableState() {
            return "42S02";
        }
    }
}
