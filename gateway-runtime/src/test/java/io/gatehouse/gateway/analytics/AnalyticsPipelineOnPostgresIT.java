package io.gatehouse.gateway.analytics;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.gatehouse.testsupport.PostgresSchema;

/** On PostgreSQL (required: fails, never skips, when it is not reachable), where each batch is written by COPY. */
class AnalyticsPipelineOnPostgresIT extends AnalyticsPipelineContract {

    private static final List<PostgresSchema> SCHEMAS = new ArrayList<>();

    @Override
    DriverManagerDataSource freshDatabase() {
        PostgresSchema schema = PostgresSchema.create();
        SCHEMAS.add(schema);
        return new DriverManagerDataSource(schema.jdbcUrl(), PostgresSchema.USER, PostgresSchema.PASSWORD);
    }

    @AfterAll
    static void dropSchemas() {
        SCHEMAS.forEach(PostgresSchema::close);
    }
}
