package io.gatehouse.portal.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import io.gatehouse.core.account.Passwords;
import io.gatehouse.core.consumer.ConsumerRepository;
import io.gatehouse.web.WebSecurityBaseline;

/** Consumers log in with their email (role CONSUMER); the front page and the catalog are open to everyone. */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

    @Bean
    SecurityFilterChain portalSecurityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(WebSecurityBaseline.PUBLIC_PATHS).permitAll()
                .requestMatchers("/", "/signup").permitAll()
                // The catalog is public, like a shop window; only GET, as it changes nothing.
                .requestMatchers(HttpMethod.GET, "/apis", "/apis/**").permitAll()
                .anyRequest().hasRole("CONSUMER"));
        return WebSecurityBaseline.apply(http, "email").build();
    }

    @Bean
    PasswordEncoder passwordEncoder(Passwords passwords) {
        return passwords.encoder();
    }

    /** Suspended and deleted accounts cannot log in. */
    @Bean
    UserDetailsService consumerUserDetails(ConsumerRepository consumers) {
        return email -> consumers.findByEmailIgnoringCase(email)
                .map(consumer -> User.withUsername(consumer.getEmail())
                        .password(consumer.getPasswordHash())
                        .roles("CONSUMER")
                        .disabled(!consumer.isActive())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such consumer"));
    }
}
