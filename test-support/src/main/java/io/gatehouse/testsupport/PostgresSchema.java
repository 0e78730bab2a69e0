package io.gatehouse.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throwaway schema in the test PostgreSQL, so test classes and parallel runs never see each other's rows.
 * PostgreSQL is required: when it is unreachable this fails the test instead of skipping it.
 */
public final class PostgresSchema implements AutoCloseable {

    public static final String URL = env("GATEHOUSE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("GATEHOUSE_TEST_POSTGRES_USER", "postgres");
    public static final String PASSWORD = env("GATEHOUSE_TEST_POSTGRES_PASSWORD", "");

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    public static PostgresSchema create() {
        String name = "gh_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("create schema " + name);
        return new PostgresSchema(name);
    }

    public String name() {
        return name;
    }

    /** A JDBC URL whose connections use only this schema. */
    public String jdbcUrl() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @Override
    public void close() {
        execute("drop schema if exists " + name + " cascade");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is required for this test and is not usable at " + URL
                    + " (set GATEHOUSE_TEST_POSTGRES_URL): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
