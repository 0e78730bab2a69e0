package io.gatehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.gatehouse.gateway.snapshot.SnapshotLoader;
import io.gatehouse.gateway.snapshot.SnapshotStore;

/** A gateway process on loopback ports over a freshly migrated H2 database, with one subscribed key. */
final class TestGateway implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    final String databaseUrl;
    final ConfigurableApplicationContext context;
    final GatewayFixture fixture;
    final JdbcTemplate jdbc;
    final String base;
    final String management;
    final long applicationId;
    final String key;

    TestGateway(String... settings) {
        String url = "jdbc:h2:mem:gateway-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        databaseUrl = url;
        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--gatehouse.keys.pepper=" + GatewayFixture.PEPPER, "--gatehouse.gateway.port=0",
                "--gatehouse.gateway.management-port=0", "--gatehouse.gateway.host=127.0.0.1"));
        for (String setting : settings) {
            args.add("--gatehouse.gateway." + setting);
        }
        context = new SpringApplicationBuilder(GatewayApplication.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
        jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        fixture = new GatewayFixture(jdbc);
        GatewayServer server = context.getBean(GatewayServer.class);
        base = "http://127.0.0.1:" + server.port();
        management = "http://127.0.0.1:" + server.managementPort();
        long consumer = fixture.consumer("gw-" + UUID.randomUUID() + "@example.com", "ACTIVE");
        applicationId = fixture.application(consumer, "App");
        key = fixture.key(applicationId);
    }

    /** A proxied Api the test key is subscribed to, with its own timeouts in milliseconds (null: the defaults). */
    long api(String contextPath, List<String> upstreams, Integer connectTimeoutMillis, Integer responseTimeoutMillis) {
        long apiId = fixture.proxiedApi(contextPath, upstreams);
        jdbc.update("update api set upstream_connect_timeout_ms = ?, upstream_response_timeout_ms = ? where id = ?",
                connectTimeoutMillis, responseTimeoutMillis, apiId);
        fixture.subscription(applicationId, fixture.plan(apiId), apiId, "APPROVED");
        fixture.publishChanges();
        awaitRevisionLoaded();
        return apiId;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", key)
                .timeout(Duration.ofSeconds(10)).GET().build());
    }

    HttpResponse<String> post(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", key)
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("{\"n\":1}")).build());
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    String metrics() throws Exception {
        return send(HttpRequest.newBuilder(URI.create(management + "/metrics")).build()).body();
    }

    /** The value of one Prometheus sample whose labels include all the given ones, or null when there is none. */
    Double metric(String name, String... labels) throws Exception {
        for (String line : metrics().split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return null;
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:gatehouse:problem:" + type + "\"",
                "\"status\":" + status, "\"requestId\":\"");
    }

    void awaitRevisionLoaded() {
        SnapshotStore store = context.getBean(SnapshotStore.class);
        long target = context.getBean(SnapshotLoader.class).revision();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (store.current().revision() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("snapshot did not reach revision " + target);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
