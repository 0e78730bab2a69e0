package io.gatehouse.portal.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.gatehouse.core.account.PasswordPolicy;

/** A password change: the current password and the new one. */
record PasswordForm(
        @NotBlank(message = "Enter your current password.") String currentPassword,
        @NotBlank(message = "Choose a new password.")
        @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH,
                message = "The password must be 10 to 128 characters long.") String newPassword) {

    static PasswordForm empty() {
        return new PasswordForm("", "");
    }
}
