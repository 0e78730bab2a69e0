package io.gatehouse.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.gatehouse.admin.demo.DemoContent;
import io.gatehouse.core.apikey.ApiKeyFormat;
import io.gatehouse.testsupport.PostgresSchema;
import io.gatehouse.testsupport.WebSession;

/**
 * The three deployables as docker-compose runs them: separate processes configured only through environment
 * variables, on one PostgreSQL database that the admin UI migrates. (Demo content is switched on for the admin UI
 * here so there is an API and a key to call.)
 */
class SeparateDeployablesOnPostgresIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int ADMIN_PORT = JarProcess.freePort();
    private static final int PORTAL_PORT = JarProcess.freePort();
    private static final int GATEWAY_PORT = JarProcess.freePort();
    private static final int MANAGEMENT_PORT = JarProcess.freePort();

    static PostgresSchema schema;
    static JarProcess admin;
    static JarProcess portal;
    static JarProcess gateway;

    @BeforeAll
    static void start() throws Exception {
        schema = PostgresSchema.create();
        Path workDir = Files.createTempDirectory("gatehouse-deployables-");
        Path log = Path.of("target", "separate-deployables-it.log").toAbsolutePath();
        Map<String, String> database = Map.of(
                "GATEHOUSE_DB_URL", schema.jdbcUrl(),
                "GATEHOUSE_DB_USER", PostgresSchema.USER,
                "GATEHOUSE_DB_PASSWORD", PostgresSchema.PASSWORD,
                "GATEHOUSE_KEYS_PEPPER", "deployables-test-pepper-0123456789-abcdef");

        admin = new JarProcess(JarProcess.moduleJar("admin-ui", "admin-ui-0.1.0-SNAPSHOT-exec.jar"), workDir, log,
                with(database, "GATEHOUSE_ADMIN_PORT", ADMIN_PORT), List.of("--gatehouse.admin.demo=true"));
        admin.start("Started AdminUiApplication", Duration.ofSeconds(120));
        gateway = new JarProcess(JarProcess.moduleJar("gateway-runtime", "gateway-runtime-0.1.0-SNAPSHOT-exec.jar"),
                workDir, log, with(with(database, "GATEHOUSE_GATEWAY_PORT", GATEWAY_PORT),
                        "GATEHOUSE_GATEWAY_MANAGEMENT_PORT", MANAGEMENT_PORT), List.of());
        gateway.start("Gatehouse gateway listening", Duration.ofSeconds(120));
        portal = new JarProcess(JarProcess.moduleJar("portal", "portal-0.1.0-SNAPSHOT-exec.jar"), workDir, log,
                with(database, "GATEHOUSE_PORTAL_PORT", PORTAL_PORT), List.of());
        portal.start("Started PortalApplication", Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        for (JarProcess process : new JarProcess[] {portal, gateway, admin}) {
            if (process != null) {
                process.close();
            }
        }
        schema.close();
    }

    @Test
    void theAdminUiMigratedThePostgresSchema() throws Exception {
        assertThat(query("select version || ':' || success from flyway_schema_history where version is not null"))
                .isEqualTo("1:true");
    }

    @Test
    void eachWebUiServesItsLoginsFromPostgres() {
        WebSession consumer = new WebSession("http://localhost:" + PORTAL_PORT);
        consumer.submit("/login", "/login",
                Map.of("email", DemoContent.CONSUMER_EMAIL, "password", DemoContent.CONSUMER_PASSWORD));
        assertThat(consumer.get("/").body()).contains("Welcome, Dana Developer");

        WebSession adminUser = new WebSession("http://localhost:" + ADMIN_PORT);
        adminUser.submit("/login", "/login",
                Map.of("username", DemoContent.ADMIN_USERNAME, "password", DemoContent.ADMIN_PASSWORD));
        assertThat(adminUser.get("/").body()).contains("Welcome, Ada Admin");
    }

    @Test
    void theGatewayServesTheKeyAndARevocationInAnotherProcessReachesItWithinASecond() throws Exception {
        assertThat(call(DemoContent.DEMO_KEY).statusCode()).isEqualTo(200);
        assertThat(get("http://localhost:" + MANAGEMENT_PORT + "/health").body()).contains("\"database\":\"UP\"");

        update("update api_key set status = 'REVOKED' where key_id = '"
                + ApiKeyFormat.parse(DemoContent.DEMO_KEY).keyId() + "'");
        update("update config_revision set revision = revision + 1");
        long revoked = System.nanoTime();
        int status = 200;
        // Until the revocation arrives the key still works, or meets the demo plan's rate limit (429).
        while (status != 401 && System.nanoTime() - revoked < Duration.ofSeconds(1).toNanos()) {
            status = call(DemoContent.DEMO_KEY).statusCode();
        }
        assertThat(status).isEqualTo(401);
    }

    private static HttpResponse<String> call(String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + GATEWAY_PORT + DemoContent.DEMO_CALL_PATH))
                .header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String query(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(schema.jdbcUrl(), PostgresSchema.USER,
                PostgresSchema.PASSWORD); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static void update(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(schema.jdbcUrl(), PostgresSchema.USER,
                PostgresSchema.PASSWORD); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static Map<String, String> with(Map<String, String> base, String name, int port) {
        Map<String, String> copy = new HashMap<>(base);
        copy.put(name, String.valueOf(port));
        return copy;
    }
}
