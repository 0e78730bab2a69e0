package io.gatehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.gatehouse.testsupport.TcpFaultProxy;
import io.gatehouse.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Redis reached through a fault proxy that can be cut, hung or slowed: requests keep succeeding on this node's
 * counters (fail open), each fall-back is counted, none waits longer than the command timeout, and counting returns
 * to Redis once it answers again.
 */
class RedisFaultIT {

    static final String PREFIX = TestRedis.uniquePrefix();
    static final long TIMEOUT_MILLIS = 50;
    /** Scheduling on a shared two-core machine; still far below Lettuce's default of 60 s. */
    static final long MARGIN_MILLIS = 250;
    static final int DURING_FAULT = 30;

    static TcpFaultProxy proxy;
    static RunningGateway gateway;
    static GatewayFixture fixture;
    static JdbcTemplate jdbc;
    static EchoUpstream upstream;
    static RedisClient redisClient;
    static StatefulRedisConnection<String, String> redis;
    static long apiId;

    @BeforeAll
    static void start() {
        TestRedis.require();
        proxy = TcpFaultProxy.to(TestRedis.PORT);
        String url = "jdbc:h2:mem:redis-fault-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        gateway = RunningGateway.start(url, "sa", "", "--gatehouse.gateway.redis-url=redis://127.0.0.1:" + proxy.port(),
                "--gatehouse.gateway.redis-key-prefix=" + PREFIX,
                "--gatehouse.gateway.redis-timeout=" + TIMEOUT_MILLIS + "ms");
        jdbc = new JdbcTemplate(gateway.bean(DataSource.class));
        fixture = new GatewayFixture(jdbc);
        upstream = new EchoUpstream();
        apiId = fixture.proxiedApi("/faults/v1", List.of(upstream.url("/base")));
        redisClient = RedisClient.create(TestRedis.url());
        redis = redisClient.connect();
        // A cold gateway's first Redis commands can outlast the 50 ms timeout on a slow machine and fall back to
        // local counting; warm the path up until a run of calls counts in Redis alone, so every test starts there.
        String warmUp = subscribedKey();
        RunningGateway.await(() -> {
            awaitRedis("UP");
            double bypassed = gateway.metric("gatehouse_gateway_counter_bypass_total");
            callAll(warmUp, 20);
            return gateway.metric("gatehouse_gateway_counter_bypass_total") == bypassed;
        }, Duration.ofSeconds(30), "20 calls in a row counted in Redis");
    }

    @AfterEach
    void restore() {
        proxy.restore();
        awaitRedis("UP");
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
        if (redis != null) {
            List<String> keys = redis.sync().keys(PREFIX + "*");
            if (!keys.isEmpty()) {
                redis.sync().del(keys.toArray(String[]::new));
            }
            redis.close();
            redisClient.shutdown();
        }
    }

    @Test
    void redisCutOffFailsOpenCountsEveryBypassAndCountingReturnsWhenItIsBack() {
        // Connections reset: commands fail at once, or within the timeout for one already on the wire.
        faultAndRecovery(TcpFaultProxy::cut, 0);
    }

    @Test
    void aHangingRedisCostsOneTimeoutNotOnePerRequest() {
        // The command that meets the hang reaches Redis late, when the proxy forwards again, and is counted there
        // too: a fall-back errs towards counting a request twice, never towards losing it.
        faultAndRecovery(TcpFaultProxy::hang, 1);
    }

    @Test
    void aSlowRedisIsTreatedAsDown() {
        faultAndRecovery(p -> p.delay(Duration.ofMillis(400)), 1);
    }

    /**
     * Ten calls counted in Redis, {@link #DURING_FAULT} calls during the fault (all 200, all bypasses, none slower
     * than timeout + margin, Redis's count unchanged), then, once the proxy forwards again, ten more counted in Redis.
     */
    private void faultAndRecovery(Consumer<TcpFaultProxy> fault, int lateArrivals) {
        String key = subscribedKey();
        long subscription = jdbc.queryForObject("select s.id from subscription s join api_key k on"
                + " k.application_id = s.application_id where k.key_id = ?", Long.class,
                io.gatehouse.core.apikey.ApiKeyFormat.parse(key).keyId());
        String quotaKey = PREFIX + "{" + subscription + "}:quota:"
                + Instant.now().truncatedTo(ChronoUnit.DAYS).getEpochSecond();

        callAll(key, 10);
        assertThat(redis.sync().get(quotaKey)).isEqualTo("10");
        double bypassBefore = gateway.metric("gatehouse_gateway_counter_bypass_total");

        fault.accept(proxy);
        long slowest = callAll(key, DURING_FAULT);
        assertThat(slowest).as("slowest call during the fault, ms").isLessThan(TIMEOUT_MILLIS + MARGIN_MILLIS);
        assertThat(gateway.metric("gatehouse_gateway_counter_bypass_total") - bypassBefore)
                .as("bypasses counted").isEqualTo(DURING_FAULT);
        assertThat(gateway.health()).contains("\"status\":\"DEGRADED\"", "\"redis\":\"DOWN\"");
        assertThat(redis.sync().get(quotaKey)).isEqualTo("10");

        long restored = System.nanoTime();
        proxy.restore();
        awaitRedis("UP");
        long recoveryMillis = (System.nanoTime() - restored) / 1_000_000;
        assertThat(recoveryMillis).as("time until Redis counts again, ms").isLessThan(2000);
        assertThat(gateway.health()).contains("\"status\":\"UP\"", "\"redis\":\"UP\"");

        double bypassAfter = gateway.metric("gatehouse_gateway_counter_bypass_total");
        callAll(key, 10);
        assertThat(redis.sync().get(quotaKey)).isEqualTo(Integer.toString(20 + lateArrivals));
        assertThat(gateway.metric("gatehouse_gateway_counter_bypass_total")).isEqualTo(bypassAfter);
    }

    /** Calls one after the other, each must pass; returns the slowest call's time in ms. */
    private static long callAll(String key, int calls) {
        long slowest = 0;
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = gateway.get("/faults/v1/items", "X-API-Key", key);
            slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("RateLimit").orElseThrow()).startsWith("\"quota\";r=");
        }
        return slowest;
    }

    private static void awaitRedis(String state) {
        RunningGateway.await(() -> gateway.health().contains("\"redis\":\"" + state + "\""), Duration.ofSeconds(5),
                "Redis " + state);
    }

    private static String subscribedKey() {
        long consumer = fixture.consumer("faults-" + UUID.randomUUID() + "@example.com", "ACTIVE");
        long app = fixture.application(consumer, "Fault app");
        fixture.subscription(app, fixture.limitedPlan(apiId, null, null, null, 100_000L, "DAY"), apiId, "APPROVED");
        String key = fixture.key(app);
        fixture.publishChanges();
        gateway.awaitRevision(jdbc.queryForObject("select revision from config_revision where id = 1", Long.class));
        return key;
    }
}
