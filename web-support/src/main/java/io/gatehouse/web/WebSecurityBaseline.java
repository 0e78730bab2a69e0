package io.gatehouse.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * What both web UIs promise, applied in one place: CSRF on every form and HTMX request (Spring Security's
 * default, kept on), a new session id at login, a Content-Security-Policy without inline script, and an
 * expired session that makes an HTMX request reload the page instead of swapping a login form into a fragment.
 */
public final class WebSecurityBaseline {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Paths anyone may load: the login page, static assets, health and metrics. */
    public static final String[] PUBLIC_PATHS = {"/login", "/error", "/webjars/**", "/css/**", "/js/**",
            "/favicon.svg", "/favicon.ico", "/actuator/health", "/actuator/health/**", "/actuator/prometheus"};

    private WebSecurityBaseline() {
    }

    public static HttpSecurity apply(HttpSecurity http, String usernameParameter) throws Exception {
        AuthenticationEntryPoint toLoginPage = new LoginUrlAuthenticationEntryPoint("/login");
        return http
                .formLogin(form -> form.loginPage("/login").usernameParameter(usernameParameter)
                        .defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?loggedOut"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, failure) -> {
                    if (request.getHeader("HX-Request") != null) {
                        // 401 without an error page, so the HX-Refresh header survives and htmx reloads the page.
                        response.setHeader("HX-Refresh", "true");
                        response.setStatus(401);
                    } else {
                        toLoginPage.commence(request, response, failure);
                    }
                }))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
    }
}
