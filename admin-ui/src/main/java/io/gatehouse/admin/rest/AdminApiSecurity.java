package io.gatehouse.admin.rest;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import io.gatehouse.core.account.AccessTokenService;

/**
 * The admin REST API ({@code /api/admin/v1}) authenticates each request with a personal access token
 * ({@code Authorization: Bearer gthp_...}): no session and no cookie, so no CSRF token either. A token acts with its
 * owner's role; changing the catalog and plans needs ADMIN.
 */
@Configuration(proxyBeanMethods = false)
class AdminApiSecurity {

    static final String BASE = "/api/admin/v1";

    @Bean
    @Order(1)
    SecurityFilterChain adminApiFilterChain(HttpSecurity http, AccessTokenService tokens) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(BASE + "/openapi.yaml").permitAll()
                        .requestMatchers(HttpMethod.POST, BASE + "/apis", BASE + "/apis/**", BASE + "/keys/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, BASE + "/plans/**").hasRole("ADMIN")
                        .anyRequest().hasAnyRole("ADMIN", "PRODUCT_OWNER"))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, failure) -> problem(response, 401,
                                "A personal access token is needed: Authorization: Bearer gthp_..."))
                        .accessDeniedHandler((request, response, denied) -> problem(response, 403,
                                "This token's account may not do this.")))
                .build();
    }

    private static void problem(HttpServletResponse response, int status, String detail) throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"gatehouse-admin\"");
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + (status == 401 ? "Unauthorized"
                : "Forbidden") + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }

    /** Turns a valid bearer token into its owner's authentication for this one request. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final AccessTokenService tokens;

        BearerTokenFilter(AccessTokenService tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                tokens.authenticate(header.substring(7).trim()).ifPresent(user -> SecurityContextHolder.getContext()
                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null,
                                List.of(new SimpleGrantedAuthority("ROLE_" + user.getRole().name())))));
            }
            chain.doFilter(request, response);
        }
    }
}
