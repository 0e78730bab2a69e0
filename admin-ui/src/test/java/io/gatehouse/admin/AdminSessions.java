package io.gatehouse.admin;

import java.util.Map;

import io.gatehouse.testsupport.WebSession;

/** A logged-in HTTP session on the admin UI under test. */
public final class AdminSessions {

    private AdminSessions() {
    }

    public static WebSession logIn(int port, String username, String password) {
        WebSession session = new WebSession("http://localhost:" + port);
        session.submit("/login", "/login", Map.of("username", username, "password", password));
        return session;
    }
}
