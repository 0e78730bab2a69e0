package io.gatehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.gatehouse.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Quota usage survives a gateway restart: a new gateway on the same database (and Redis) continues the count where the
 * stopped one left it, in memory (seeded from the analytics events) and in Redis alike.
 */
class QuotaRestartIT {

    private static final int QUOTA = 10;
    private static final int BEFORE_RESTART = 4;

    @Test
    void withoutRedisTheUsageIsRestoredFromTheAnalyticsEvents() {
        restartKeepsUsage();
    }

    @Test
    void withRedisTheUsageLivesInRedis() {
        TestRedis.require();
        String prefix = TestRedis.uniquePrefix();
        RedisClient client = RedisClient.create(TestRedis.url());
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            restartKeepsUsage("--gatehouse.gateway.redis-url=" + TestRedis.url(),
                    "--gatehouse.gateway.redis-key-prefix=" + prefix);
            List<String> keys = redis.sync().keys(prefix + "*");
            assertThat(keys).hasSize(1);
            assertThat(redis.sync().get(keys.get(0))).isEqualTo(Integer.toString(QUOTA));
            assertThat(redis.sync().pttl(keys.get(0))).as("ms until the counter expires").isPositive()
                    .isLessThanOrEqualTo((86_400L + 600) * 1000);
            redis.sync().del(keys.toArray(String[]::new));
        } finally {
            client.shutdown();
        }
    }

    private static void restartKeepsUsage(String... settings) {
        String url = "jdbc:h2:mem:restart-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        String key;
        List<String> remaining = new ArrayList<>();
        try (EchoUpstream upstream = new EchoUpstream()) {
            try (RunningGateway gateway = RunningGateway.start(url, "sa", "", settings)) {
                JdbcTemplate jdbc = new JdbcTemplate(gateway.bean(DataSource.class));
                GatewayFixture fixture = new GatewayFixture(jdbc);
                long api = fixture.proxiedApi("/restart/v1", List.of(upstream.url("/base")));
                long app = fixture.application(fixture.consumer("restart-" + UUID.randomUUID() + "@example.com",
                        "ACTIVE"), "Restart app");
                fixture.subscription(app, fixture.limitedPlan(api, null, null, null, (long) QUOTA, "DAY"), api,
                        "APPROVED");
                key = fixture.key(app);
                fixture.publishChanges();
                gateway.awaitRevision(jdbc.queryForObject("select revision from config_revision where id = 1",
                        Long.class));
                for (int i = 0; i < BEFORE_RESTART; i++) {
                    remaining.add(quotaRemaining(gateway.get("/restart/v1/items", "X-API-Key", key)));
                }
            }
            try (RunningGateway restarted = RunningGateway.start(url, "sa", "", settings)) {
                restarted.awaitRevision(1);
                for (int i = BEFORE_RESTART; i < QUOTA; i++) {
                    remaining.add(quotaRemaining(restarted.get("/restart/v1/items", "X-API-Key", key)));
                }
                HttpResponse<String> refused = restarted.get("/restart/v1/items", "X-API-Key", key);
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(refused.body()).contains("quota-exhausted");
            }
            assertThat(upstream.requests.get()).isEqualTo(QUOTA);
        }
        assertThat(remaining).containsExactly("9", "8", "7", "6", "5", "4", "3", "2", "1", "0");
    }

    private static String quotaRemaining(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String state = response.headers().firstValue("RateLimit").orElseThrow();
        return state.substring(state.indexOf("r=") + 2, state.indexOf(";t="));
    }
}
