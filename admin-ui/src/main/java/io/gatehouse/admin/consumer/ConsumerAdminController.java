package io.gatehouse.admin.consumer;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.gatehouse.core.account.AccountService;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.consumer.ConsumerRepository;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/** Consumer accounts, searchable; an admin suspends one (every key stops at the gateway within a second) or resumes it. */
@Controller
class ConsumerAdminController {

    private final ConsumerRepository consumers;
    private final AccountService accounts;

    ConsumerAdminController(ConsumerRepository consumers, AccountService accounts) {
        this.consumers = consumers;
        this.accounts = accounts;
    }

    @GetMapping("/consumers")
    String list(@RequestParam(required = false) String q, HtmxRequest htmx, Model model) {
        String text = q == null ? "" : q.trim();
        model.addAttribute("consumers", consumers
                .findTop200ByEmailContainingIgnoreCaseOrDisplayNameContainingIgnoreCaseOrderByCreatedAtDesc(text, text));
        model.addAttribute("q", q);
        return htmx.isHtmxRequest() ? "consumers/list :: consumer-rows" : "consumers/list";
    }

    @PostMapping("/consumers/{id}/{action:suspend|resume}")
    String change(@PathVariable long id, @PathVariable String action, Authentication user, HttpServletRequest request) {
        Actor actor = Actor.admin(user.getName(), request.getRemoteAddr());
        if (action.equals("suspend")) {
            accounts.suspendConsumer(id, actor);
        } else {
            accounts.resumeConsumer(id, actor);
        }
        return "redirect:/consumers";
    }
}
