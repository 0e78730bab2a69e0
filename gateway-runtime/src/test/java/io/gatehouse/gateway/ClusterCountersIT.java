package io.gatehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.gatehouse.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Two gateway nodes sharing one database and the real Redis: a plan's limit holds for the cluster, not per node. Many
 * concurrent calls split over both nodes; exactly the plan's allowance reaches the upstream, the rest get 429.
 */
class ClusterCountersIT {

    static final String PREFIX = TestRedis.uniquePrefix();
    static final int CALLS = 240;

    static RunningGateway first;
    static RunningGateway second;
    static GatewayFixture fixture;
    static JdbcTemplate jdbc;
    static EchoUpstream upstream;
    static long apiId;

    @BeforeAll
    static void start() {
        TestRedis.require();
        String url = "jdbc:h2:mem:cluster-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        // Two nodes and 240 clients share two cores here: a generous timeout keeps a busy moment from counting as an
        // outage (RedisFaultIT covers the short one). Any fall-back would show in the bypass counter, asserted zero.
        String[] redis = {"--gatehouse.gateway.redis-url=" + TestRedis.url(),
            "--gatehouse.gateway.redis-key-prefix=" + PREFIX, "--gatehouse.gateway.redis-timeout=2s"};
        first = RunningGateway.start(url, "sa", "", redis);
        second = RunningGateway.start(url, "sa", "", redis);
        jdbc = new JdbcTemplate(first.bean(DataSource.class));
        fixture = new GatewayFixture(jdbc);
        upstream = new EchoUpstream();
        apiId = fixture.proxiedApi("/cluster/v1", List.of(upstream.url("/base")));
        for (RunningGateway node : List.of(first, second)) {
            assertThat(node.health()).contains("\"redis\":\"UP\"");
        }
    }

    @AfterAll
    static void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (upstream != null) {
            upstream.close();
        }
        RedisClient client = RedisClient.create(TestRedis.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = connection.sync().keys(PREFIX + "*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aDailyQuotaOfNLetsExactlyNCallsThroughAcrossBothNodes() {
        int quota = 25;
        String key = subscribedKey(fixture.limitedPlan(apiId, null, null, null, (long) quota, "DAY"));

        List<HttpResponse<String>> responses = callConcurrently(key);

        assertExactly(quota, responses, "quota-exhausted");
        for (HttpResponse<String> refused : refusals(responses)) {
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(1L, 86_400L);
            assertThat(refused.headers().firstValue("RateLimit").orElseThrow()).isEqualTo(
                    "\"quota\";r=0;t=" + refused.headers().firstValue("Retry-After").orElseThrow());
        }
    }

    @Test
    void aBurstOfNWithNegligibleRefillLetsExactlyNCallsThroughAcrossBothNodes() {
        int burst = 20;
        String key = subscribedKey(fixture.limitedPlan(apiId, 1, "MINUTE", burst, null, null));

        List<HttpResponse<String>> responses = callConcurrently(key);

        assertExactly(burst, responses, "rate-limited");
        for (HttpResponse<String> refused : refusals(responses)) {
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
            assertThat(refused.headers().firstValue("RateLimit").orElseThrow()).startsWith("\"rate\";r=0;t=");
        }
    }

    private static void assertExactly(int allowance, List<HttpResponse<String>> responses, String problem) {
        assertThat(responses).hasSize(CALLS);
        long passed = responses.stream().filter(r -> r.statusCode() == 200).count();
        assertThat(passed).as("calls let through by the two nodes together").isEqualTo(allowance);
        assertThat(upstream.requests.get()).as("calls that reached the upstream").isEqualTo(allowance);
        assertThat(refusals(responses)).hasSize(CALLS - allowance)
                .allSatisfy(r -> assertThat(r.body()).contains("urn:gatehouse:problem:" + problem));
        assertThat(first.metric("gatehouse_gateway_counter_bypass_total")
                + second.metric("gatehouse_gateway_counter_bypass_total")).isZero();
    }

    private static List<HttpResponse<String>> refusals(List<HttpResponse<String>> responses) {
        return responses.stream().filter(r -> r.statusCode() == 429).toList();
    }

    /** All calls at once, alternating between the nodes. */
    private static List<HttpResponse<String>> callConcurrently(String key) {
        upstream.requests.set(0);
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            pending.add((i % 2 == 0 ? first : second).getAsync("/cluster/v1/items/" + i, "X-API-Key", key));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    private static String subscribedKey(long planId) {
        long consumer = fixture.consumer("cluster-" + UUID.randomUUID() + "@example.com", "ACTIVE");
        long app = fixture.application(consumer, "Cluster app");
        fixture.subscription(app, planId, apiId, "APPROVED");
        String key = fixture.key(app);
        fixture.publishChanges();
        long revision = jdbc.queryForObject("select revision from config_revision where id = 1", Long.class);
        first.awaitRevision(revision);
        second.awaitRevision(revision);
        return key;
    }
}
