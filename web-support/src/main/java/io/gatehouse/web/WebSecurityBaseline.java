package io.gatehouse.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * What both web UIs promise, applied in one place: CSRF on every form and HTMX request (Spring Security's
 * default, kept on), a new session id at login, a Content-Security-Policy without inline script, and an
 * expired session that makes an HTMX request reload the page instead of swapping a login form into a fragment, and
 * login throttling ({@link LoginThrottle}).
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
        LoginThrottle throttle = loginThrottle(http);
        SimpleUrlAuthenticationFailureHandler toErrorPage = new SimpleUrlAuthenticationFailureHandler("/login?error");
        SavedRequestAwareAuthenticationSuccessHandler toTarget = new SavedRequestAwareAuthenticationSuccessHandler();
        toTarget.setDefaultTargetUrl("/");
        return http
                .addFilterBefore((request, response, chain) -> {
                    HttpServletRequest httpRequest = (HttpServletRequest) request;
                    if ("POST".equals(httpRequest.getMethod()) && "/login".equals(httpRequest.getServletPath())
                            && throttle.isBlocked(request.getParameter(usernameParameter), request.getRemoteAddr())) {
                        // Refused before the password is checked, with the same answer for every name.
                        ((HttpServletResponse) response).sendRedirect(httpRequest.getContextPath() + "/login?throttled");
                        return;
                    }
                    chain.doFilter(request, response);
                }, UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").usernameParameter(usernameParameter)
                        .failureHandler((request, response, failure) -> {
                            throttle.failed(request.getParameter(usernameParameter), request.getRemoteAddr());
                            toErrorPage.onAuthenticationFailure(request, response, failure);
                        })
                        .successHandler((request, response, authentication) -> {
                            throttle.succeeded(request.getParameter(usernameParameter));
                            toTarget.onAuthenticationSuccess(request, response, authentication);
                        })
                        .permitAll())
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

    /** The application's {@link LoginThrottle} bean, or one of its own for an application that declares none. */
    private static LoginThrottle loginThrottle(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        return context == null ? new LoginThrottle(Clock.systemUTC())
                : context.getBeanProvider(LoginThrottle.class).getIfAvailable(() -> new LoginThrottle(Clock.systemUTC()));
    }
}
