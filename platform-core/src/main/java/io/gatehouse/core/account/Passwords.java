package io.gatehouse.core.account;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The one password encoder of the platform: BCrypt behind Spring Security's delegating format
 * ({@code {bcrypt}...}), so stored hashes can move to Argon2id later without a forced reset.
 */
@Component
public class Passwords {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    public PasswordEncoder encoder() {
        return encoder;
    }

    public boolean matches(CharSequence rawPassword, String storedHash) {
        return rawPassword != null && storedHash != null && encoder().matches(rawPassword, storedHash);
    }

    public String hash(CharSequence rawPassword) {
        return encoder.encode(rawPassword);
    }
}
