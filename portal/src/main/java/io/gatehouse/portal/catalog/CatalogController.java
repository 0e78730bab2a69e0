package io.gatehouse.portal.catalog;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.gatehouse.portal.PortalProperties;

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

    CatalogController(PortalCatalog catalog, PortalProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
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
    String api(@PathVariable long id, Model model) {
        model.addAttribute("overview", catalog.overview(id).orElseThrow(CatalogController::notFound));
        model.addAttribute("gatewayUrl", properties.gatewayUrl());
        return "apis/api";
    }

    @GetMapping(API + "/operations/{key}")
    String operation(@PathVariable long id, @PathVariable String key, Model model) {
        model.addAttribute("page", catalog.operation(id, key).orElseThrow(CatalogController::notFound));
        return "apis/operation";
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
