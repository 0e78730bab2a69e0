package io.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.gatehouse.core.analytics.AnalyticsProperties;
import io.gatehouse.core.analytics.EventPartitions;
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

    @Test
    void thePlatformsConnectionsDoNotJitCompileQueries() {
        assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
    }

    @Test
    void eventsArePartitionedByMonthAndRetentionDropsCountedMonthsWhole() {
        assertThat(jdbc.queryForObject("select count(*) from pg_partitioned_table p join pg_class c"
                + " on c.oid = p.partrelid where c.relname = 'analytics_event'"
                + " and c.relnamespace = current_schema()::regnamespace", Integer.class)).isEqualTo(1);
        String thisMonth = "analytics_event_" + DateTimeFormatter.ofPattern("yyyyMM")
                .withZone(ZoneOffset.UTC).format(Instant.now());
        assertThat(partitions()).contains(thisMonth, "analytics_event_default");

        jdbc.execute((ConnectionCallback<Void>) connection -> {
            EventPartitions.createAhead(connection, Instant.parse("2020-01-15T00:00:00Z"));
            return null;
        });
        assertThat(partitions()).contains("analytics_event_202001", "analytics_event_202002", "analytics_event_202003");
        oldEvent(Instant.parse("2020-02-10T12:00:00Z"));
        rollups.rollUpAll();
        oldEvent(Instant.parse("2020-03-10T12:00:00Z"));

        int deleted = rollups.forget(Instant.now(), new AnalyticsProperties(Duration.ofSeconds(2), Duration.ofDays(35),
                Duration.ofDays(3), Duration.ofDays(100), Duration.ofDays(800)));

        assertThat(deleted).isPositive();
        assertThat(partitions()).doesNotContain("analytics_event_202001", "analytics_event_202002")
                .as("a month with events not counted yet stays").contains("analytics_event_202003", thisMonth);
        assertThat(jdbc.queryForObject("select count(*) from analytics_event where occurred_at < ?", Integer.class,
                Timestamp.from(Instant.parse("2020-03-01T00:00:00Z")))).isZero();
        assertThat(jdbc.queryForObject("insert into analytics_event (occurred_at, request_id, method, path, status,"
                + " gateway_latency_us, bytes_in, bytes_out) values (current_timestamp, ?, 'GET', '/x', 200, 1, 0, 0)"
                + " returning id", Long.class, UUID.randomUUID().toString())).as("ids keep coming").isPositive();
    }

    private List<String> partitions() {
        return jdbc.queryForList("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                + " join pg_class p on p.oid = i.inhparent where p.relname = 'analytics_event'"
                + " and p.relnamespace = current_schema()::regnamespace", String.class);
    }

    private void oldEvent(Instant when) {
        jdbc.update("insert into analytics_event (occurred_at, request_id, api_id, method, path, status,"
                + " gateway_latency_us, bytes_in, bytes_out) values (?, ?, 424242, 'GET', '/x', 200, 100, 0, 0)",
                Timestamp.from(when), UUID.randomUUID().toString());
    }

    @AfterAll
    static void dropSchema() {
        SCHEMA.close();
    }
}
