package io.gatehouse.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.gatehouse.admin.demo.DemoContent;
import io.gatehouse.testsupport.WebUiSecurityContract;

/** The web security baseline on the admin UI, with the demo admin account. */
@AdminTest
class AdminSecurityIT extends WebUiSecurityContract {

    @LocalServerPort
    int port;

    @Override
    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    protected Map<String, String> credentials(String password) {
        return Map.of("username", DemoContent.ADMIN_USERNAME, "password", password);
    }

    @Override
    protected String password() {
        return DemoContent.ADMIN_PASSWORD;
    }

    @Override
    protected String sessionCookie() {
        return "GATEHOUSE_ADMIN_SESSION";
    }

    @Override
    protected String applicationName() {
        return "gatehouse-admin";
    }

    @Override
    protected String signedInText() {
        return "Welcome, Ada Admin";
    }

    @Test
    void errorsArePagesOfTheAdminUiThatSayWhatHappenedInPlainWords() {
        var owner = AdminSessions.logIn(port, DemoContent.OWNER_USERNAME, DemoContent.OWNER_PASSWORD);
        var forbidden = owner.get("/consumers", "Accept", "text/html");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("id=\"forbidden\"", "id=\"nav-apis\"").doesNotContain("Whitelabel",
                "Exception");
        var missing = owner.get("/apis/987654321", "Accept", "text/html");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("id=\"not-found\"").doesNotContain("Whitelabel");
    }

    @Test
    void everyPageNeedsAnAdminAccountAndConsumersCannotLogIn() {
        assertThat(session.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/login");
        var consumerLogin = session.submit("/login", "/login",
                Map.of("username", DemoContent.CONSUMER_EMAIL, "password", DemoContent.CONSUMER_PASSWORD));
        assertThat(consumerLogin.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }
}
