package dev.kafkasdk.examples;

import dev.kafkasdk.jdbc.JdbcDialect;
import dev.kafkasdk.jdbc.JdbcOffsetStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The examples' database: an {@code orders} table and sdk-jdbc's {@code kafka_offsets} table, reached through
 * plain JDBC. The examples use an embedded H2 database; any JDBC database with {@code MERGE} works.
 *
 * <p>Every write method takes the caller's {@link Connection} so that the caller decides where the
 * transaction ends. Thread-safe (it holds only the URL).
 */
public final class OrderDatabase {

    private final String jdbcUrl;

    /**
     * @param jdbcUrl the database, e.g. {@code jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1}
     */
    public OrderDatabase(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * An in-memory H2 database that lives until {@link #shutdown()} or the end of the JVM.
     *
     * @param name the database name, unique per run
     * @return the database
     */
    public static OrderDatabase inMemory(String name) {
        return new OrderDatabase("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    /** @return the JDBC URL */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * Opens a connection; the caller closes it.
     *
     * @return a new connection
     * @throws SQLException if the database cannot be reached
     */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "sa", "");
    }

    /**
     * Creates both tables if they are missing.
     *
     * @throws SQLException on a database error
     */
    public void createTables() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS orders (id VARCHAR(64) PRIMARY KEY, customer VARCHAR(64) NOT NULL,"
                    + " amount_cents BIGINT NOT NULL, kafka_topic VARCHAR(255) NOT NULL,"
                    + " kafka_partition INT NOT NULL, kafka_offset BIGINT NOT NULL)");
            s.execute(JdbcDialect.H2.createTableSql(JdbcOffsetStore.DEFAULT_TABLE)); // sdk-jdbc's table
        }
    }

    /**
     * Inserts the orders; a second insert of the same order fails on the primary key, which makes
     * duplicate deliveries visible.
     *
     * @param c       the caller's connection, inside its transaction
     * @param records the consumed orders
     * @return rows inserted
     * @throws SQLException on a database error, including a duplicate order
     */
    public int insert(Connection c, Iterable<ConsumerRecord<String, Order>> records) throws SQLException {
        return write(
                c,
                "INSERT INTO orders (id, customer, amount_cents, kafka_topic, kafka_partition, kafka_offset)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                records);
    }

    /**
     * Inserts or replaces the orders by id: an idempotent write, so a record delivered twice (at
     * least once delivery) leaves one row.
     *
     * @param c       the caller's connection, inside its transaction
     * @param records the consumed orders
     * @return rows written
     * @throws SQLException on a database error
     */
    public int upsert(Connection c, Iterable<ConsumerRecord<String, Order>> records) throws SQLException {
        return write(
                c,
                "MERGE INTO orders (id, customer, amount_cents, kafka_topic, kafka_partition, kafka_offset)"
                        + " KEY (id) VALUES (?, ?, ?, ?, ?, ?)",
                records);
    }

    private static int write(Connection c, String sql, Iterable<ConsumerRecord<String, Order>> records)
            throws SQLException {
        int rows = 0;
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (ConsumerRecord<String, Order> r : records) {
                Order order = r.value();
                insert.setString(1, order.id());
                insert.setString(2, order.customer());
                insert.setLong(3, order.amountCents());
                insert.setString(4, r.topic());
                insert.setInt(5, r.partition());
                insert.setLong(6, r.offset());
                insert.addBatch();
                rows++;
            }
            insert.executeBatch();
        }
        return rows;
    }

    /**
     * Runs a query returning one number, e.g. {@code SELECT COUNT(*) FROM orders}.
     *
     * @param sql the query
     * @return the number in the first column of the first row, 0 when there is no row or it is null
     * @throws SQLException on a database error
     */
    public long queryLong(String sql) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Closes an in-memory database and drops its data.
     *
     * @throws SQLException on a database error
     */
    public void shutdown() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }
}
