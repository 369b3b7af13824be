package dev.kafkasdk.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;

/** Adds the store's context to a driver's exception, keeping its SQL state, code and category. */
final class SqlErrors {

    private SqlErrors() {}

    /**
     * A new exception of the same JDBC category as {@code cause}, whose message is {@code what}, the
     * SQL state, the vendor code and the driver's message.
     *
     * @param what what the store was doing, naming group, topic, partition and table
     * @param cause the driver's exception, kept as the cause
     * @return the exception to throw
     */
    static SQLException wrap(String what, SQLException cause) {
        String state = cause.getSQLState();
        int code = cause.getErrorCode();
        String message = what + ": SQL state " + (state == null ? "(none)" : state) + ", vendor code " + code + ": "
                + cause.getMessage();
        if (cause instanceof SQLTransactionRollbackException) {
            return new SQLTransactionRollbackException(message, state, code, cause);
        }
        if (cause instanceof SQLTransientConnectionException) {
            return new SQLTransientConnectionException(message, state, code, cause);
        }
        if (cause instanceof SQLTransientException) {
            return new SQLTransientException(message, state, code, cause);
        }
        if (cause instanceof SQLIntegrityConstraintViolationException) {
            return new SQLIntegrityConstraintViolationException(message, state, code, cause);
        }
        if (cause instanceof SQLNonTransientConnectionException) {
            return new SQLNonTransientConnectionException(message, state, code, cause);
        }
        if (cause instanceof SQLRecoverableException) {
            return new SQLRecoverableException(message, state, code, cause);
        }
        return new SQLException(message, state, code, cause);
    }
}
