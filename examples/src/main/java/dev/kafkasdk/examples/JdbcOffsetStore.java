package dev.kafkasdk.examples;

import dev.kafkasdk.consumer.OffsetStore;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Consumed offsets kept in the database's {@code kafka_offsets} table, for
 * {@code CommitMode.external(store)}: the handler {@link #save saves} them in the same JDBC
 * transaction as its rows, and the consumer {@link #load loads} them on every assignment and seeks
 * there. Work and position commit or roll back together, so no record is applied twice.
 *
 * <p>Thread-safe; holds no connection of its own between calls.
 */
public final class JdbcOffsetStore implements OffsetStore {

    private final OrderDatabase database;
    private final String groupId;

    /**
     * @param database the database holding {@code kafka_offsets}
     * @param groupId  the consumer group whose offsets these are
     */
    public JdbcOffsetStore(OrderDatabase database, String groupId) {
        this.database = database;
        this.groupId = groupId;
    }

    /**
     * Reads the stored next offsets; called by the consumer on its poll thread when partitions are
     * assigned.
     *
     * @param partitions the partitions just assigned
     * @return the stored next offset of each partition that has one
     * @throws SQLException if the table cannot be read (the consumer then fails rather than guess)
     */
    @Override
    public Map<TopicPartition, Long> load(Set<TopicPartition> partitions) throws SQLException {
        Map<TopicPartition, Long> stored = new HashMap<>();
        try (Connection c = database.connect(); PreparedStatement select = c.prepareStatement(
                "SELECT topic, partition_no, next_offset FROM kafka_offsets WHERE group_id = ?")) {
            select.setString(1, groupId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    TopicPartition tp = new TopicPartition(rs.getString(1), rs.getInt(2));
                    if (partitions.contains(tp)) {
                        stored.put(tp, rs.getLong(3));
                    }
                }
            }
        }
        return stored;
    }

    /**
     * Stores next offsets in the caller's transaction.
     *
     * @param c           the connection of the transaction that also writes the work
     * @param nextOffsets per partition, the offset of the last processed record plus one
     * @throws SQLException on a database error
     */
    public void save(Connection c, Map<TopicPartition, Long> nextOffsets) throws SQLException {
        try (PreparedStatement merge = c.prepareStatement("MERGE INTO kafka_offsets (group_id, topic, partition_no,"
                + " next_offset) KEY (group_id, topic, partition_no) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<TopicPartition, Long> e : nextOffsets.entrySet()) {
                merge.setString(1, groupId);
                merge.setString(2, e.getKey().topic());
                merge.setInt(3, e.getKey().partition());
                merge.setLong(4, e.getValue());
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    /**
     * Every stored next offset of this group.
     *
     * @return partition to next offset, sorted by topic and partition
     * @throws SQLException on a database error
     */
    public Map<TopicPartition, Long> all() throws SQLException {
        Map<TopicPartition, Long> stored = new TreeMap<>(
                Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        try (Connection c = database.connect(); PreparedStatement select = c.prepareStatement(
                "SELECT topic, partition_no, next_offset FROM kafka_offsets WHERE group_id = ?")) {
            select.setString(1, groupId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    stored.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                }
            }
        }
        return stored;
    }
}
