package io.gatehouse.portal.application;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.gatehouse.core.account.AccountService;
import io.gatehouse.core.apikey.ApiKeyService;
import io.gatehouse.core.apikey.IssuedApiKey;
import io.gatehouse.core.application.Application;
import io.gatehouse.core.application.ApplicationService;
import io.gatehouse.portal.security.CurrentConsumer;

/**
 * A consumer's applications: list and create, then one application's page with its subscriptions and keys. Every
 * object is loaded scoped to the logged-in consumer, so another consumer's id is a 404 that changes nothing.
 */
@Controller
class ApplicationController {

    private static final String APP = "/applications/{id:[0-9]{1,18}}";
    /** Rotation overlaps on offer, in hours; 24 h by default. */
    static final List<Integer> OVERLAP_HOURS = List.of(1, 24, 168);

    private final ApplicationService applications;
    private final ApplicationPages pages;
    private final ApiKeyService keys;
    private final AccountService accounts;
    private final CurrentConsumer current;

    ApplicationController(ApplicationService applications, ApplicationPages pages, ApiKeyService keys,
            AccountService accounts, CurrentConsumer current) {
        this.applications = applications;
        this.pages = pages;
        this.keys = keys;
        this.accounts = accounts;
        this.current = current;
    }

    @GetMapping("/applications")
    String list(Principal principal, Model model) {
        model.addAttribute("form", ApplicationForm.empty());
        return listPage(principal, model);
    }

    @PostMapping("/applications")
    String create(@Valid @ModelAttribute("form") ApplicationForm form, BindingResult errors, Principal principal,
            HttpServletRequest request, Model model) {
        if (errors.hasErrors()) {
            return listPage(principal, model);
        }
        try {
            Application created = applications.create(current.id(principal), form.name(), form.description(),
                    CurrentConsumer.actor(principal, request));
            return "redirect:/applications/" + created.getId();
        } catch (IllegalArgumentException refused) {
            errors.reject("application", refused.getMessage());
            return listPage(principal, model);
        }
    }

    /**
     * The page, or for an HTMX request only its {@code subscriptions} fragment (which polls itself while a
     * subscription is pending). Either rendering issues the first key of an approved application and shows it once.
     */
    @GetMapping(APP)
    String show(@PathVariable long id, HtmxRequest htmx, Principal principal, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        long consumerId = current.id(principal);
        Optional<IssuedApiKey> firstKey = firstKey(id, consumerId, principal, request);
        boolean fragment = htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest();
        // The polling fragment holds no rotation form: only the whole page gets a rotation token.
        page(id, consumerId, model, firstKey.map(IssuedApiKey::plaintext).orElse(null), fragment ? null : request);
        return fragment ? "applications/application :: subscriptions" : "applications/application";
    }

    @PostMapping(APP)
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ApplicationForm form, BindingResult errors,
            Principal principal, HttpServletRequest request, Model model) {
        long consumerId = current.id(principal);
        if (!errors.hasErrors()) {
            try {
                applications.describe(id, consumerId, form.name(), form.description(),
                        CurrentConsumer.actor(principal, request));
                return "redirect:/applications/" + id + "?saved";
            } catch (IllegalArgumentException refused) {
                // Another consumer's id (or a deleted application) ends as a 404 in page() below.
                errors.reject("application", refused.getMessage());
            }
        }
        page(id, consumerId, model, null, request);
        return "applications/application";
    }

    @PostMapping(APP + "/delete")
    String delete(@PathVariable long id, Principal principal, HttpServletRequest request) {
        if (!accounts.deleteApplication(id, current.id(principal), CurrentConsumer.actor(principal, request))) {
            throw notFound();
        }
        return "redirect:/applications?deleted";
    }

    /** A new key, shown once on the page this answers with; the old keys keep working for the chosen overlap. */
    @PostMapping(APP + "/keys/rotate")
    String rotate(@PathVariable long id, @RequestParam(name = "overlapHours", defaultValue = "24") int overlapHours,
            @RequestParam(required = false) String rotation, Principal principal, HttpServletRequest request,
            Model model) {
        long consumerId = current.id(principal);
        pages.view(id, consumerId).orElseThrow(ApplicationController::notFound);
        if (!OVERLAP_HOURS.contains(overlapHours)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Choose one of the offered overlaps.");
        }
        if (rotation != null && !RotationTokens.spend(request.getSession(), rotation)) {
            // The browser sent this form again (a reload of the page that showed the new key): no second rotation.
            return "redirect:/applications/" + id + "?alreadyRotated";
        }
        IssuedApiKey issued = keys.rotate(id, consumerId, Duration.ofHours(overlapHours),
                CurrentConsumer.actor(principal, request));
        page(id, consumerId, model, issued.plaintext(), request);
        return "applications/application";
    }

    @PostMapping(APP + "/keys/{keyId:[0-9]{1,18}}/revoke")
    String revoke(@PathVariable long id, @PathVariable long keyId, Principal principal, HttpServletRequest request) {
        if (!keys.revoke(keyId, id, current.id(principal), CurrentConsumer.actor(principal, request))) {
            throw notFound();
        }
        return "redirect:/applications/" + id + "?revoked";
    }

    private Optional<IssuedApiKey> firstKey(long id, long consumerId, Principal principal, HttpServletRequest request) {
        try {
            return keys.issueFirstKey(id, consumerId, CurrentConsumer.actor(principal, request));
        } catch (IllegalArgumentException noSuchApplication) {
            throw notFound();
        }
    }

    /** The application page's model; {@code request} is null for the polling fragment, which has no forms. */
    private void page(long id, long consumerId, Model model, String newKey, HttpServletRequest request) {
        ApplicationPages.View view = pages.view(id, consumerId).orElseThrow(ApplicationController::notFound);
        model.addAttribute("view", view);
        model.addAttribute("newKey", newKey);
        // While a new key is on screen the fragment stops polling, so a refresh cannot swap it away unseen.
        model.addAttribute("poll", view.pending() && newKey == null);
        model.addAttribute("overlaps", OVERLAP_HOURS);
        if (request != null) {
            model.addAttribute("rotation", RotationTokens.issue(request.getSession()));
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ApplicationForm(view.application().name(),
                    view.application().description() == null ? "" : view.application().description()));
        }
    }

    private String listPage(Principal principal, Model model) {
        model.addAttribute("applications", pages.mine(current.id(principal)));
        return "applications/list";
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
