package io.gatehouse.admin.token;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.gatehouse.core.account.AccessTokenService;
import io.gatehouse.core.audit.Actor;

/** A user's personal access tokens for the admin REST API: create one (shown once), see when each was used, revoke. */
@Controller
class AccessTokenController {

    private final AccessTokenService tokens;

    AccessTokenController(AccessTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/tokens")
    String list(Authentication user, Model model) {
        model.addAttribute("tokens", tokens.tokensOf(user.getName()));
        return "tokens/list";
    }

    @PostMapping("/tokens")
    String create(@RequestParam String name, @RequestParam(required = false) Integer expiresInDays,
            Authentication user, HttpServletRequest request, Model model) {
        try {
            Instant expires = expiresInDays == null || expiresInDays <= 0 ? null
                    : Instant.now().plus(Duration.ofDays(expiresInDays));
            model.addAttribute("issued", tokens.issue(user.getName(), name, expires,
                    Actor.admin(user.getName(), request.getRemoteAddr())));
        } catch (IllegalArgumentException refused) {
            model.addAttribute("problem", refused.getMessage());
        }
        return list(user, model);
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Authentication user, HttpServletRequest request) {
        tokens.revoke(user.getName(), id, Actor.admin(user.getName(), request.getRemoteAddr()));
        return "redirect:/tokens";
    }
}
