package io.gatehouse.portal.security;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.consumer.Consumer;
import io.gatehouse.core.consumer.ConsumerRepository;

/** The logged-in consumer, whose id scopes every object a portal page loads; an inactive account is treated as absent. */
@Component
public class CurrentConsumer {

    private final ConsumerRepository consumers;

    CurrentConsumer(ConsumerRepository consumers) {
        this.consumers = consumers;
    }

    public Consumer of(Principal principal) {
        if (principal == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        return consumers.findByEmailIgnoringCase(principal.getName()).filter(Consumer::isActive)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    public long id(Principal principal) {
        return of(principal).getId();
    }

    public static Actor actor(Principal principal, HttpServletRequest request) {
        return Actor.consumer(principal.getName(), request.getRemoteAddr());
    }
}
