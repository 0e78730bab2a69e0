package io.gatehouse.portal.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.gatehouse.core.account.PasswordPolicy;

/** What the sign-up form may set: nothing else of a Consumer can be bound from a request. */
record SignupForm(
        @NotBlank(message = "Enter your email address.") @Email(message = "Enter a valid email address.")
        @Size(max = 320) String email,
        @NotBlank(message = "Enter a display name.") @Size(max = 200, message = "Use at most 200 characters.")
        String displayName,
        @NotBlank(message = "Choose a password.")
        @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH,
                message = "The password must be 10 to 128 characters long.") String password) {

    static SignupForm empty() {
        return new SignupForm("", "", "");
    }
}
