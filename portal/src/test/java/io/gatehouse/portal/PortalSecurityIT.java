package io.gatehouse.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.gatehouse.core.account.AccountService;
import io.gatehouse.core.consumer.ConsumerRepository;
import io.gatehouse.testsupport.WebSession;

/** The security baseline over real HTTP: headers, CSRF, session fixation, HTMX session expiry, hashed passwords. */
@PortalTest
class PortalSecurityIT {

    private static final String SESSION_COOKIE = "GATEHOUSE_PORTAL_SESSION";

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    ConsumerRepository consumers;

    WebSession session;

    @BeforeEach
    void setUp() {
        PortalFixture.ensureConsumer(accounts, consumers);
        session = new WebSession("http://localhost:" + port);
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        HttpResponse<String> home = session.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "script-src 'self';", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(home.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(home.body()).contains("hx-headers=\"{&quot;X-CSRF-TOKEN&quot;: &quot;");
    }

    @Test
    void loginChangesTheSessionIdAndAFormWithoutTheCsrfTokenIsRefused() {
        session.get("/login");
        String before = session.cookie(SESSION_COOKIE);
        assertThat(before).isNotNull();

        HttpResponse<String> withoutToken = session.postForm("/login",
                Map.of("email", PortalFixture.EMAIL, "password", PortalFixture.PASSWORD));
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        HttpResponse<String> login = session.submit("/login", "/login",
                Map.of("email", PortalFixture.EMAIL, "password", PortalFixture.PASSWORD));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/");
        assertThat(session.cookie(SESSION_COOKIE)).isNotEqualTo(before);
        assertThat(session.get("/").body()).contains("Welcome, " + PortalFixture.NAME);
    }

    @Test
    void aWrongPasswordIsRefused() {
        HttpResponse<String> login = session.submit("/login", "/login",
                Map.of("email", PortalFixture.EMAIL, "password", "wrong password!"));
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    @Test
    void anHtmxRequestWithoutASessionAsksForAPageReloadInsteadOfALoginForm() {
        HttpResponse<String> response = session.get("/account", "HX-Request", "true");
        assertThat(response.headers().firstValue("HX-Refresh")).hasValue("true");
        assertThat(response.body()).doesNotContain("login-form");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(session.get("/account").headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = consumers.findByEmailIgnoringCase(PortalFixture.EMAIL).orElseThrow().getPasswordHash();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PortalFixture.PASSWORD);
    }

    @Test
    void healthAndPrometheusAreExposed() {
        assertThat(session.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(session.get("/actuator/prometheus").body()).contains("application=\"gatehouse-portal\"");
    }
}
