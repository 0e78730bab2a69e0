package io.gatehouse.portal.account;

import jakarta.validation.constraints.NotBlank;

/** Deleting the account is confirmed with the password. */
record DeleteAccountForm(@NotBlank(message = "Enter your password to confirm.") String password) {

    static DeleteAccountForm empty() {
        return new DeleteAccountForm("");
    }
}
