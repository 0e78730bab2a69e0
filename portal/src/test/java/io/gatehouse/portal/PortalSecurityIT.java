package io.gatehouse.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.gatehouse.core.account.AccountService;
import io.gatehouse.core.consumer.ConsumerRepository;
import io.gatehouse.testsupport.WebUiSecurityContract;

/** The web security baseline on the portal, with a consumer account. */
@PortalTest
class PortalSecurityIT extends WebUiSecurityContract {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    ConsumerRepository consumers;

    @BeforeEach
    void account() {
        PortalFixture.ensureConsumer(accounts, consumers);
    }

    @Override
    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    protected Map<String, String> credentials(String password) {
        return Map.of("email", PortalFixture.EMAIL, "password", password);
    }

    @Override
    protected String password() {
        return PortalFixture.PASSWORD;
    }

    @Override
    protected String sessionCookie() {
        return "GATEHOUSE_PORTAL_SESSION";
    }

    @Override
    protected String applicationName() {
        return "gatehouse-portal";
    }

    @Override
    protected String signedInText() {
        return "Welcome, " + PortalFixture.NAME;
    }

    @Test
    void theCatalogFrontPageIsOpenToVisitors() {
        assertThat(session.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = consumers.findByEmailIgnoringCase(PortalFixture.EMAIL).orElseThrow().getPasswordHash();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PortalFixture.PASSWORD);
    }
}
