package io.gatehouse.core;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.gatehouse.testsupport.PostgresSchema;

/** The persistence contract on PostgreSQL (required: fails, never skips, when it is not reachable). */
class PersistenceOnPostgresIT extends PersistenceContract {

    static final PostgresSchema SCHEMA = PostgresSchema.create();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", SCHEMA::jdbcUrl);
        registry.add("spring.datasource.username", () -> PostgresSchema.USER);
        registry.add("spring.datasource.password", () -> PostgresSchema.PASSWORD);
        registry.add("spring.flyway.schemas", SCHEMA::name);
    }

    @AfterAll
    static void dropSchema() {
        SCHEMA.close();
    }
}
