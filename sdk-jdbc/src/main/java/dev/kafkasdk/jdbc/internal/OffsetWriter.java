package dev.kafkasdk.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/** Writes one partition's offset at a time through the caller's connection. */
final class OffsetWriter {

    private final Connection connection;
    private final OffsetSql sql;
    private final String groupId;

    OffsetWriter(Connection connection, OffsetSql sql, String groupId) {
        this.connection = connection;
        this.sql = sql;
        this.groupId = groupId;
    }

    /**
     * Inserts the row or raises its offset.
     *
     * @return {@code null} if stored; the higher stored offset if the row already holds one
     */
    @Nullable
    Long storeForward(TopicPartition partition, long offset) throws SQLException {
        String upsert = sql.upsert(true);
        if (upsert != null) {
            if (execute(upsert, partition, offset) > 0) {
                return null;
            }
            Long stored = stored(partition);
            if (stored == null) {
                throw new SQLException("the upsert changed no row and no row exists; is the table's primary key"
                        + " (group_id, topic, partition_no)?");
            }
            return stored;
        }
        if (update(partition, offset, true) > 0) {
            return null;
        }
        Long stored = stored(partition);
        if (stored == null) {
            execute(sql.insert(), partition, offset);
            return null;
        }
        if (stored > offset) {
            return stored;
        }
        // another transaction wrote a lower offset between the UPDATE and the SELECT: raise it now
        return update(partition, offset, true) > 0 ? null : stored(partition);
    }

    /** Inserts the row or sets its offset, lower or higher. */
    @Nullable
    Long store(TopicPartition partition, long offset) throws SQLException {
        String upsert = sql.upsert(false);
        if (upsert != null) {
            execute(upsert, partition, offset);
        } else if (update(partition, offset, false) == 0) {
            execute(sql.insert(), partition, offset);
        }
        return null;
    }

    private int execute(String statement, TopicPartition partition, long offset) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(statement)) {
            ps.setString(1, groupId);
            ps.setString(2, partition.topic());
            ps.setInt(3, partition.partition());
            ps.setLong(4, offset);
            return ps.executeUpdate();
        }
    }

    private int update(TopicPartition partition, long offset, boolean forwardOnly) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql.update(forwardOnly))) {
            ps.setLong(1, offset);
            ps.setString(2, groupId);
            ps.setString(3, partition.topic());
            ps.setInt(4, partition.partition());
            if (forwardOnly) {
                ps.setLong(5, offset);
            }
            return ps.executeUpdate();
        }
    }

    private @Nullable Long stored(TopicPartition partition) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql.selectOne())) {
            ps.setString(1, groupId);
            ps.setString(2, partition.topic());
            ps.setInt(3, partition.partition());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
