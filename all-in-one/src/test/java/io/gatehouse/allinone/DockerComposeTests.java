package io.gatehouse.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so docker-compose.yml is checked by reading it: the topology it promises, and that
 * every environment variable it sets is one the application in that container actually reads.
 */
class DockerComposeTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    /** Which defaults file each deployable reads its environment variables through. */
    private static final Map<String, String> DEFAULTS = Map.of(
            "admin-ui", "gatehouse-admin-defaults.properties",
            "portal", "gatehouse-portal-defaults.properties",
            "gateway-runtime", "gatehouse-gateway-defaults.properties");

    @Test
    void theTopologyIsPostgresRedisAdminPortalAndTwoGateways() throws IOException {
        Map<String, Map<String, Object>> services = services();
        assertThat(services).containsKeys("postgres", "redis", "admin-ui", "portal", "gateway-1", "gateway-2");
        assertThat(services.values().stream().filter(s -> "gateway-runtime".equals(module(s))).count()).isEqualTo(2);
        assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("ARG MODULE", "${MODULE}-0.1.0-SNAPSHOT-exec.jar");
    }

    @Test
    void everyEnvironmentVariableSetIsOneTheApplicationReads() throws IOException {
        Map<String, Map<String, Object>> services = services();
        int checked = 0;
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            String module = module(service.getValue());
            if (module == null) {
                continue;
            }
            Set<String> read = placeholders(DEFAULTS.get(module));
            Set<String> set = environment(service.getValue()).keySet();
            assertThat(read).as("variables %s reads", module).containsAll(set);
            assertThat(set).as(service.getKey()).contains("GATEHOUSE_DB_URL", "GATEHOUSE_DB_USER", "GATEHOUSE_DB_PASSWORD",
                    "GATEHOUSE_KEYS_PEPPER");
            checked += set.size();
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void onlyTheAdminUiMigratesTheSchema() throws IOException {
        assertThat(defaults("admin-ui").getProperty("spring.flyway.enabled")).isEqualTo("true");
        assertThat(defaults("portal").getProperty("spring.flyway.enabled")).isEqualTo("false");
        assertThat(defaults("gateway-runtime").getProperty("spring.flyway.enabled")).isEqualTo("false");
        Map<String, Map<String, Object>> services = services();
        assertThat(dependsOn(services.get("portal"))).contains("admin-ui");
        assertThat(dependsOn(services.get("gateway-1"))).contains("admin-ui");
    }

    @Test
    void publishedPortsMatchThePortsTheApplicationsListenOn() throws IOException {
        Map<String, Map<String, Object>> services = services();
        assertThat(services.get("admin-ui").get("ports").toString()).contains("8081:" + environment(services.get("admin-ui")).get("GATEHOUSE_ADMIN_PORT"));
        assertThat(services.get("portal").get("ports").toString()).contains("8080:" + environment(services.get("portal")).get("GATEHOUSE_PORTAL_PORT"));
        assertThat(services.get("gateway-2").get("ports").toString())
                .contains("8002:" + environment(services.get("gateway-2")).get("GATEHOUSE_GATEWAY_PORT"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static String module(Map<String, Object> service) {
        Object build = service.get("build");
        if (!(build instanceof Map)) {
            return null;
        }
        Map<String, Object> args = (Map<String, Object>) ((Map<String, Object>) build).get("args");
        return args == null ? null : (String) args.get("MODULE");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        return environment == null ? Map.of() : new LinkedHashMap<>((Map<String, Object>) environment);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> dependsOn(Map<String, Object> service) {
        return ((Map<String, Object>) service.get("depends_on")).keySet();
    }

    private static Properties defaults(String module) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = DockerComposeTests.class.getResourceAsStream("/" + DEFAULTS.get(module))) {
            properties.load(in);
        }
        return properties;
    }

    private static Set<String> placeholders(String resource) throws IOException {
        try (InputStream in = DockerComposeTests.class.getResourceAsStream("/" + resource)) {
            Matcher matcher = PLACEHOLDER.matcher(new String(in.readAllBytes()));
            Set<String> names = new HashSet<>();
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }
    }
}
