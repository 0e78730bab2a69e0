package io.gatehouse.portal.catalog;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.gatehouse.core.application.ApplicationRepository;
import io.gatehouse.core.subscription.SubscriptionRepository;
import io.gatehouse.core.subscription.SubscriptionStatus;
import io.gatehouse.importer.ImportedOperation;
import io.gatehouse.portal.security.CurrentConsumer;

/**
 * What the operation page needs for its Try it form: one field per path, query and header parameter the document
 * lists (and per path variable it forgot to list), the request body's content types and example, the header the key
 * goes in, and which of the consumer's applications may call this Api.
 */
@Component
class TryItPages {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^{}/]+)}");

    private final PortalCatalog catalog;
    private final ApplicationRepository applications;
    private final SubscriptionRepository subscriptions;
    private final CurrentConsumer current;
    private final TryItRelay relay;

    TryItPages(PortalCatalog catalog, ApplicationRepository applications, SubscriptionRepository subscriptions,
            CurrentConsumer current, TryItRelay relay) {
        this.catalog = catalog;
        this.relay = relay;
        this.applications = applications;
        this.subscriptions = subscriptions;
        this.current = current;
    }

    /**
     * One form field.
     *
     * @param in path, query or header
     * @param field the form field's name, {@code <in>:<name>}
     */
    record Field(String name, String in, boolean required, String type, String value, String field, String id) {
    }

    /** An application of the consumer with an approved subscription to this Api. */
    record KeyedApplication(long id, String name) {
    }

    /**
     * @param address the gateway URL of the Api, where requests go
     * @param contentTypes of the request body, in the document's order; empty when the operation takes none
     * @param applications null for a visitor who is not logged in
     */
    record View(String address, List<Field> fields, String keyHeader, List<String> contentTypes,
            List<KeyedApplication> applications) {

        public boolean takesBody() {
            return !contentTypes.isEmpty();
        }
    }

    /** Adds the operation page and its Try it form to the model and names the template. */
    String operationPage(PortalCatalog.OperationPage page, Principal principal, Model model,
            Function<Field, String> values, TryItForm form) {
        model.addAttribute("page", page);
        if (!page.webhook()) {
            String keyHeader = keyHeader(page.api().id());
            List<Field> fields = fields(page, keyHeader).stream()
                    .map(field -> new Field(field.name(), field.in(), field.required(), field.type(),
                            values.apply(field), field.field(), field.id()))
                    .toList();
            List<KeyedApplication> mine = principal == null ? null : keyedApplications(current.id(principal),
                    page.api().id());
            model.addAttribute("tryIt", new View(relay.target().base() + page.api().contextPath(), fields, keyHeader, contentTypes(page), mine));
            model.addAttribute("tryItForm", form != null ? form.withoutKey()
                    : TryItForm.empty(contentTypes(page).stream().findFirst().orElse(""), exampleBody(page)));
        }
        return "apis/operation";
    }

    /** The page as first shown: parameter fields hold the document's examples. */
    String operationPage(PortalCatalog.OperationPage page, Principal principal, Model model) {
        return operationPage(page, principal, model, field -> field.value() == null ? "" : field.value(), null);
    }

    String keyHeader(long apiId) {
        return TryItRelay.keyHeader(catalog.apiKeyHeader(apiId).orElse(null));
    }

    /** The fields of the form, each with the document's example as its value. */
    static List<Field> fields(PortalCatalog.OperationPage page, String keyHeader) {
        List<Field> fields = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (PortalCatalog.ParameterRow parameter : page.parameters()) {
            boolean offered = switch (parameter.in()) {
                case "path", "query" -> true;
                case "header" -> TryItRelay.sendable(parameter.name(), keyHeader);
                default -> false;
            };
            if (offered && seen.add(parameter.in() + ":" + parameter.name())) {
                fields.add(new Field(parameter.name(), parameter.in(), parameter.required() || "path".equals(parameter.in()),
                        parameter.type(), parameter.example(), parameter.in() + ":" + parameter.name(),
                        "try-param-" + fields.size()));
            }
        }
        Matcher variable = PATH_VARIABLE.matcher(page.operation().path());
        while (variable.find()) {
            String name = variable.group(1);
            if (seen.add("path:" + name)) {
                fields.add(new Field(name, "path", true, "string", null, "path:" + name, "try-param-" + fields.size()));
            }
        }
        return List.copyOf(fields);
    }

    static List<String> contentTypes(PortalCatalog.OperationPage page) {
        return page.requestBody() == null ? List.of()
                : page.requestBody().content().stream().map(PortalCatalog.ContentView::contentType).distinct().toList();
    }

    /** The first example of the first content type that has one; empty without. */
    static String exampleBody(PortalCatalog.OperationPage page) {
        if (page.requestBody() == null || page.requestBody().content().isEmpty()) {
            return "";
        }
        PortalCatalog.ContentView first = page.requestBody().content().get(0);
        return first.examples().stream().map(ImportedOperation.NamedExample::value).filter(value -> value != null)
                .findFirst().orElse("");
    }

    private List<KeyedApplication> keyedApplications(long consumerId, long apiId) {
        return applications.findByConsumerIdOrderByNameAsc(consumerId).stream()
                .filter(app -> subscriptions.findByApplicationIdAndLiveApiId(app.getId(), apiId)
                        .filter(subscription -> subscription.getStatus() == SubscriptionStatus.APPROVED).isPresent())
                .map(app -> new KeyedApplication(app.getId(), app.getName()))
                .toList();
    }

    /** The values the consumer sent for the form's fields, by field name. */
    static Function<Field, String> submitted(Map<String, List<String>> parameters) {
        return field -> {
            List<String> values = parameters.get(field.field());
            return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
        };
    }
}
