package io.gatehouse.portal.catalog;

import java.nio.charset.StandardCharsets;
import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.gatehouse.core.application.ApplicationRepository;
import io.gatehouse.core.subscription.SubscriptionService;
import io.gatehouse.portal.PortalProperties;
import io.gatehouse.portal.security.CurrentConsumer;

/**
 * The catalog as consumers read it, open to visitors: the list with search and tag filter, an API's overview, one
 * operation, webhook or schema, and the original document. Anything that is not a listed Api is a 404.
 */
@Controller
class CatalogController {

    /** Ids are positive longs; anything else in that segment is no Api, and gets the same 404. */
    private static final String API = "/apis/{id:[0-9]{1,18}}";

    private final PortalCatalog catalog;
    private final PortalProperties properties;
    private final ApplicationRepository applications;
    private final SubscriptionService subscriptions;
    private final CurrentConsumer current;
    private final TryItPages tryIt;

    CatalogController(PortalCatalog catalog, PortalProperties properties, ApplicationRepository applications,
            SubscriptionService subscriptions, CurrentConsumer current, TryItPages tryIt) {
        this.catalog = catalog;
        this.tryIt = tryIt;
        this.properties = properties;
        this.applications = applications;
        this.subscriptions = subscriptions;
        this.current = current;
    }

    /** The whole page, or for an HTMX request (search as you type, tag filter) only the {@code api-rows} fragment. */
    @GetMapping("/apis")
    String list(@RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "tag", required = false) String tag, HtmxRequest htmx, Model model,
            HttpServletResponse response) {
        // The same URL answers with a page or a fragment: caches must tell them apart.
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        model.addAttribute("q", echo(query));
        model.addAttribute("tag", echo(tag));
        model.addAttribute("results", catalog.search(query, tag));
        model.addAttribute("gatewayUrl", properties.gatewayUrl());
        return htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() ? "apis/list :: api-rows" : "apis/list";
    }

    @GetMapping(API)
    String api(@PathVariable long id, Principal principal, Model model) {
        model.addAttribute("subscribeForm", SubscribeForm.empty());
        return apiPage(id, principal, model);
    }

    /**
     * A logged-in consumer asks for one of this Api's offered plans for one of their applications. A second request
     * for the same application and Api creates nothing: the service refuses it, and two at once are stopped by the
     * database's unique constraint.
     */
    @PostMapping(API + "/subscriptions")
    String subscribe(@PathVariable long id, @Valid @ModelAttribute("subscribeForm") SubscribeForm form,
            BindingResult errors, Principal principal, HttpServletRequest request, Model model) {
        long consumerId = current.id(principal);
        PortalCatalog.Overview overview = catalog.overview(id).orElseThrow(CatalogController::notFound);
        if (errors.hasErrors()) {
            return apiPage(id, principal, model);
        }
        boolean offeredHere = overview.plans().stream().anyMatch(plan -> plan.id() == form.planId());
        if (!offeredHere || applications.findByIdAndConsumerId(form.applicationId(), consumerId).isEmpty()) {
            throw notFound();
        }
        try {
            subscriptions.request(consumerId, form.applicationId(), form.planId(), blankToNull(form.justification()),
                    CurrentConsumer.actor(principal, request));
        } catch (IllegalStateException | DataIntegrityViolationException alreadySubscribed) {
            errors.reject("subscription", "This application is already subscribed to this API.");
            return apiPage(id, principal, model);
        } catch (IllegalArgumentException noLongerOffered) {
            // The plan was withdrawn, or the API retired, between loading the page and this request.
            throw notFound();
        }
        return "redirect:/applications/" + form.applicationId() + "?subscribed";
    }

    private String apiPage(long id, Principal principal, Model model) {
        model.addAttribute("overview", catalog.overview(id).orElseThrow(CatalogController::notFound));
        model.addAttribute("gatewayUrl", properties.gatewayUrl());
        if (principal != null) {
            model.addAttribute("myApplications", applications.findByConsumerIdOrderByNameAsc(current.id(principal))
                    .stream().map(app -> new ApplicationChoice(app.getId(), app.getName())).toList());
        }
        return "apis/api";
    }

    record ApplicationChoice(long id, String name) {
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @GetMapping(API + "/operations/{key}")
    String operation(@PathVariable long id, @PathVariable String key, Principal principal, Model model) {
        return tryIt.operationPage(catalog.operation(id, key).orElseThrow(CatalogController::notFound), principal,
                model);
    }

    @GetMapping(API + "/webhooks/{key}")
    String webhook(@PathVariable long id, @PathVariable String key, Model model) {
        model.addAttribute("page", catalog.webhook(id, key).orElseThrow(CatalogController::notFound));
        return "apis/operation";
    }

    @GetMapping(API + "/schemas/{name}")
    String schema(@PathVariable long id, @PathVariable String name, Model model) {
        model.addAttribute("page", catalog.schema(id, name).orElseThrow(CatalogController::notFound));
        return "apis/schema";
    }

    /** The document as imported, byte for byte, as a download. */
    @GetMapping(API + "/document")
    ResponseEntity<byte[]> document(@PathVariable long id,
            @RequestParam(name = "version", required = false) Long version) {
        PortalCatalog.Download download = catalog.document(id, version).orElseThrow(CatalogController::notFound);
        MediaType type = "JSON".equalsIgnoreCase(download.format()) ? MediaType.APPLICATION_JSON
                : MediaType.parseMediaType("application/yaml");
        return ResponseEntity.ok()
                .contentType(new MediaType(type, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.fileName()).build().toString())
                .body(download.text().getBytes(StandardCharsets.UTF_8));
    }

    /** What the page repeats of the visitor's input: trimmed, and no longer than any search uses. */
    private static String echo(String input) {
        String text = input == null ? "" : input.strip();
        return text.length() > PortalCatalog.MAX_QUERY_LENGTH ? text.substring(0, PortalCatalog.MAX_QUERY_LENGTH) : text;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
