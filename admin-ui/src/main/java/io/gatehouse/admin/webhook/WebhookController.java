package io.gatehouse.admin.webhook;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.gatehouse.core.account.AdminUserRepository;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.notification.Recipient;
import io.gatehouse.core.webhook.WebhookEndpoint;
import io.gatehouse.core.webhook.WebhookEndpoints;
import io.gatehouse.core.webhook.WebhookEvents;

/**
 * The signed-in admin user's webhook endpoints: an ADMIN's receive every event, a product owner's the events of
 * the APIs they own. Endpoints are found only among the user's own, so another user's id is a 404.
 */
@Controller
class WebhookController {

    private static final String ENDPOINT = "/webhooks/{id:[0-9]{1,18}}";
    private static final String PRODUCT = "Gatehouse Admin";

    private final WebhookEndpoints endpoints;
    private final AdminUserRepository users;

    WebhookController(WebhookEndpoints endpoints, AdminUserRepository users) {
        this.endpoints = endpoints;
        this.users = users;
    }

    @GetMapping("/webhooks")
    String list(Authentication user, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", WebhookForm.empty());
        }
        model.addAttribute("product", PRODUCT);
        model.addAttribute("audience", user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"))
                ? "as an admin, every subscription and key event." : "the subscription events of the APIs you own.");
        model.addAttribute("endpoints", endpoints.of(owner(user)));
        model.addAttribute("types", WebhookEvents.TYPES);
        return "shared/webhooks";
    }

    @PostMapping("/webhooks")
    String create(@ModelAttribute("form") WebhookForm form, Authentication user, HttpServletRequest request,
            Model model) {
        try {
            WebhookEndpoint created = endpoints.create(owner(user), form.url(), form.eventTypes(), actor(user, request));
            return "redirect:/webhooks/" + created.getId();
        } catch (IllegalArgumentException refused) {
            model.addAttribute("problem", refused.getMessage());
            return list(user, model);
        }
    }

    /** The page, or for an HTMX request only its {@code deliveries} fragment. */
    @GetMapping(ENDPOINT)
    String show(@PathVariable long id, HtmxRequest htmx, Authentication user, HttpServletResponse response,
            Model model) {
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        Recipient owner = owner(user);
        model.addAttribute("product", PRODUCT);
        model.addAttribute("endpoint", endpoints.find(owner, id).orElseThrow(WebhookController::notFound));
        model.addAttribute("deliveries", endpoints.recentDeliveries(owner, id));
        return htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() ? "shared/webhook :: deliveries"
                : "shared/webhook";
    }

    @PostMapping(ENDPOINT + "/rotate-secret")
    String rotateSecret(@PathVariable long id, Authentication user, HttpServletRequest request) {
        endpoints.rotateSecret(owner(user), id, actor(user, request)).orElseThrow(WebhookController::notFound);
        return "redirect:/webhooks/" + id + "?rotated";
    }

    @PostMapping(ENDPOINT + "/active")
    String setActive(@PathVariable long id, @RequestParam boolean active, Authentication user,
            HttpServletRequest request) {
        endpoints.setActive(owner(user), id, active, actor(user, request)).orElseThrow(WebhookController::notFound);
        return "redirect:/webhooks/" + id;
    }

    @PostMapping(ENDPOINT + "/test")
    String sendTest(@PathVariable long id, Authentication user) {
        endpoints.sendTest(owner(user), id).orElseThrow(WebhookController::notFound);
        return "redirect:/webhooks/" + id + "?tested";
    }

    @PostMapping(ENDPOINT + "/delete")
    String delete(@PathVariable long id, Authentication user, HttpServletRequest request) {
        if (!endpoints.delete(owner(user), id, actor(user, request))) {
            throw notFound();
        }
        return "redirect:/webhooks?deleted";
    }

    private Recipient owner(Authentication user) {
        return Recipient.admin(users.findByUsername(user.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN)).getId());
    }

    private static Actor actor(Authentication user, HttpServletRequest request) {
        return Actor.admin(user.getName(), request.getRemoteAddr());
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
