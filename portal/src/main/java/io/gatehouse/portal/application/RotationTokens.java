package io.gatehouse.portal.application;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;

import jakarta.servlet.http.HttpSession;

import org.springframework.web.util.WebUtils;

/**
 * One token per rendered rotation form, kept in the web session and spent by the rotation it sends. A browser that
 * reloads the page a rotation answered with sends the spent token again, and gets no second rotation. Requests
 * without a token (scripts) rotate as before.
 */
final class RotationTokens {

    private static final String ATTRIBUTE = RotationTokens.class.getName();
    private static final int KEPT = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RotationTokens() {
    }

    /** A fresh token for a form about to be rendered. */
    static String issue(HttpSession session) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        synchronized (WebUtils.getSessionMutex(session)) {
            Deque<String> tokens = tokens(session);
            tokens.addLast(token);
            while (tokens.size() > KEPT) {
                tokens.removeFirst();
            }
            session.setAttribute(ATTRIBUTE, tokens);
        }
        return token;
    }

    /** True, once, for a token this session issued; false for a spent or unknown one. */
    static boolean spend(HttpSession session, String token) {
        synchronized (WebUtils.getSessionMutex(session)) {
            Deque<String> tokens = tokens(session);
            boolean known = tokens.remove(token);
            session.setAttribute(ATTRIBUTE, tokens);
            return known;
        }
    }

    @SuppressWarnings("unchecked")
    private static Deque<String> tokens(HttpSession session) {
        Object tokens = session.getAttribute(ATTRIBUTE);
        return tokens instanceof Deque<?> deque ? (Deque<String>) deque : new ArrayDeque<>();
    }
}
