package io.gatehouse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The security baseline every Gatehouse web UI meets, over real HTTP: headers, CSRF, a new session id at login,
 * HTMX session expiry, and health and metrics endpoints. Each UI's test extends it with its own account.
 */
public abstract class WebUiSecurityContract {

    protected WebSession session;

    /** The base URL of the running UI, e.g. http://localhost:1234. */
    protected abstract String baseUrl();

    /** The login form's username field name, the account's login and password. */
    protected abstract Map<String, String> credentials(String password);

    protected abstract String password();

    protected abstract String sessionCookie();

    /** The metrics tag that names the application. */
    protected abstract String applicationName();

    /** Text on the home page that only a logged-in user sees. */
    protected abstract String signedInText();

    @BeforeEach
    void newSession() {
        session = new WebSession(baseUrl());
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        HttpResponse<String> login = session.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "script-src 'self';", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void loginChangesTheSessionIdAndAFormWithoutTheCsrfTokenIsRefused() {
        session.get("/login");
        String before = session.cookie(sessionCookie());
        assertThat(before).isNotNull();

        assertThat(session.postForm("/login", credentials(password())).statusCode()).isEqualTo(403);

        HttpResponse<String> login = session.submit("/login", "/login", credentials(password()));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/");
        assertThat(session.cookie(sessionCookie())).isNotEqualTo(before);
        HttpResponse<String> home = session.get("/");
        assertThat(home.body()).contains(signedInText());
        assertThat(home.body()).contains("hx-headers=\"{&quot;X-CSRF-TOKEN&quot;: &quot;");
    }

    @Test
    void aWrongPasswordIsRefused() {
        HttpResponse<String> login = session.submit("/login", "/login", credentials("wrong password!"));
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    @Test
    void anHtmxRequestWithoutASessionAsksForAPageReloadInsteadOfALoginForm() {
        HttpResponse<String> htmx = session.get("/anything-protected", "HX-Request", "true");
        assertThat(htmx.statusCode()).isEqualTo(401);
        assertThat(htmx.headers().firstValue("HX-Refresh")).hasValue("true");
        assertThat(htmx.body()).doesNotContain("login-form");
        assertThat(session.get("/anything-protected").headers().firstValue("Location").orElseThrow())
                .endsWith("/login");
    }

    @Test
    void healthAndPrometheusAreExposed() {
        assertThat(session.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(session.get("/actuator/prometheus").body()).contains("application=\"" + applicationName() + "\"");
    }
}
