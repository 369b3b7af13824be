package dev.kafkasdk.jdbc;

import dev.kafkasdk.jdbc.internal.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The SQL a {@link JdbcOffsetStore} speaks: its {@code CREATE TABLE} and its conditional upsert.
 * Each dialect stores a partition's offset with one statement that inserts the row or raises its
 * offset, and leaves a higher stored offset alone; {@link #GENERIC} needs up to three.
 *
 * <p>Every dialect uses the same table:
 *
 * <pre>{@code
 * CREATE TABLE kafka_offsets (
 *   group_id     VARCHAR(255) NOT NULL,
 *   topic        VARCHAR(255) NOT NULL,
 *   partition_no INTEGER      NOT NULL,
 *   next_offset  BIGINT       NOT NULL,
 *   PRIMARY KEY (group_id, topic, partition_no))
 * }</pre>
 *
 * @since 0.1
 */
public enum JdbcDialect {

    /** H2 2.x: a standard {@code MERGE ... USING ... WHEN MATCHED AND ...}. */
    H2,

    /**
     * SQLite 3.24 or newer: {@code INSERT ... ON CONFLICT (...) DO UPDATE ... WHERE}. SQLite takes one
     * writer at a time, so concurrent transactions wait ({@code busy_timeout}) rather than race.
     */
    SQLITE,

    /**
     * PostgreSQL 9.5 or newer: {@code INSERT ... ON CONFLICT (...) DO UPDATE ... WHERE}, atomic under
     * concurrent transactions (the conflicting row is locked).
     */
    POSTGRESQL,

    /**
     * Any other JDBC database: {@code UPDATE ... WHERE next_offset <= ?}, and when no row changed a
     * {@code SELECT} to tell a missing row from a higher offset, then an {@code INSERT}. Two
     * transactions that store the first offset of the same partition at the same moment make one of
     * them fail on the primary key (SQL state class {@code 23}); retry that transaction.
     */
    GENERIC;

    /**
     * The dialect of a connection's database, from {@code DatabaseMetaData.getDatabaseProductName()}:
     * H2, SQLite and PostgreSQL by name, {@link #GENERIC} for anything else. The connection is only
     * read, never closed.
     *
     * @param connection an open connection
     * @return the dialect
     * @throws SQLException if the database's metadata cannot be read
     */
    public static JdbcDialect detect(Connection connection) throws SQLException {
        return ofProductName(connection.getMetaData().getDatabaseProductName());
    }

    /**
     * The dialect for a database product name as JDBC reports it ({@code "H2"}, {@code "SQLite"},
     * {@code "PostgreSQL"}); {@link #GENERIC} for any other name.
     *
     * @param productName the product name
     * @return the dialect
     */
    public static JdbcDialect ofProductName(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return H2;
        }
        if (name.contains("sqlite")) {
            return SQLITE;
        }
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        return GENERIC;
    }

    /**
     * The {@code CREATE TABLE} statement of the offset table in this dialect. {@link #GENERIC} has no
     * {@code IF NOT EXISTS} (not every database knows it); the others do.
     *
     * @param table the table name: letters, digits and {@code _}, starting with a letter or
     *     {@code _}, at most 63 characters, optionally qualified by a schema name of the same form
     *     ({@code kafka.offsets}); never quoted
     * @return the DDL, one statement without a trailing semicolon
     * @throws IllegalArgumentException if the table name is not valid; the message says what is
     */
    public String createTableSql(String table) {
        TableName name = TableName.of(table);
        String ifNotExists = this == GENERIC ? "" : "IF NOT EXISTS ";
        return "CREATE TABLE " + ifNotExists + name.sql() + " ("
                + "group_id VARCHAR(255) NOT NULL, "
                + "topic VARCHAR(255) NOT NULL, "
                + "partition_no INTEGER NOT NULL, "
                + "next_offset BIGINT NOT NULL, "
                + "PRIMARY KEY (group_id, topic, partition_no))";
    }
}
