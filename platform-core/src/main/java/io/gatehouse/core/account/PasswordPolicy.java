package io.gatehouse.core.account;

import java.util.Optional;

/** The one password rule for consumers and admin accounts: long enough, not the user's own name or email. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    public static Optional<String> problem(String password, String login) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("The password must be at least " + MIN_LENGTH + " characters long.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("The password must be at most " + MAX_LENGTH + " characters long.");
        }
        if (login != null && password.equalsIgnoreCase(login.trim())) {
            return Optional.of("The password must not be the same as the login.");
        }
        return Optional.empty();
    }
}
