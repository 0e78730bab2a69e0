package io.gatehouse.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.gatehouse.core.consumer.ConsumerRepository;
import io.gatehouse.core.consumer.ConsumerStatus;
import io.gatehouse.testsupport.WebSession;

/** Sign-up creates an active consumer from the form's three fields only, and then the new account can log in. */
@PortalTest
class SignupIT {

    @LocalServerPort
    int port;
    @Autowired
    ConsumerRepository consumers;

    @Test
    void aNewConsumerSignsUpAndLogsIn() {
        WebSession session = new WebSession("http://localhost:" + port);
        HttpResponse<String> signup = session.submit("/signup", "/signup",
                Map.of("email", "Grace@Example.com", "displayName", "Grace Hopper", "password", "cobol-forever-1959"));
        assertThat(signup.headers().firstValue("Location").orElseThrow()).endsWith("/login?signedUp");
        assertThat(consumers.findByEmailIgnoringCase("grace@example.com")).hasValueSatisfying(consumer -> {
            assertThat(consumer.getDisplayName()).isEqualTo("Grace Hopper");
            assertThat(consumer.getStatus()).isEqualTo(ConsumerStatus.ACTIVE);
        });
        HttpResponse<String> login = session.submit("/login", "/login",
                Map.of("email", "grace@example.com", "password", "cobol-forever-1959"));
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/");
    }

    @Test
    void invalidInputIsShownNextToItsFieldAndCreatesNothing() {
        WebSession session = new WebSession("http://localhost:" + port);
        long before = consumers.count();
        HttpResponse<String> response = session.submit("/signup", "/signup",
                Map.of("email", "not-an-email", "displayName", "", "password", "short"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Enter a valid email address.", "Enter a display name.",
                "The password must be 10 to 128 characters long.");
        assertThat(consumers.count()).isEqualTo(before);
    }

    @Test
    void extraFieldsCannotSetTheStatusAndADuplicateEmailIsRefused() {
        WebSession session = new WebSession("http://localhost:" + port);
        session.submit("/signup", "/signup", Map.of("email", "mallory@example.com", "displayName", "Mallory",
                "password", "long enough password", "status", "SUSPENDED", "id", "1"));
        assertThat(consumers.findByEmailIgnoringCase("mallory@example.com").orElseThrow().getStatus())
                .isEqualTo(ConsumerStatus.ACTIVE);
        HttpResponse<String> again = session.submit("/signup", "/signup", Map.of("email", "MALLORY@example.com",
                "displayName", "Mallory 2", "password", "another long password"));
        assertThat(again.body()).contains("An account with this email address already exists.");
    }
}
