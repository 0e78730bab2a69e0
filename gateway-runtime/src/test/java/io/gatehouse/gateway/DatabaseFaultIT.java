package io.gatehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.gatehouse.gateway.analytics.AnalyticsPipeline;
import io.gatehouse.testsupport.PostgresSchema;
import io.gatehouse.testsupport.TcpFaultProxy;

/**
 * The gateway on PostgreSQL, connected through a fault proxy, under steady traffic: while the database is cut off,
 * known keys keep getting 200 from the snapshot and analytics wait in the queue; once it is back, a key issued during
 * the outage works within about a second and every event is written.
 */
class DatabaseFaultIT {

    static PostgresSchema schema;
    static TcpFaultProxy proxy;
    static RunningGateway gateway;
    static GatewayFixture fixture;
    static JdbcTemplate direct;
    static EchoUpstream upstream;

    @BeforeAll
    static void start() {
        schema = PostgresSchema.create();
        Flyway.configure().dataSource(schema.jdbcUrl(), PostgresSchema.USER, PostgresSchema.PASSWORD).load().migrate();
        URI postgres = URI.create(PostgresSchema.URL.substring("jdbc:".length()));
        proxy = TcpFaultProxy.to(postgres.getPort() < 0 ? 5432 : postgres.getPort());
        String viaProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + postgres.getPath() + "?currentSchema="
                + schema.name();
        gateway = RunningGateway.start(viaProxy, PostgresSchema.USER, PostgresSchema.PASSWORD);
        direct = new JdbcTemplate(new DriverManagerDataSource(schema.jdbcUrl(), PostgresSchema.USER,
                PostgresSchema.PASSWORD));
        fixture = new GatewayFixture(direct);
        upstream = new EchoUpstream();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (upstream != null) {
            upstream.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void knownKeysKeepWorkingWhileTheDatabaseIsDownAndANewKeyWorksSoonAfterItReturns() throws Exception {
        long api = fixture.proxiedApi("/steady/v1", List.of(upstream.url("/base")));
        long consumer = fixture.consumer("steady-" + UUID.randomUUID() + "@example.com", "ACTIVE");
        long app = fixture.application(consumer, "Steady app");
        fixture.subscription(app, fixture.plan(api), api, "APPROVED");
        String known = fixture.key(app);
        publishAndAwait();

        String run = UUID.randomUUID().toString().substring(0, 8);
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean traffic = new AtomicBoolean(true);
        Thread client = new Thread(() -> {
            // Bounded: at most 20,000 calls, stopped by the test long before that.
            while (traffic.get() && sent.get() < 20_000) {
                HttpResponse<String> response = gateway.get("/steady/v1/items", "X-API-Key", known,
                        "X-Request-Id", run + "-" + sent.incrementAndGet());
                statuses.add(response.statusCode());
            }
        }, "steady-traffic");
        client.start();
        try {
            RunningGateway.await(() -> sent.get() >= 50, Duration.ofSeconds(10), "traffic before the fault");

            proxy.cut();
            RunningGateway.await(() -> gateway.health().contains("\"database\":\"DOWN\""), Duration.ofSeconds(10),
                    "the gateway to notice the database is gone");
            assertThat(gateway.health()).contains("\"status\":\"DEGRADED\"");
            int atCut = sent.get();
            RunningGateway.await(() -> sent.get() >= atCut + 200, Duration.ofSeconds(20), "traffic during the fault");

            String issuedDuringOutage = fixture.key(app);
            fixture.publishChanges();
            HttpResponse<String> unconfirmed = gateway.get("/steady/v1/items", "X-API-Key", issuedDuringOutage);
            assertThat(unconfirmed.statusCode()).as("a key the gateway cannot check while the database is away")
                    .isEqualTo(503);
            assertThat(unconfirmed.body()).contains("urn:gatehouse:problem:config-unavailable");
            assertThat(unconfirmed.headers().firstValue("Retry-After")).hasValue("1");

            long restored = System.nanoTime();
            proxy.restore();
            RunningGateway.await(() -> gateway.get("/steady/v1/items", "X-API-Key", issuedDuringOutage)
                    .statusCode() == 200, Duration.ofSeconds(5), "the new key to work");
            long newKeyMillis = (System.nanoTime() - restored) / 1_000_000;
            assertThat(newKeyMillis).as("ms from the database's return until the new key works")
                    .isLessThan(1500);
            int afterReturn = sent.get();
            RunningGateway.await(() -> sent.get() >= afterReturn + 50, Duration.ofSeconds(10),
                    "traffic after the fault");
        } finally {
            traffic.set(false);
            client.join(10_000);
        }

        assertThat(statuses).hasSize(sent.get()).allMatch(status -> status == 200);
        AnalyticsPipeline analytics = gateway.bean(AnalyticsPipeline.class);
        RunningGateway.await(() -> analytics.queued() == 0, Duration.ofSeconds(10), "the analytics queue to drain");
        assertThat(analytics.accepted()).isEqualTo(analytics.written() + analytics.dropped() + analytics.queued());
        assertThat(analytics.dropped()).isZero();
        assertThat(direct.queryForObject("select count(*) from analytics_event where request_id like ?", Integer.class,
                run + "-%")).as("events written for the steady traffic, the outage included").isEqualTo(sent.get());
    }

    private static void publishAndAwait() {
        fixture.publishChanges();
        gateway.awaitRevision(direct.queryForObject("select revision from config_revision where id = 1", Long.class));
    }
}
