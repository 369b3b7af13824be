package dev.kafkasdk.jdbc.internal;

import dev.kafkasdk.jdbc.JdbcDialect;
import org.jspecify.annotations.Nullable;

/**
 * The statements of one table in one dialect. The table name is validated ({@link TableName}); every
 * value is a bind parameter.
 */
final class OffsetSql {

    private static final String KEY = "group_id = ? AND topic = ? AND partition_no = ?";
    private static final String COLUMNS = "(group_id, topic, partition_no, next_offset)";

    private final JdbcDialect dialect;
    private final String table;

    OffsetSql(JdbcDialect dialect, TableName table) {
        this.dialect = dialect;
        this.table = table.sql();
    }

    JdbcDialect dialect() {
        return dialect;
    }

    /** Parameters: group, topic. Columns: partition_no, next_offset. */
    String selectTopic() {
        return "SELECT partition_no, next_offset FROM " + table + " WHERE group_id = ? AND topic = ?";
    }

    /** Parameters: group. Columns: topic, partition_no, next_offset. */
    String selectGroup() {
        return "SELECT topic, partition_no, next_offset FROM " + table + " WHERE group_id = ?";
    }

    /** Parameters: group, topic, partition. Column: next_offset. */
    String selectOne() {
        return "SELECT next_offset FROM " + table + " WHERE " + KEY;
    }

    /**
     * One statement that inserts the row or sets its offset; with {@code forwardOnly} it leaves a
     * higher stored offset alone and then reports 0 rows. Parameters: group, topic, partition, offset.
     *
     * @return the statement, or {@code null} for {@link JdbcDialect#GENERIC}, which has none
     */
    @Nullable
    String upsert(boolean forwardOnly) {
        return switch (dialect) {
            case H2 ->
                "MERGE INTO " + table + " AS cur USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)),"
                        + " CAST(? AS INTEGER), CAST(? AS BIGINT))) AS src (group_id, topic, partition_no, next_offset)"
                        + " ON cur.group_id = src.group_id AND cur.topic = src.topic AND cur.partition_no = src.partition_no"
                        + " WHEN MATCHED" + (forwardOnly ? " AND cur.next_offset <= src.next_offset" : "")
                        + " THEN UPDATE SET next_offset = src.next_offset"
                        + " WHEN NOT MATCHED THEN INSERT " + COLUMNS
                        + " VALUES (src.group_id, src.topic, src.partition_no, src.next_offset)";
            // SQLite resolves an unqualified column in DO UPDATE to the stored row; PostgreSQL calls it
            // ambiguous and needs the alias, which SQLite's INSERT does not take
            case SQLITE ->
                "INSERT INTO " + table + " " + COLUMNS + " VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (group_id, topic, partition_no) DO UPDATE SET next_offset = excluded.next_offset"
                        + (forwardOnly ? " WHERE next_offset <= excluded.next_offset" : "");
            case POSTGRESQL ->
                "INSERT INTO " + table + " AS cur " + COLUMNS + " VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (group_id, topic, partition_no) DO UPDATE SET next_offset = EXCLUDED.next_offset"
                        + (forwardOnly ? " WHERE cur.next_offset <= EXCLUDED.next_offset" : "");
            case GENERIC -> null;
        };
    }

    /**
     * Parameters: offset, group, topic, partition, and with {@code forwardOnly} the offset again.
     */
    String update(boolean forwardOnly) {
        return "UPDATE " + table + " SET next_offset = ? WHERE " + KEY + (forwardOnly ? " AND next_offset <= ?" : "");
    }

    /** Parameters: group, topic, partition, offset. */
    String insert() {
        return "INSERT INTO " + table + " " + COLUMNS + " VALUES (?, ?, ?, ?)";
    }
}
