package io.gatehouse.gateway;

import static io.gatehouse.gateway.TestGateway.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow, down, flapping and half-dead upstreams against a gateway on real loopback ports: per-Api timeouts, the
 * circuit breaker (threshold 3, open 1.5 s), retries that never repeat a POST, isolation between Apis, and the
 * per-Api metrics that show all of it.
 */
class UpstreamResilienceIT {

    private static final long OPEN_MILLIS = 1500;
    static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway("upstream-timeout=3s", "upstream-connect-timeout=2s",
                "circuit-failure-threshold=3", "circuit-failure-window=10s", "circuit-open-duration=" + OPEN_MILLIS + "ms");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aSlowUpstreamGets504AtTheApisOwnResponseTimeoutNotTheGatewayDefault() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream()) {
            upstream.mode = ScriptedUpstream.Mode.DELAY;
            upstream.delayMillis = 1200;
            gateway.api("/hasty/v1", List.of(upstream.url()), null, 400);
            gateway.api("/patient/v1", List.of(upstream.url()), null, null);

            long started = System.nanoTime();
            HttpResponse<String> hasty = gateway.get("/hasty/v1/report");
            long hastyMillis = elapsedMillis(started);
            assertProblem(hasty, 504, "upstream-timeout");
            assertThat(hastyMillis).as("504 after the Api's 400 ms").isBetween(400L, 900L);

            // The same upstream within the gateway's default (3 s) answers.
            started = System.nanoTime();
            HttpResponse<String> patient = gateway.get("/patient/v1/report");
            assertThat(patient.statusCode()).isEqualTo(200);
            assertThat(patient.body()).isEqualTo("late");
            assertThat(elapsedMillis(started)).isBetween(1200L, 2900L);
        }
    }

    @Test
    void aDownUpstreamGives502ThenAFast503CircuitOpenWithRetryAfterWithoutReachingIt() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream()) {
            upstream.stop();
            gateway.api("/down/v1", List.of(upstream.url()), null, null);
            for (int i = 0; i < 3; i++) {
                assertProblem(gateway.get("/down/v1/orders"), 502, "upstream-unavailable");
            }
            // Back on its port: a request that got through would now be counted.
            upstream.restart();
            long started = System.nanoTime();
            HttpResponse<String> open = gateway.get("/down/v1/orders");
            long openMillis = elapsedMillis(started);
            assertProblem(open, 503, "circuit-open");
            assertThat(open.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(openMillis).isLessThan(300L);
            assertProblem(gateway.post("/down/v1/orders"), 503, "circuit-open");
            assertThat(upstream.requests.get()).isZero();
            assertThat(gateway.metric("gatehouse_gateway_circuit_state", "api=\"/down/v1\"")).isEqualTo(1.0);
        }
    }

    @Test
    void aFlappingUpstreamOpensTheBreakerAndATrialClosesItOnceTheOpenDurationHasPassed() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream()) {
            gateway.api("/flap/v1", List.of(upstream.url()), null, null);
            assertThat(gateway.get("/flap/v1/a").statusCode()).isEqualTo(200);
            upstream.stop();
            for (int i = 0; i < 3; i++) {
                assertProblem(gateway.get("/flap/v1/a"), 502, "upstream-unavailable");
            }
            long opened = System.nanoTime();
            // The third failure is counted as its exchange completes, which may be just after its answer arrived.
            long counted = opened + TimeUnit.MILLISECONDS.toNanos(500);
            while (gateway.metric("gatehouse_gateway_circuit_state", "api=\"/flap/v1\"") != 1.0
                    && System.nanoTime() < counted) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            assertThat(gateway.metric("gatehouse_gateway_circuit_state", "api=\"/flap/v1\"")).as("open")
                    .isEqualTo(1.0);
            upstream.restart();
            int before = upstream.requests.get();

            List<Integer> statuses = new ArrayList<>();
            int status = 0;
            long deadline = opened + TimeUnit.SECONDS.toNanos(5);
            while (status != 200 && System.nanoTime() < deadline) {
                status = gateway.get("/flap/v1/a").statusCode();
                statuses.add(status);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
            long recoveredMillis = elapsedMillis(opened);
            assertThat(status).isEqualTo(200);
            assertThat(statuses.subList(0, statuses.size() - 1)).isNotEmpty().containsOnly(503);
            assertThat(recoveredMillis).isBetween(OPEN_MILLIS, OPEN_MILLIS + 1000);
            assertThat(upstream.requests.get() - before).as("only the trial reached the upstream").isEqualTo(1);
            assertThat(gateway.metric("gatehouse_gateway_circuit_state", "api=\"/flap/v1\"")).isEqualTo(0.0);
            for (int i = 0; i < 5; i++) {
                assertThat(gateway.get("/flap/v1/a").statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void aPostIsSentExactlyOnceToAnUpstreamThatDropsTheConnectionWhileAGetIsTriedTwice() throws Exception {
        try (ScriptedUpstream first = new ScriptedUpstream(); ScriptedUpstream second = new ScriptedUpstream()) {
            first.mode = ScriptedUpstream.Mode.DROP;
            second.mode = ScriptedUpstream.Mode.DROP;
            gateway.api("/drop/v1", List.of(first.url(), second.url()), null, null);

            assertProblem(gateway.post("/drop/v1/payments"), 502, "upstream-unavailable");
            assertThat(first.posts.get() + second.posts.get()).isEqualTo(1);

            assertProblem(gateway.get("/drop/v1/payments"), 502, "upstream-unavailable");
            assertThat(first.gets.get() + second.gets.get()).isEqualTo(2);
        }
    }

    @Test
    void withOneOfTwoTargetsDeadEveryRequestIsServedByTheLiveOne() throws Exception {
        try (ScriptedUpstream live = new ScriptedUpstream()) {
            String dead = "http://127.0.0.1:" + closedPort();
            gateway.api("/pair/v1", List.of(dead, live.url()), null, null);
            for (int i = 0; i < 10; i++) {
                assertThat(gateway.get("/pair/v1/items").statusCode()).isEqualTo(200);
                assertThat(gateway.post("/pair/v1/items").statusCode()).isEqualTo(200);
            }
            assertThat(live.gets.get()).isEqualTo(10);
            assertThat(live.posts.get()).isEqualTo(10);
            assertThat(gateway.metric("gatehouse_gateway_circuit_state", "api=\"/pair/v1\"",
                    "target=\"" + live.url() + "\"")).isEqualTo(0.0);
        }
    }

    @Test
    void requestsWaitingOnASlowApiDoNotDelayAnotherApi() throws Exception {
        try (ScriptedUpstream slow = new ScriptedUpstream(); ScriptedUpstream fast = new ScriptedUpstream()) {
            slow.mode = ScriptedUpstream.Mode.DELAY;
            slow.delayMillis = 2000;
            gateway.api("/sluggish/v1", List.of(slow.url()), null, 2500);
            gateway.api("/brisk/v1", List.of(fast.url()), null, null);

            List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                waiting.add(TestGateway.HTTP.sendAsync(HttpRequest.newBuilder(
                        URI.create(gateway.base + "/sluggish/v1/report")).header("X-API-Key", gateway.key)
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (slow.requests.get() < 40 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            assertThat(slow.requests.get()).as("all slow requests in flight").isEqualTo(40);

            long slowest = 0;
            for (int i = 0; i < 20; i++) {
                long started = System.nanoTime();
                assertThat(gateway.get("/brisk/v1/ping").statusCode()).isEqualTo(200);
                slowest = Math.max(slowest, elapsedMillis(started));
            }
            assertThat(waiting.stream().filter(CompletableFuture::isDone).count()).as("slow ones still waiting")
                    .isZero();
            assertThat(slowest).isLessThan(250L);
            for (CompletableFuture<HttpResponse<String>> response : waiting) {
                assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void metricsCountEachApisRequestsByStatusClassAndTimeTheUpstream() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream()) {
            gateway.api("/counted/v1", List.of(upstream.url()), null, null);
            for (int i = 0; i < 4; i++) {
                assertThat(gateway.get("/counted/v1/things").statusCode()).isEqualTo(200);
            }
            assertThat(TestGateway.send(HttpRequest.newBuilder(URI.create(gateway.base + "/counted/v1/things"))
                    .build()).statusCode()).isEqualTo(401);

            String api = "api=\"/counted/v1\"";
            assertThat(gateway.metric("gatehouse_gateway_api_requests_total", api, "status=\"2xx\"")).isEqualTo(4.0);
            assertThat(gateway.metric("gatehouse_gateway_api_requests_total", api, "status=\"4xx\"")).isEqualTo(1.0);
            assertThat(gateway.metric("gatehouse_gateway_api_requests_total", api, "status=\"5xx\"")).isEqualTo(0.0);
            assertThat(gateway.metric("gatehouse_gateway_upstream_latency_seconds_count", api)).isEqualTo(4.0);
            assertThat(gateway.metric("gatehouse_gateway_upstream_latency_seconds_bucket", api, "le=\"30.0\""))
                    .isEqualTo(4.0);
            assertThat(gateway.metric("gatehouse_gateway_circuit_state", api, "target=\"" + upstream.url() + "\""))
                    .isEqualTo(0.0);
            assertThat(gateway.metrics()).contains("gatehouse_gateway_added_latency_seconds_bucket{");
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
