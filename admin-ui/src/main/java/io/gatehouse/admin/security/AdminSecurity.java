package io.gatehouse.admin.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import io.gatehouse.core.account.AdminUserRepository;
import io.gatehouse.core.account.Passwords;
import io.gatehouse.web.WebSecurityBaseline;

/** Admin accounts log in with their username; every page needs the ADMIN or PRODUCT_OWNER role. */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

    @Bean
    SecurityFilterChain adminSecurityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(WebSecurityBaseline.PUBLIC_PATHS).permitAll()
                // Product owners read the Apis they own; changing the catalog is for admins.
                .requestMatchers("/apis/import", "/apis/import/**").hasRole("ADMIN")
                // ...but an Api's owner sets its error-rate alert (the controller checks the ownership).
                .requestMatchers(HttpMethod.POST, "/apis/*/error-alert").hasAnyRole("ADMIN", "PRODUCT_OWNER")
                .requestMatchers(HttpMethod.POST, "/apis/**", "/plans/**").hasRole("ADMIN")
                .requestMatchers("/apis/*/plans/new", "/plans/*/edit", "/audit", "/audit/**", "/consumers", "/consumers/**")
                .hasRole("ADMIN")
                .anyRequest().hasAnyRole("ADMIN", "PRODUCT_OWNER"));
        return WebSecurityBaseline.apply(http, "username").build();
    }

    @Bean
    PasswordEncoder passwordEncoder(Passwords passwords) {
        return passwords.encoder();
    }

    @Bean
    UserDetailsService adminUserDetails(AdminUserRepository users) {
        return username -> users.findByUsername(username)
                .map(user -> User.withUsername(user.getUsername())
                        .password(user.getPasswordHash())
                        .roles(user.getRole().name())
                        .disabled(!user.isEnabled())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such admin user"));
    }
}
