package io.gatehouse.portal.catalog;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.gatehouse.portal.security.CurrentConsumer;

/**
 * Try it: a logged-in consumer sends one operation's request through the portal to the gateway, with a key they
 * paste, and sees the answer. The portal only relays to its configured gateway URL ({@link TryItRelay}); the
 * consumer chooses values, never the host. Answers the {@code try-it-result} fragment for HTMX, else the whole page.
 */
@Controller
class TryItController {

    private final PortalCatalog catalog;
    private final TryItPages pages;
    private final TryItRelay relay;
    private final TryItThrottle throttle;
    private final CurrentConsumer current;

    TryItController(PortalCatalog catalog, TryItPages pages, TryItRelay relay, TryItThrottle throttle,
            CurrentConsumer current) {
        this.catalog = catalog;
        this.pages = pages;
        this.relay = relay;
        this.throttle = throttle;
        this.current = current;
    }

    @PostMapping("/apis/{id:[0-9]{1,18}}/operations/{key}/try")
    String tryIt(@PathVariable long id, @PathVariable String key, @Valid @ModelAttribute("tryItForm") TryItForm form,
            BindingResult errors, @RequestParam MultiValueMap<String, String> parameters, Principal principal,
            HtmxRequest htmx, Model model) {
        long consumerId = current.id(principal);
        PortalCatalog.OperationPage page = catalog.operation(id, key)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String keyHeader = pages.keyHeader(id);
        List<TryItPages.Field> fields = TryItPages.fields(page, keyHeader);
        Map<String, String> pathValues = new LinkedHashMap<>();
        List<Map.Entry<String, String>> query = new ArrayList<>();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (TryItPages.Field field : fields) {
            String value = TryItPages.submitted(parameters).apply(field);
            switch (field.in()) {
                case "path" -> pathValues.put(field.name(), value);
                case "query" -> query.add(Map.entry(field.name(), value));
                default -> {
                    if (!value.isEmpty()) {
                        headers.add(Map.entry(field.name(), value));
                    }
                }
            }
        }
        String body = form.body() == null || form.body().isBlank() || TryItPages.contentTypes(page).isEmpty() ? null : form.body();
        TryItRelay.Result result;
        if (errors.hasErrors()) {
            result = TryItRelay.Result.refused(errors.getAllErrors().get(0).getDefaultMessage(), null);
        } else {
            result = send(consumerId, page, keyHeader, form, pathValues, query, headers, body);
        }
        model.addAttribute("result", result);
        if (htmx.isHtmxRequest()) {
            return "apis/operation :: try-it-result";
        }
        return pages.operationPage(page, principal, model, TryItPages.submitted(parameters), form);
    }

    private TryItRelay.Result send(long consumerId, PortalCatalog.OperationPage page, String keyHeader, TryItForm form,
            Map<String, String> pathValues, List<Map.Entry<String, String>> query,
            List<Map.Entry<String, String>> headers, String body) {
        TryItRelay.Call call;
        try {
            call = new TryItRelay.Call(page.operation().method(), relay.target().resolve(page.api().contextPath(),
                    page.operation().path(), pathValues, query), keyHeader, form.apiKey(), headers,
                    form.contentType() == null ? "" : form.contentType().strip(), body);
        } catch (IllegalArgumentException incomplete) {
            return TryItRelay.Result.refused(incomplete.getMessage(), null);
        }
        if (!throttle.tryAcquire(consumerId)) {
            return TryItRelay.Result.refused("At most " + TryItThrottle.PER_MINUTE
                    + " requests a minute can be sent from the portal; wait a moment and try again.", null);
        }
        return relay.send(call);
    }
}
