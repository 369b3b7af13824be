package dev.kafkasdk.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens a new JDBC connection for the {@link JdbcOffsetStore}'s own reads ({@code load} on
 * assignment) and for {@link JdbcOffsetStore#createSchemaIfMissing()}. A {@code DataSource} fits as
 * {@code dataSource::getConnection}; so does {@code () -> DriverManager.getConnection(url)}.
 *
 * <p>Ownership: the store closes every connection it gets from here, as soon as the call that
 * opened it ends; it never closes the source itself. Threading: called on the consumer's poll
 * thread, and on whatever thread calls the store's own methods; must be thread-safe.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ConnectionSource {

    /**
     * Opens a connection that the caller (the store) closes.
     *
     * @return a new, or pooled, connection
     * @throws SQLException if no connection can be had
     */
    Connection open() throws SQLException;
}
