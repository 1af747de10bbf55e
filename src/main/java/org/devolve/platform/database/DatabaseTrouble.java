package org.devolve.platform.database;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a failure of the database itself (down, restarting, unreachable, out of connections) from a bug:
 * the first is a 503 with {@code Retry-After}, the second a 500.
 */
public final class DatabaseTrouble {

    /** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, insufficient_resources. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300", "53000");

    private DatabaseTrouble() {}

    /**
     * Whether anything in the cause chain (or among the exceptions suppressed along it: a transaction whose commit
     * fails reports the resource's failure that way) says that the database cannot be reached or used just now.
     */
    public static boolean isOutage(Throwable failure) {
        return isOutage(failure, 0);
    }

    private static boolean isOutage(Throwable failure, int nesting) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 30; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (nesting < 3) {
                for (Throwable suppressed : t.getSuppressed()) {
                    if (isOutage(suppressed, nesting + 1)) {
                        return true;
                    }
                }
            }
            if (t instanceof javax.transaction.xa.XAException) {
                String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                if (message.contains("terminating connection")
                        || message.contains("connection has been closed")
                        || message.contains("connection refused")
                        || message.contains("i/o error")) {
                    return true;
                }
            }
            if (t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException
                    || t instanceof SocketTimeoutException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof org.postgresql.util.PSQLException p && isConnectionState(p.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException sql) {
                if (isConnectionState(sql.getSQLState())) {
                    return true;
                }
                String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
                if (message.contains("acquisition timeout")
                        || message.contains("connection has been closed")
                        || message.contains("this connection has been closed")
                        || message.contains("datasource") && message.contains("closed")) {
                    return true;
                }
            }
            if (t instanceof SocketException || t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || STATES.contains(state));
    }
}
