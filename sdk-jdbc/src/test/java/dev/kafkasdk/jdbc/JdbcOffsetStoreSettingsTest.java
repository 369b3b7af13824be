package dev.kafkasdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation of the builder and the dialects' DDL, without a database. */
class JdbcOffsetStoreSettingsTest {

    private static final ConnectionSource NO_DATABASE = () -> {
        throw new SQLException("no database in this test");
    };

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "kafka offsets",
                "offsets; DROP TABLE orders",
                "offsets--",
                "\"offsets\"",
                "`offsets`",
                "1offsets",
                "a.b.c",
                ".offsets",
                "offsets.",
                "off-sets",
                "offsets/*x*/",
                "tablé",
                "a123456789012345678901234567890123456789012345678901234567890123"
            })
    void tableNamesThatAreNotPlainIdentifiersAreRejected(String table) {
        assertThatThrownBy(() -> JdbcOffsetStore.builder(NO_DATABASE, "billing")
                        .table(table)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table: '")
                .hasMessageContaining("is not a valid table name; use letters, digits and '_'");
        assertThatThrownBy(() -> JdbcDialect.H2.createTableSql(table)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "kafka_offsets",
                "_offsets",
                "Offsets2",
                "kafka.offsets",
                "a12345678901234567890123456789012345678901234567890123456789012"
            })
    void plainIdentifiersAreAccepted(String table) {
        assertThat(JdbcOffsetStore.builder(NO_DATABASE, "billing")
                        .table(table)
                        .build()
                        .table())
                .isEqualTo(table);
    }

    @Test
    void controlCharactersAreNotEchoed() {
        assertThatThrownBy(() -> JdbcOffsetStore.builder(NO_DATABASE, "billing")
                        .table("x\ny")
                        .build())
                .hasMessageContaining("'x?y'");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() ->
                        JdbcOffsetStore.builder(NO_DATABASE, " ").table("x y").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("groupId: ' ' is blank")
                .hasMessageContaining("table: 'x y' is not a valid table name");
    }

    @Test
    void aGroupIdLongerThanTheColumnIsRejected() {
        assertThatThrownBy(() ->
                        JdbcOffsetStore.builder(NO_DATABASE, "g".repeat(256)).build())
                .hasMessageContaining("groupId: 256 characters is too long for the group_id column; use at most 255");
    }

    @Test
    void defaultsAreTheDefaultTableAndADetectedDialect() {
        JdbcOffsetStore store = JdbcOffsetStore.builder(NO_DATABASE, "billing").build();

        assertThat(store.table()).isEqualTo("kafka_offsets");
        assertThat(store.groupId()).isEqualTo("billing");
        assertThat(store)
                .hasToString("JdbcOffsetStore[group=billing, table=kafka_offsets, dialect=detected on first use]");
    }

    @Test
    void productNamesMapToDialects() {
        assertThat(JdbcDialect.ofProductName("H2")).isEqualTo(JdbcDialect.H2);
        assertThat(JdbcDialect.ofProductName("SQLite")).isEqualTo(JdbcDialect.SQLITE);
        assertThat(JdbcDialect.ofProductName("PostgreSQL")).isEqualTo(JdbcDialect.POSTGRESQL);
        assertThat(JdbcDialect.ofProductName("MySQL")).isEqualTo(JdbcDialect.GENERIC);
        assertThat(JdbcDialect.ofProductName("Microsoft SQL Server")).isEqualTo(JdbcDialect.GENERIC);
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    void everyDialectCreatesTheSameTable(JdbcDialect dialect) {
        assertThat(dialect.createTableSql("kafka.offsets"))
                .startsWith(
                        dialect == JdbcDialect.GENERIC
                                ? "CREATE TABLE kafka.offsets ("
                                : "CREATE TABLE IF NOT EXISTS kafka.offsets (")
                .contains(
                        "group_id VARCHAR(255) NOT NULL",
                        "topic VARCHAR(255) NOT NULL",
                        "partition_no INTEGER NOT NULL",
                        "next_offset BIGINT NOT NULL",
                        "PRIMARY KEY (group_id, topic, partition_no)");
    }
}
