package io.gatehouse.portal.home;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.consumer.ConsumerRepository;
import io.gatehouse.portal.PortalProperties;

/** The portal's front page: who is signed in, and the APIs on offer. */
@Controller
class HomeController {

    private final CatalogService catalog;
    private final ConsumerRepository consumers;
    private final PortalProperties properties;

    HomeController(CatalogService catalog, ConsumerRepository consumers, PortalProperties properties) {
        this.catalog = catalog;
        this.consumers = consumers;
        this.properties = properties;
    }

    @GetMapping("/")
    String home(Principal principal, Model model) {
        if (principal != null) {
            consumers.findByEmailIgnoringCase(principal.getName())
                    .ifPresent(consumer -> model.addAttribute("consumerName", consumer.getDisplayName()));
        }
        model.addAttribute("apis", catalog.listed());
        model.addAttribute("gatewayUrl", properties.gatewayUrl());
        return "home";
    }
}
