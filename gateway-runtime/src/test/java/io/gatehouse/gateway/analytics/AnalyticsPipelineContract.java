package io.gatehouse.gateway.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.gatehouse.gateway.GatewayProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The analytics queue and writer against a real database that can be switched off: H2, where events are inserted in
 * JDBC batches, and PostgreSQL, where each batch is one COPY.
 */
abstract class AnalyticsPipelineContract {

    private final SwitchableDataSource database = new SwitchableDataSource();
    private JdbcTemplate jdbc;

    /** An empty database of its own for each test. */
    abstract DriverManagerDataSource freshDatabase();

    @BeforeEach
    void migrate() {
        DriverManagerDataSource fresh = freshDatabase();
        Flyway.configure().dataSource(fresh).load().migrate();
        database.setTargetDataSource(fresh);
        jdbc = new JdbcTemplate(database);
    }

    @Test
    void eventsWaitWhileTheDatabaseIsDownAndAreWrittenWhenItReturns() {
        AnalyticsPipeline pipeline = pipeline(100);
        database.down = true;
        for (int i = 0; i < 25; i++) {
            pipeline.offer(event(i));
        }
        pipeline.flush();
        assertThat(pipeline.written()).isZero();
        assertThat(pipeline.queued()).isEqualTo(25);
        assertReconciles(pipeline);

        database.down = false;
        pipeline.flush();
        assertThat(pipeline.written()).isEqualTo(25);
        assertThat(pipeline.queued()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from analytics_event", Integer.class)).isEqualTo(25);
        assertReconciles(pipeline);
    }

    @Test
    void aBatchWhoseCommitWasStoredButWhoseAnswerWasLostIsNotStoredAgain() {
        AnalyticsPipeline pipeline = pipeline(100);
        for (int i = 0; i < 25; i++) {
            pipeline.offer(event(i));
        }
        database.commitAnswerLost = true;
        pipeline.flush();
        assertThat(pipeline.written()).isZero();
        assertThat(pipeline.queued()).isEqualTo(25);
        assertThat(storedEvents()).as("the first batch (7 events) is committed before its answer is lost")
                .isEqualTo(7);

        database.commitAnswerLost = false;
        pipeline.flush();
        assertThat(pipeline.written()).isEqualTo(25);
        assertThat(storedEvents()).isEqualTo(25);
        assertReconciles(pipeline);

        for (int i = 0; i < 5; i++) {
            pipeline.offer(event(i));
        }
        pipeline.flush();
        assertThat(storedEvents()).isEqualTo(30);
        assertThat(pipeline.written()).isEqualTo(30);
        assertReconciles(pipeline);
    }

    @Test
    void twoWritersOnOneDatabaseStoreEachOfTheirBatches() {
        AnalyticsPipeline first = pipeline(100);
        AnalyticsPipeline second = pipeline(100);
        first.offer(event(1));
        second.offer(event(2));
        first.flush();
        second.flush();
        first.offer(event(3));
        first.flush();
        assertThat(storedEvents()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from analytics_writer", Integer.class)).isEqualTo(2);
    }

    @Test
    void aFullQueueDropsNewEventsAndCountsThem() {
        AnalyticsPipeline pipeline = pipeline(10);
        database.down = true;
        for (int i = 0; i < 15; i++) {
            pipeline.offer(event(i));
        }
        assertThat(pipeline.accepted()).isEqualTo(15);
        assertThat(pipeline.dropped()).isEqualTo(5);
        assertReconciles(pipeline);
        database.down = false;
        pipeline.flush();
        assertThat(pipeline.written()).isEqualTo(10);
        assertReconciles(pipeline);
    }

    @Test
    void eachEventIsStoredWithItsFields() {
        AnalyticsPipeline pipeline = pipeline(10);
        pipeline.offer(new AnalyticsEvent(1_700_000_000_000L, "req-1", 7L, "listPets", 3L, 11L, 13L, 17L, "keyid",
                "GET", "/pets/v1/pets", 429, 250, null, 12, 345, InetAddress.getLoopbackAddress(), "rate-limited"));
        pipeline.flush();
        assertThat(jdbc.queryForMap("select api_id, operation, plan_id, application_id, subscription_id, consumer_id,"
                + " key_id, method, path, status, gateway_latency_us, upstream_latency_us, bytes_in, bytes_out,"
                + " client_address, rejection_reason from analytics_event where request_id = 'req-1'"))
                .containsEntry("operation", "listPets").containsEntry("status", 429)
                .containsEntry("rejection_reason", "rate-limited").containsEntry("upstream_latency_us", null)
                .containsEntry("key_id", "keyid").containsEntry("path", "/pets/v1/pets")
                .containsEntry("client_address", "127.0.0.1");
    }

    @Test
    void textWithTabsNewlinesBackslashesAndNulCharactersIsStoredAsSent() {
        AnalyticsPipeline pipeline = pipeline(10);
        String path = "/x/a\tb\nc\rd\\e\\N f\u00e9\u20ac" + "p".repeat(2100);
        pipeline.offer(new AnalyticsEvent(1_700_000_000_123L, "req-odd", null, "op\\N", null, null, null, null, null,
                "GET", path, 404, 7, null, 0, 90, null, "route-not-found"));
        pipeline.offer(new AnalyticsEvent(1_700_000_000_456L, "req-nul", 1L, null, null, null, null, null, null, "GET",
                "/nul\u0000here", 404, 7, null, 0, 90, InetAddress.getLoopbackAddress(), "route-not-found"));
        pipeline.flush();
        assertThat(pipeline.written()).isEqualTo(2);
        Map<String, Object> odd = jdbc.queryForMap("select api_id, operation, path, key_id, client_address,"
                + " status from analytics_event where request_id = 'req-odd'");
        assertThat(odd.get("path")).isEqualTo(path.substring(0, 2000));
        assertThat(odd).containsEntry("operation", "op\\N").containsEntry("api_id", null).containsEntry("key_id", null)
                .containsEntry("client_address", null);
        assertThat(jdbc.queryForObject("select occurred_at from analytics_event where request_id = 'req-odd'",
                Timestamp.class).toInstant()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        String nul = jdbc.queryForObject("select path from analytics_event where request_id = 'req-nul'", String.class);
        assertThat(nul).startsWith("/nul").endsWith("here").hasSize("/nul?here".length());
    }

    private int storedEvents() {
        return jdbc.queryForObject("select count(*) from analytics_event", Integer.class);
    }

    private static void assertReconciles(AnalyticsPipeline pipeline) {
        assertThat(pipeline.accepted()).isEqualTo(pipeline.written() + pipeline.dropped() + pipeline.queued());
    }

    private AnalyticsPipeline pipeline(int capacity) {
        GatewayProperties properties = new GatewayProperties("127.0.0.1", 0, 0, 1, "X-API-Key", "",
                Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(1), 4, capacity, 7,
                Duration.ofSeconds(60), Duration.ofSeconds(1), 5, Duration.ofSeconds(10), Duration.ofSeconds(10), "",
                Duration.ofMillis(50), "gatehouse:");
        return new AnalyticsPipeline(jdbc, properties, new SimpleMeterRegistry());
    }

    private static AnalyticsEvent event(int i) {
        return new AnalyticsEvent(System.currentTimeMillis(), "req-" + UUID.randomUUID(), 1L, null, null, null, null,
                null, null, "GET", "/x/" + i, 401, 100, null, 0, 90, InetAddress.getLoopbackAddress(), "api-key-missing");
    }

    /**
     * A database connection that fails, as a stopped database does, while {@code down} is set; while
     * {@code commitAnswerLost} is set, a commit takes effect and then fails, as when the connection breaks before the
     * database's answer arrives.
     */
    static final class SwitchableDataSource extends DelegatingDataSource {
        volatile boolean down;
        volatile boolean commitAnswerLost;

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("database stopped");
            }
            Connection connection = super.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                        Object result;
                        try {
                            result = method.invoke(connection, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (method.getName().equals("commit") && commitAnswerLost) {
                            throw new SQLException("connection reset after the commit was sent");
                        }
                        return result;
                    });
        }

    }
}
