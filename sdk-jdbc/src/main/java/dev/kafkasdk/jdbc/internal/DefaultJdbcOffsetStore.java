package dev.kafkasdk.jdbc.internal;

import dev.kafkasdk.jdbc.ConnectionSource;
import dev.kafkasdk.jdbc.JdbcDialect;
import dev.kafkasdk.jdbc.JdbcOffsetStore;
import dev.kafkasdk.jdbc.OffsetRegressionException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/** The {@link JdbcOffsetStore} behind {@link JdbcOffsetStore#builder}. Thread-safe. */
public final class DefaultJdbcOffsetStore implements JdbcOffsetStore {

    /** Topic, then partition: the order rows are written in, so concurrent writers lock alike. */
    private static final Comparator<TopicPartition> ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private final ConnectionSource connections;
    private final String groupId;
    private final TableName table;
    private volatile @Nullable OffsetSql sql;

    /**
     * Creates the store; opens no connection.
     *
     * @param connections the store's own connections
     * @param groupId the validated group id
     * @param table the validated table
     * @param dialect the dialect, or {@code null} to detect it from the first connection
     */
    public DefaultJdbcOffsetStore(
            ConnectionSource connections, String groupId, TableName table, @Nullable JdbcDialect dialect) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.table = Objects.requireNonNull(table, "table");
        this.sql = dialect == null ? null : new OffsetSql(dialect, table);
    }

    @Override
    public String groupId() {
        return groupId;
    }

    @Override
    public String table() {
        return table.sql();
    }

    @Override
    public Map<TopicPartition, Long> load(Set<TopicPartition> partitions) throws SQLException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        return withOwnConnection("load the offsets of " + describe(partitions), c -> load(c, partitions));
    }

    @Override
    public Map<TopicPartition, Long> load(Connection connection, Set<TopicPartition> partitions) throws SQLException {
        Map<TopicPartition, Long> stored = new HashMap<>();
        Set<String> topics = new TreeSet<>();
        partitions.forEach(p -> topics.add(p.topic()));
        for (String topic : topics) {
            try {
                OffsetSql statements = sql(connection);
                try (PreparedStatement select = connection.prepareStatement(statements.selectTopic())) {
                    select.setString(1, groupId);
                    select.setString(2, topic);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            TopicPartition partition = new TopicPartition(topic, rs.getInt(1));
                            if (partitions.contains(partition)) {
                                stored.put(partition, checked(partition, rs.getLong(2)));
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw SqlErrors.wrap(
                        "could not load the offsets of group '" + groupId + "', topic '" + topic + "' from table "
                                + table.sql(),
                        e);
            }
        }
        return stored;
    }

    @Override
    public Map<TopicPartition, Long> loadAll() throws SQLException {
        return withOwnConnection("load the offsets of group '" + groupId + "'", c -> {
            Map<TopicPartition, Long> stored = new TreeMap<>(ORDER);
            try (PreparedStatement select = c.prepareStatement(sql(c).selectGroup())) {
                select.setString(1, groupId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        TopicPartition partition = new TopicPartition(rs.getString(1), rs.getInt(2));
                        stored.put(partition, checked(partition, rs.getLong(3)));
                    }
                }
            } catch (SQLException e) {
                throw SqlErrors.wrap(
                        "could not load the offsets of group '" + groupId + "' from table " + table.sql(), e);
            }
            return stored;
        });
    }

    @Override
    public void save(Connection connection, Map<TopicPartition, Long> nextOffsets) throws SQLException {
        write(connection, nextOffsets, true);
    }

    @Override
    public void reset(Connection connection, Map<TopicPartition, Long> nextOffsets) throws SQLException {
        write(connection, nextOffsets, false);
    }

    @Override
    public void createSchemaIfMissing() throws SQLException {
        withOwnConnection("create table " + table.sql(), c -> {
            createSchemaIfMissing(c);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return null;
        });
    }

    @Override
    public void createSchemaIfMissing(Connection connection) throws SQLException {
        try {
            JdbcDialect dialect = sql(connection).dialect();
            // looked up first even where IF NOT EXISTS would do: in H2 (and MySQL, Oracle) any DDL
            // commits the caller's open transaction
            if (tableExists(connection)) {
                return;
            }
            try (Statement create = connection.createStatement()) {
                create.execute(dialect.createTableSql(table.sql()));
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap(
                    "could not create the offset table " + table.sql() + " for group '" + groupId + "'", e);
        }
    }

    @Override
    public String toString() {
        OffsetSql current = sql;
        return "JdbcOffsetStore[group=" + groupId + ", table=" + table.sql() + ", dialect="
                + (current == null ? "detected on first use" : current.dialect()) + "]";
    }

    private void write(Connection connection, Map<TopicPartition, Long> nextOffsets, boolean forwardOnly)
            throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Map<TopicPartition, Long> sorted = new TreeMap<>(ORDER);
        nextOffsets.forEach((partition, offset) -> sorted.put(validated(partition, offset), offset));
        if (sorted.isEmpty()) {
            return;
        }
        OffsetSql statements;
        try {
            statements = sql(connection);
        } catch (SQLException e) {
            throw SqlErrors.wrap("could not detect the SQL dialect to store the offsets of group '" + groupId + "'", e);
        }
        OffsetWriter writer = new OffsetWriter(connection, statements, groupId);
        for (Map.Entry<TopicPartition, Long> entry : sorted.entrySet()) {
            TopicPartition partition = entry.getKey();
            long offset = entry.getValue();
            Long higher;
            try {
                higher = forwardOnly ? writer.storeForward(partition, offset) : writer.store(partition, offset);
            } catch (SQLException e) {
                throw SqlErrors.wrap(
                        "could not store offset " + offset + " for group '" + groupId + "', topic '" + partition.topic()
                                + "', partition " + partition.partition() + " in table " + table.sql(),
                        e);
            }
            if (higher != null) {
                throw new OffsetRegressionException(groupId, partition, table.sql(), higher, offset);
            }
        }
    }

    private TopicPartition validated(TopicPartition partition, @Nullable Long offset) {
        Objects.requireNonNull(partition, "partition");
        String where = "group '" + groupId + "', topic '" + partition.topic() + "', partition " + partition.partition();
        if (partition.topic() == null || partition.topic().isEmpty()) {
            throw new IllegalArgumentException(
                    "topic: empty in an offset for group '" + groupId + "'; use the record's topic");
        }
        if (partition.partition() < 0) {
            throw new IllegalArgumentException("partition: " + partition.partition() + " is negative (" + where
                    + "); partitions are numbered from 0");
        }
        if (offset == null || offset < 0) {
            throw new IllegalArgumentException("next offset: " + offset + " for " + where
                    + " is not valid; use the last processed record's offset + 1 (0 or more)");
        }
        return partition;
    }

    private long checked(TopicPartition partition, long offset) throws SQLException {
        if (offset < 0) {
            throw new SQLException("table " + table.sql() + " holds the negative next offset " + offset + " for group '"
                    + groupId + "', topic '" + partition.topic() + "', partition " + partition.partition()
                    + "; fix or delete that row (reset(...) sets a valid one)");
        }
        return offset;
    }

    private boolean tableExists(Connection connection) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String[] parts = table.sql().split("\\.");
        String name = parts[parts.length - 1];
        // an unqualified name lives in the connection's current schema, not in any schema
        String current = parts.length == 2 ? null : currentSchema(connection);
        // unquoted names are stored upper case (H2, standard SQL), lower case (PostgreSQL) or as written
        for (int spelling = 0; spelling < 3; spelling++) {
            String schema = parts.length == 2 ? spelled(parts[0], spelling) : current;
            try (ResultSet rs = metadata.getTables(null, schema, spelled(name, spelling), null)) {
                while (rs.next()) {
                    if (rs.getString("TABLE_NAME").equalsIgnoreCase(name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static @Nullable String currentSchema(Connection connection) {
        try {
            return connection.getSchema();
        } catch (SQLException | AbstractMethodError | UnsupportedOperationException e) {
            return null; // drivers older than JDBC 4.1 or without schemas: search every schema
        }
    }

    private static String spelled(String identifier, int spelling) {
        return switch (spelling) {
            case 0 -> identifier;
            case 1 -> identifier.toUpperCase(Locale.ROOT);
            default -> identifier.toLowerCase(Locale.ROOT);
        };
    }

    private OffsetSql sql(Connection connection) throws SQLException {
        OffsetSql current = sql;
        if (current == null) {
            current = new OffsetSql(JdbcDialect.detect(connection), table);
            sql = current;
        }
        return current;
    }

    private <T> T withOwnConnection(String what, ConnectionWork<T> work) throws SQLException {
        Connection connection;
        try {
            connection = connections.open();
        } catch (SQLException e) {
            throw SqlErrors.wrap("could not open a connection to " + what, e);
        }
        try (connection) {
            boolean ownTransaction = !connection.getAutoCommit();
            T result;
            try {
                result = work.run(connection);
            } catch (SQLException | RuntimeException e) {
                if (ownTransaction) {
                    try {
                        connection.rollback();
                    } catch (SQLException rollback) {
                        e.addSuppressed(rollback);
                    }
                }
                throw e;
            }
            if (ownTransaction) {
                connection.rollback(); // ends the read; a write was committed by the work itself
            }
            return result;
        }
    }

    private String describe(Set<TopicPartition> partitions) {
        Set<String> topics = new TreeSet<>();
        partitions.forEach(p -> topics.add(p.topic()));
        return "group '" + groupId + "', topics " + topics;
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
