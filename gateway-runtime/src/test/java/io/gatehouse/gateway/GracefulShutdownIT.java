package io.gatehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Stopping the gateway while a slow request is in flight: the port closes at once, the request still completes with
 * its upstream's answer, and its analytics event is written before the process is done.
 */
class GracefulShutdownIT {

    @Test
    void anInFlightRequestFinishesAndIsRecordedWhileNewConnectionsAreRefused() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream()) {
            upstream.mode = ScriptedUpstream.Mode.DELAY;
            upstream.delayMillis = 1000;
            TestGateway gateway = new TestGateway("shutdown-grace-period=5s");
            // Its own connection: the gateway's pool closes with it.
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(gateway.databaseUrl, "sa", ""));
            int port = URI.create(gateway.base).getPort();
            gateway.api("/drain/v1", List.of(upstream.url()), null, null);

            CompletableFuture<HttpResponse<String>> inFlight = TestGateway.HTTP.sendAsync(HttpRequest.newBuilder(
                    URI.create(gateway.base + "/drain/v1/long")).header("X-API-Key", gateway.key)
                    .header("X-Request-Id", "drain-1").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            awaitTrue(() -> upstream.requests.get() == 1);

            long stopping = System.nanoTime();
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(gateway::close);
            awaitTrue(() -> !accepts(port));
            long refusedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
            assertThat(inFlight).as("refused while the slow request still runs").isNotDone();
            assertThat(refusedAfterMillis).isLessThan(900L);
            assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", port), 1000))
                    .isInstanceOf(ConnectException.class);

            HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("late");
            stopped.get(10, TimeUnit.SECONDS);

            assertThat(jdbc.queryForObject("select count(*) from analytics_event where request_id = 'drain-1'"
                    + " and status = 200 and upstream_latency_us >= 1000000", Integer.class)).isEqualTo(1);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 3 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
