package io.gatehouse.gateway.snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The snapshot poller's own database connection, outside the pool. One thread polls, so it needs no pool; and after
 * a failure the next poll opens a new connection at once, where the pool's connection adder backs off for up to
 * 5 s between attempts: a key issued during an outage would wait that long after the database returned.
 */
final class PollerDataSource extends SingleConnectionDataSource {

    /** Bounds on PostgreSQL, in seconds: opening a connection, and waiting for an answer to a query. */
    private static final String CONNECT_TIMEOUT = "2";
    private static final String SOCKET_TIMEOUT = "10";

    PollerDataSource(String url, String username, String password) {
        super(url, username, password, true);
    }

    @Override
    protected Connection getConnectionFromDriverManager(String url, Properties properties) throws SQLException {
        if (url.startsWith("jdbc:postgresql:")) {
            properties.putIfAbsent("connectTimeout", CONNECT_TIMEOUT);
            properties.putIfAbsent("socketTimeout", SOCKET_TIMEOUT);
        }
        return super.getConnectionFromDriverManager(url, properties);
    }
}
