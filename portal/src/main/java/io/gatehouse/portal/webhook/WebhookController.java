package io.gatehouse.portal.webhook;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.gatehouse.core.notification.Recipient;
import io.gatehouse.core.webhook.WebhookEndpoints;
import io.gatehouse.core.webhook.WebhookEvents;
import io.gatehouse.portal.security.CurrentConsumer;

/**
 * The consumer's webhook endpoints, which receive the events of their own applications. Endpoints are found only
 * among the consumer's own, so another consumer's id is a 404 that changes nothing.
 */
@Controller
class WebhookController {

    private static final String ENDPOINT = "/webhooks/{id:[0-9]{1,18}}";

    private final WebhookEndpoints endpoints;
    private final CurrentConsumer current;

    WebhookController(WebhookEndpoints endpoints, CurrentConsumer current) {
        this.endpoints = endpoints;
        this.current = current;
    }

    @GetMapping("/webhooks")
    String list(Principal principal, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new WebhookForm("", List.of()));
        }
        model.addAttribute("product", "Gatehouse Developer Portal");
        model.addAttribute("audience", "your applications' subscriptions and keys.");
        model.addAttribute("endpoints", endpoints.of(owner(principal)));
        model.addAttribute("types", WebhookEvents.TYPES);
        return "shared/webhooks";
    }

    @PostMapping("/webhooks")
    String create(@ModelAttribute("form") WebhookForm form, Principal principal, HttpServletRequest request,
            Model model) {
        try {
            return "redirect:/webhooks/" + endpoints.create(owner(principal), form.url(), form.eventTypes(),
                    CurrentConsumer.actor(principal, request)).getId();
        } catch (IllegalArgumentException refused) {
            model.addAttribute("problem", refused.getMessage());
            return list(principal, model);
        }
    }

    /** The page, or for an HTMX request only its {@code deliveries} fragment. */
    @GetMapping(ENDPOINT)
    String show(@PathVariable long id, HtmxRequest htmx, Principal principal, HttpServletResponse response,
            Model model) {
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        Recipient owner = owner(principal);
        model.addAttribute("product", "Gatehouse Developer Portal");
        model.addAttribute("endpoint", endpoints.find(owner, id).orElseThrow(WebhookController::notFound));
        model.addAttribute("deliveries", endpoints.recentDeliveries(owner, id));
        return htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() ? "shared/webhook :: deliveries"
                : "shared/webhook";
    }

    @PostMapping(ENDPOINT + "/rotate-secret")
    String rotateSecret(@PathVariable long id, Principal principal, HttpServletRequest request) {
        endpoints.rotateSecret(owner(principal), id, CurrentConsumer.actor(principal, request))
                .orElseThrow(WebhookController::notFound);
        return "redirect:/webhooks/" + id + "?rotated";
    }

    @PostMapping(ENDPOINT + "/active")
    String setActive(@PathVariable long id, @RequestParam boolean active, Principal principal,
            HttpServletRequest request) {
        endpoints.setActive(owner(principal), id, active, CurrentConsumer.actor(principal, request))
                .orElseThrow(WebhookController::notFound);
        return "redirect:/webhooks/" + id;
    }

    @PostMapping(ENDPOINT + "/test")
    String sendTest(@PathVariable long id, Principal principal) {
        endpoints.sendTest(owner(principal), id).orElseThrow(WebhookController::notFound);
        return "redirect:/webhooks/" + id + "?tested";
    }

    @PostMapping(ENDPOINT + "/delete")
    String delete(@PathVariable long id, Principal principal, HttpServletRequest request) {
        if (!endpoints.delete(owner(principal), id, CurrentConsumer.actor(principal, request))) {
            throw notFound();
        }
        return "redirect:/webhooks?deleted";
    }

    private Recipient owner(Principal principal) {
        return Recipient.consumer(current.id(principal));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
