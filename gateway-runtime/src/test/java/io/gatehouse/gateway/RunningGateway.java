package io.gatehouse.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.gatehouse.gateway.snapshot.SnapshotStore;

/** One gateway process (its own application context) on real loopback ports, as the fault and cluster tests use it. */
final class RunningGateway implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final ConfigurableApplicationContext context;
    final String base;
    final String management;

    private RunningGateway(ConfigurableApplicationContext context) {
        this.context = context;
        GatewayServer server = context.getBean(GatewayServer.class);
        this.base = "http://127.0.0.1:" + server.port();
        this.management = "http://127.0.0.1:" + server.managementPort();
    }

    /** A gateway on the given database; {@code settings} are further {@code --name=value} arguments. */
    static RunningGateway start(String dbUrl, String user, String password, String... settings) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--gatehouse.keys.pepper=" + GatewayFixture.PEPPER, "--gatehouse.gateway.port=0",
                "--gatehouse.gateway.management-port=0", "--gatehouse.gateway.host=127.0.0.1",
                "--gatehouse.gateway.upstream-timeout=2s"));
        args.addAll(List.of(settings));
        return new RunningGateway(new SpringApplicationBuilder(GatewayApplication.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new)));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    HttpResponse<String> get(String path, String... headers) {
        try {
            return HTTP.send(request(base + path, headers), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        }
    }

    CompletableFuture<HttpResponse<String>> getAsync(String path, String... headers) {
        return HTTP.sendAsync(request(base + path, headers), HttpResponse.BodyHandlers.ofString());
    }

    String health() {
        try {
            return HTTP.send(request(management + "/health"), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A counter or gauge from the Prometheus text, summed over its series; 0 when absent. */
    double metric(String name) {
        String text;
        try {
            text = HTTP.send(request(management + "/metrics"), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$").matcher(text);
        double sum = 0;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(2));
        }
        return sum;
    }

    /** Waits until this node serves the given config revision. */
    void awaitRevision(long revision) {
        SnapshotStore store = bean(SnapshotStore.class);
        await(() -> store.current().revision() >= revision, Duration.ofSeconds(5), "revision " + revision);
    }

    static void await(BooleanSupplier condition, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    private static HttpRequest request(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.build();
    }

    @Override
    public void close() {
        context.close();
    }
}
