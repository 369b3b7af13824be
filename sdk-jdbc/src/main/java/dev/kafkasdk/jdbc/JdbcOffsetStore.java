package dev.kafkasdk.jdbc;

import dev.kafkasdk.consumer.OffsetStore;
import dev.kafkasdk.jdbc.internal.DefaultJdbcOffsetStore;
import dev.kafkasdk.jdbc.internal.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * A consumer group's offsets in a database table, for {@code CommitMode.external(store)}: the
 * handler {@link #save saves} the next offsets in the same JDBC transaction as its rows, and the
 * consumer {@link #load(Set) loads} them on every assignment and seeks there. Rows and position
 * commit or roll back together, so a record's effect is applied exactly once, whatever crashes.
 *
 * <pre>{@code
 * JdbcOffsetStore offsets = JdbcOffsetStore.builder(dataSource, "billing").build();
 * offsets.createSchemaIfMissing();
 * SdkConsumer.builder(settings, keySerde, valueSerde)
 *     .subscribe("orders")
 *     .commitMode(CommitMode.external(offsets))
 *     .batchHandler(batch -> {
 *       try (Connection c = dataSource.getConnection()) {
 *         c.setAutoCommit(false);
 *         insertRows(c, batch.records());
 *         offsets.save(c, batch.nextOffsets());   // same transaction
 *         c.commit();
 *       }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>The table (see {@link JdbcDialect} for its DDL) holds one row per group, topic and partition
 * with Kafka's "next offset to read": the last processed offset plus one. {@link #save} never moves
 * a stored offset backwards: a lower offset fails with {@link OffsetRegressionException}, which
 * means the transaction is stale and must roll back. The SQL dialect is the one given to the
 * builder, or detected from the first connection the store sees.
 *
 * <p>Threading: thread-safe; one store may serve many consumers of its group. It keeps no
 * connection between calls. Ownership: it never closes, commits, rolls back or changes the
 * auto-commit mode of a {@link Connection} passed in, and never closes the {@link DataSource} or
 * {@link ConnectionSource}; it closes the connections it opens itself before the call returns.
 *
 * <p>Errors are {@link SQLException}s whose message names the group, topic, partition (when one is
 * concerned), table and the database's SQL state, with the driver's exception as the cause; the SQL
 * state, vendor code and the JDBC category (transient, rollback, integrity) are kept.
 *
 * @since 0.1
 */
public interface JdbcOffsetStore extends OffsetStore {

    /** The default table name. */
    String DEFAULT_TABLE = "kafka_offsets";

    /** The longest group id the table's {@code group_id VARCHAR(255)} column holds. */
    int MAX_GROUP_ID_LENGTH = 255;

    /**
     * Starts a store whose own reads go through a {@link DataSource}.
     *
     * @param dataSource where {@link #load(Set)} and {@link #createSchemaIfMissing()} get connections;
     *     never closed by the store
     * @param groupId the consumer group whose offsets these are
     * @return a builder
     */
    static Builder builder(DataSource dataSource, String groupId) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new Builder(dataSource::getConnection, groupId);
    }

    /**
     * Starts a store whose own reads go through a {@link ConnectionSource}, e.g. {@code () ->
     * DriverManager.getConnection(url)}.
     *
     * @param connections where {@link #load(Set)} and {@link #createSchemaIfMissing()} get connections
     * @param groupId the consumer group whose offsets these are
     * @return a builder
     */
    static Builder builder(ConnectionSource connections, String groupId) {
        return new Builder(Objects.requireNonNull(connections, "connections"), groupId);
    }

    /**
     * The consumer group whose offsets this store reads and writes.
     *
     * @return the group id
     */
    String groupId();

    /**
     * The table, as it appears in SQL.
     *
     * @return the validated table name
     */
    String table();

    /**
     * The stored next offsets of the given partitions; the consumer calls it on its poll thread on every
     * assignment. Opens a connection from the store's source and closes it before returning.
     *
     * @param partitions the partitions just assigned
     * @return the stored next offset of each partition that has one
     * @throws SQLException if the table cannot be read, naming group, topics and SQL state (the consumer
     *     then fails rather than read from an unknown position)
     */
    @Override
    Map<TopicPartition, Long> load(Set<TopicPartition> partitions) throws SQLException;

    /**
     * The stored next offsets of the given partitions, read through the caller's connection (inside
     * its transaction, if one is open).
     *
     * @param connection the caller's connection; not closed, committed or rolled back
     * @param partitions the partitions to read
     * @return the stored next offset of each partition that has one
     * @throws SQLException if the table cannot be read
     */
    Map<TopicPartition, Long> load(Connection connection, Set<TopicPartition> partitions) throws SQLException;

    /**
     * Every stored next offset of this group, sorted by topic and partition. Opens and closes its own
     * connection.
     *
     * @return partition to next offset
     * @throws SQLException if the table cannot be read
     */
    Map<TopicPartition, Long> loadAll() throws SQLException;

    /**
     * Stores next offsets in the caller's transaction: inserts a partition's row, or raises its
     * offset. Call it in the transaction that writes the work, before committing.
     *
     * @param connection the caller's connection, normally with auto-commit off; not closed, committed
     *     or rolled back
     * @param nextOffsets per partition, the last processed offset plus one (e.g. {@code
     *     ConsumerBatch.nextOffsets()}); an empty map does nothing
     * @throws OffsetRegressionException if a stored offset is higher than the one given: the
     *     transaction is stale, roll it back
     * @throws IllegalArgumentException if an offset or partition is negative or a topic is empty
     * @throws SQLException on a database error, naming group, topic, partition and SQL state
     */
    void save(Connection connection, Map<TopicPartition, Long> nextOffsets) throws SQLException;

    /**
     * Stores next offsets unconditionally, backwards too: for a deliberate replay or repair while no
     * consumer of the group runs. Does not commit.
     *
     * @param connection the caller's connection; not closed, committed or rolled back
     * @param nextOffsets per partition, the next offset to read
     * @throws IllegalArgumentException if an offset or partition is negative or a topic is empty
     * @throws SQLException on a database error, naming group, topic, partition and SQL state
     */
    void reset(Connection connection, Map<TopicPartition, Long> nextOffsets) throws SQLException;

    /**
     * Creates the table if it does not exist, on a connection of the store's own and commits that if it
     * is not in auto-commit mode. Safe to call on every start. The DDL is {@link
     * JdbcDialect#createTableSql(String)}; for {@link JdbcDialect#GENERIC} the store first looks the
     * table up in the database metadata. Teams that manage schemas with a migration tool run the DDL
     * there instead.
     *
     * @throws SQLException if the table cannot be created, naming table and SQL state
     */
    void createSchemaIfMissing() throws SQLException;

    /**
     * Creates the table if it does not exist, through the caller's connection, without committing.
     *
     * @param connection the caller's connection; not closed, committed or rolled back
     * @throws SQLException if the table cannot be created, naming table and SQL state
     */
    void createSchemaIfMissing(Connection connection) throws SQLException;

    /**
     * Builds a {@link JdbcOffsetStore}. Not thread-safe; {@link #build()} may be called more than once.
     *
     * @since 0.1
     */
    final class Builder {
        private final ConnectionSource connections;
        private final String groupId;
        private String table = DEFAULT_TABLE;
        private @Nullable JdbcDialect dialect;

        private Builder(ConnectionSource connections, String groupId) {
            this.connections = connections;
            this.groupId = Objects.requireNonNull(groupId, "groupId");
        }

        /**
         * The table to use, {@value JdbcOffsetStore#DEFAULT_TABLE} by default. It goes into SQL as is, so
         * only plain identifiers are accepted (checked by {@link #build()}).
         *
         * @param table letters, digits and {@code _}, starting with a letter or {@code _}, at most 63
         *     characters, optionally {@code schema.table}
         * @return this builder
         */
        public Builder table(String table) {
            this.table = Objects.requireNonNull(table, "table");
            return this;
        }

        /**
         * The SQL dialect; by default detected from the first connection the store sees ({@link
         * JdbcDialect#detect}).
         *
         * @param dialect the dialect
         * @return this builder
         */
        public Builder dialect(JdbcDialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Validates the settings and builds the store. Opens no connection.
         *
         * @return the store
         * @throws IllegalArgumentException naming every bad setting (group id, table), its value and what
         *     is valid
         */
        public JdbcOffsetStore build() {
            List<String> problems = new ArrayList<>();
            if (groupId.isBlank()) {
                problems.add("groupId: '" + groupId + "' is blank; use the consumer's group.id");
            } else if (groupId.length() > MAX_GROUP_ID_LENGTH) {
                problems.add("groupId: " + groupId.length()
                        + " characters is too long for the group_id column; use at most " + MAX_GROUP_ID_LENGTH);
            }
            String tableProblem = TableName.problem(table);
            if (tableProblem != null) {
                problems.add(tableProblem);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid JdbcOffsetStore settings: " + String.join("; ", problems));
            }
            return new DefaultJdbcOffsetStore(connections, groupId, TableName.of(table), dialect);
        }
    }
}
