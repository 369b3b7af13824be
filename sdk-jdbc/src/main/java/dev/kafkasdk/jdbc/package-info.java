/**
 * Consumed offsets in a relational database, written in the same JDBC transaction as the
 * application's rows: {@link dev.kafkasdk.jdbc.JdbcOffsetStore}, for
 * {@code CommitMode.external(store)}.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.jdbc;

import org.jspecify.annotations.NullMarked;
