package io.gatehouse.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.gatehouse.testsupport.WebSession;

/** A new installation without demo content: the first admin comes from configuration, once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:admin-bootstrap-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "gatehouse.admin.bootstrap-username=root",
        "gatehouse.admin.bootstrap-password=first admin password",
        "gatehouse.keys.pepper=bootstrap-test-pepper-0123456789-abcdef"})
class AdminBootstrapIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Map<String, ApplicationRunner> runners;

    @Test
    void theConfiguredFirstAdminCanLogInAndNothingElseIsSeeded() throws Exception {
        WebSession session = new WebSession("http://localhost:" + port);
        session.submit("/login", "/login", Map.of("username", "root", "password", "first admin password"));
        assertThat(session.get("/").body()).contains("Welcome, Administrator", "No APIs yet.");
        assertThat(jdbc.queryForObject("select count(*) from api", Integer.class)).isZero();

        for (ApplicationRunner runner : runners.values()) {
            runner.run(new DefaultApplicationArguments());
        }
        assertThat(jdbc.queryForList("select username from admin_user", String.class)).containsExactly("root");
    }
}
