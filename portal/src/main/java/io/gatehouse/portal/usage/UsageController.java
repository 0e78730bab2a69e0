package io.gatehouse.portal.usage;

import java.security.Principal;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.gatehouse.core.analytics.Resolution;
import io.gatehouse.core.analytics.UsageCharts;
import io.gatehouse.core.analytics.UsageScope;
import io.gatehouse.portal.security.CurrentConsumer;

/**
 * "My usage": what a consumer's applications called through the gateway, across all of them and per application
 * and subscription, with quota use as the gateway counts it. Another consumer's application id is a 404.
 */
@Controller
class UsageController {

    private final UsagePages pages;
    private final CurrentConsumer current;

    UsageController(UsagePages pages, CurrentConsumer current) {
        this.pages = pages;
        this.current = current;
    }

    @GetMapping("/usage")
    String overview(@RequestParam(required = false) String range, Principal principal, Model model) {
        UsageRange chosen = UsageRange.of(range);
        Instant now = Instant.now();
        UsagePages.Overview overview = pages.overview(current.id(principal), chosen.start(now), now, now);
        addRange(model, chosen, now);
        model.addAttribute("overview", overview);
        model.addAttribute("trafficChart", UsageCharts.traffic(overview.series(), resolution(chosen, now)).json());
        return "usage/overview";
    }

    @GetMapping("/applications/{id:[0-9]{1,18}}/usage")
    String application(@PathVariable long id, @RequestParam(required = false) String range, Principal principal,
            Model model) {
        UsageRange chosen = UsageRange.of(range);
        Instant now = Instant.now();
        UsagePages.ApplicationView view = pages.application(id, current.id(principal), chosen.start(now), now, now)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        addRange(model, chosen, now);
        model.addAttribute("view", view);
        model.addAttribute("trafficChart", UsageCharts.traffic(view.series(), resolution(chosen, now)).json());
        model.addAttribute("latencyChart", UsageCharts.latency(view.series(), resolution(chosen, now)).json());
        return "usage/application";
    }

    private static void addRange(Model model, UsageRange chosen, Instant now) {
        model.addAttribute("range", chosen);
        model.addAttribute("ranges", UsageRange.ALL);
        model.addAttribute("from", chosen.start(now));
        model.addAttribute("to", now);
        model.addAttribute("resolution", resolution(chosen, now));
    }

    private static Resolution resolution(UsageRange range, Instant now) {
        return new UsageScope(range.start(now), now, null, null, null, null, null).resolution();
    }
}
