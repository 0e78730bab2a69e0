package io.gatehouse.allinone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import io.gatehouse.admin.AdminUiApplication;
import io.gatehouse.admin.demo.DemoContent;
import io.gatehouse.gateway.GatewayApplication;
import io.gatehouse.gateway.GatewayServer;
import io.gatehouse.portal.PortalApplication;

/**
 * Gatehouse in one process, for trying it out and for development: the admin UI (which migrates the database and
 * seeds the demo content), then the gateway, then the portal, each its own Spring application as in production,
 * sharing one embedded H2 database kept in a file under {@code gatehouse-data/}.
 */
public final class GatehouseAllInOne {

    private GatehouseAllInOne() {
    }

    public static void main(String[] args) throws IOException {
        long started = System.nanoTime();
        Path dataDir = Path.of(setting("GATEHOUSE_DATA_DIR", "gatehouse-data")).toAbsolutePath().normalize();
        Files.createDirectories(dataDir);

        Map<String, Object> shared = new HashMap<>();
        shared.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("gatehouse")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE"
                + ";CACHE_SIZE=" + h2CacheKilobytes(setting("GATEHOUSE_H2_CACHE_MB", null),
                        Runtime.getRuntime().maxMemory()));
        shared.put("spring.datasource.username", "sa");
        shared.put("spring.datasource.password", "");
        shared.put("gatehouse.keys.pepper", pepper(dataDir));

        Map<String, Object> admin = new HashMap<>(shared);
        admin.put("gatehouse.admin.demo", "true");
        ConfigurableApplicationContext adminUi = start(AdminUiApplication.class, WebApplicationType.SERVLET, admin, args);

        ConfigurableApplicationContext gateway = start(GatewayApplication.class, WebApplicationType.NONE, shared, args);
        GatewayServer gatewayServer = gateway.getBean(GatewayServer.class);
        String gatewayUrl = "http://localhost:" + gatewayServer.port();

        Map<String, Object> portalSettings = new HashMap<>(shared);
        portalSettings.put("gatehouse.portal.gateway-url", gatewayUrl);
        ConfigurableApplicationContext portal = start(PortalApplication.class, WebApplicationType.SERVLET,
                portalSettings, args);

        System.out.println(banner(dataDir, port(portal), port(adminUi), gatewayUrl, gatewayServer.managementPort(),
                (System.nanoTime() - started) / 1_000_000));
    }

    /**
     * Each application gets the shared settings with a precedence above its own defaults file and below
     * environment variables and command-line arguments, so an operator can still override anything.
     */
    private static ConfigurableApplicationContext start(Class<?> application, WebApplicationType type,
            Map<String, Object> settings, String[] args) {
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(type);
        app.setMainApplicationClass(application);
        app.addInitializers(context -> context.getEnvironment().getPropertySources()
                .addLast(new MapPropertySource("gatehouse-all-in-one", settings)));
        return app.run(args);
    }

    /** The key pepper: from GATEHOUSE_KEYS_PEPPER, else made once and kept beside the database. */
    static String pepper(Path dataDir) throws IOException {
        String configured = setting("GATEHOUSE_KEYS_PEPPER", null);
        if (configured != null) {
            return configured;
        }
        Path file = dataDir.resolve("key-pepper");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] random = new byte[36];
        new SecureRandom().nextBytes(random);
        String pepper = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.writeString(file, pepper + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays readable by the user only through the profile directory's ACL.
        }
        return pepper;
    }

    /**
     * H2's page cache in KB: {@code GATEHOUSE_H2_CACHE_MB} when set, else a sixteenth of the heap (128 MB of 2 GB),
     * never less than H2's own default of 16 MB. With 16 MB, a month's dashboards over 10 M calls read their rollup
     * pages from the file again on every view (docs/benchmarks.md).
     */
    static long h2CacheKilobytes(String configuredMegabytes, long maxHeapBytes) {
        long megabytes = configuredMegabytes != null ? Long.parseLong(configuredMegabytes.trim())
                : Math.max(16, maxHeapBytes / 16 / (1024 * 1024));
        return megabytes * 1024;
    }

    static String banner(Path dataDir, int portalPort, int adminPort, String gatewayUrl, int managementPort,
            long startMillis) {
        String call = "curl -H 'X-API-Key: " + DemoContent.DEMO_KEY + "' " + gatewayUrl + DemoContent.DEMO_CALL_PATH;
        return """

                Gatehouse is running (demo mode; data in %s; started in %.1f s)

                  Developer portal  http://localhost:%d   demo login: %s / %s
                  Admin UI          http://localhost:%d   demo logins: %s / %s (admin), %s / %s (product owner)
                  Gateway           %s   health and metrics: http://localhost:%d/

                  Demo API key      %s

                  Call a demo API through the gateway:
                  %s

                Stop with Ctrl+C; data is kept for the next start.
                """.formatted(dataDir, startMillis / 1000.0,
                portalPort, DemoContent.CONSUMER_EMAIL, DemoContent.CONSUMER_PASSWORD,
                adminPort, DemoContent.ADMIN_USERNAME, DemoContent.ADMIN_PASSWORD, DemoContent.OWNER_USERNAME,
                DemoContent.OWNER_PASSWORD, gatewayUrl, managementPort, DemoContent.DEMO_KEY, call);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
