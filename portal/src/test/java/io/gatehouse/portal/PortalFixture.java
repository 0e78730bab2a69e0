package io.gatehouse.portal;

import io.gatehouse.core.account.AccountService;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.consumer.ConsumerRepository;

/** Test accounts, created once per shared application. */
final class PortalFixture {

    static final String EMAIL = "ada@example.com";
    static final String PASSWORD = "analytical engine";
    static final String NAME = "Ada Lovelace";

    private PortalFixture() {
    }

    static void ensureConsumer(AccountService accounts, ConsumerRepository consumers) {
        if (consumers.findByEmailIgnoringCase(EMAIL).isEmpty()) {
            accounts.registerConsumer(EMAIL, NAME, PASSWORD, Actor.system("test"));
        }
    }
}
