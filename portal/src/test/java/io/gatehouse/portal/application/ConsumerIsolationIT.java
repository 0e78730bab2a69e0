package io.gatehouse.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.gatehouse.core.apikey.ApiKey;
import io.gatehouse.core.apikey.ApiKeyRepository;
import io.gatehouse.core.application.Application;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.notification.Recipient;
import io.gatehouse.core.subscription.SubscriptionService;
import io.gatehouse.core.webhook.WebhookEndpoints;
import io.gatehouse.portal.PortalTest;
import io.gatehouse.testsupport.WebSession;

/**
 * Consumer A calls every portal route that takes an id with consumer B's ids: each answers 404 and B's rows stay as
 * they were. The route list comes from Spring MVC itself, so a new id-taking route that is not in the matrix fails.
 */
@PortalTest
class ConsumerIsolationIT {

    /** Routes with ids that anyone may read: the public catalog (GET only). */
    static final Set<String> PUBLIC = Set.of(
            "GET /apis/{id:[0-9]{1,18}}",
            "GET /apis/{id:[0-9]{1,18}}/operations/{key}",
            "GET /apis/{id:[0-9]{1,18}}/webhooks/{key}",
            "GET /apis/{id:[0-9]{1,18}}/schemas/{name}",
            "GET /apis/{id:[0-9]{1,18}}/document");

    /**
     * Logged-in routes whose ids name only public catalog objects and that load nothing of any consumer's (Try it
     * relays the key pasted into the form): there is nothing of B's for A to reach.
     */
    static final Set<String> CATALOG_ONLY = Set.of(
            "POST /apis/{id:[0-9]{1,18}}/operations/{key}/try");

    record Call(String method, String path, Map<String, String> fields) {
    }

    record Ids(long application, long key, long api, long plan, long webhook) {
    }

    /** Every id-taking route a consumer can call, and how to call it with B's ids. */
    static final Map<String, Function<Ids, Call>> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put("GET /applications/{id:[0-9]{1,18}}",
                ids -> new Call("GET", "/applications/" + ids.application(), Map.of()));
        MATRIX.put("POST /applications/{id:[0-9]{1,18}}",
                ids -> new Call("POST", "/applications/" + ids.application(),
                        Map.of("name", "Taken over", "description", "by A")));
        MATRIX.put("POST /applications/{id:[0-9]{1,18}}/delete",
                ids -> new Call("POST", "/applications/" + ids.application() + "/delete", Map.of()));
        MATRIX.put("POST /applications/{id:[0-9]{1,18}}/keys/rotate",
                ids -> new Call("POST", "/applications/" + ids.application() + "/keys/rotate",
                        Map.of("overlapHours", "1")));
        MATRIX.put("POST /applications/{id:[0-9]{1,18}}/keys/{keyId:[0-9]{1,18}}/revoke",
                ids -> new Call("POST", "/applications/" + ids.application() + "/keys/" + ids.key() + "/revoke",
                        Map.of()));
        MATRIX.put("GET /applications/{id:[0-9]{1,18}}/usage",
                ids -> new Call("GET", "/applications/" + ids.application() + "/usage", Map.of()));
        MATRIX.put("GET /webhooks/{id:[0-9]{1,18}}", ids -> new Call("GET", "/webhooks/" + ids.webhook(), Map.of()));
        for (String action : List.of("rotate-secret", "test", "delete", "active")) {
            MATRIX.put("POST /webhooks/{id:[0-9]{1,18}}/" + action, ids -> new Call("POST",
                    "/webhooks/" + ids.webhook() + "/" + action, Map.of("active", "false")));
        }
        // The Api is public; the application in the form is B's.
        MATRIX.put("POST /apis/{id:[0-9]{1,18}}/subscriptions",
                ids -> new Call("POST", "/apis/" + ids.api() + "/subscriptions",
                        Map.of("planId", Long.toString(ids.plan()), "applicationId", Long.toString(ids.application()))));
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    CatalogService catalog;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    ApiKeyRepository keys;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WebhookEndpoints webhooks;

    @Autowired
    SelfServiceFixture fixture;


    @Test
    void everyRouteThatTakesAnIdIsInTheMatrix() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("ANY")
                    : info.getMethodsCondition().getMethods().stream().map(Enum::name)
                            .collect(java.util.stream.Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                if (pattern.contains("{")) {
                    methods.forEach(method -> routes.add(method + " " + pattern));
                }
            }
        }
        assertThat(routes).as("id-taking routes missing from the isolation matrix")
                .allMatch(route -> MATRIX.containsKey(route) || PUBLIC.contains(route) || CATALOG_ONLY.contains(route));
        assertThat(routes).containsAll(MATRIX.keySet()).containsAll(CATALOG_ONLY);
    }

    @Test
    void consumerAGetsA404ForEveryObjectOfConsumerBAndNothingChanges() {
        SelfServiceFixture.Offer offer = fixture.offer();
        SelfServiceFixture.Offer other = fixture.offer();
        SelfServiceFixture.Account a = fixture.consumer();
        SelfServiceFixture.Account b = fixture.consumer();
        Application bApp = fixture.application(b);
        subscriptions.request(b.id(), bApp.getId(), offer.automatic().getId(), null, Actor.consumer(b.email(), null));
        WebSession bSession = fixture.login(b);
        bSession.get("/applications/" + bApp.getId());
        ApiKey bKey = keys.findByApplicationIdOrderByCreatedAtDesc(bApp.getId()).get(0);
        Application aApp = fixture.application(a);
        long bHook = webhooks.create(Recipient.consumer(b.id()), "https://b.example.com/hooks", List.of("key.issued"),
                Actor.consumer(b.email(), null)).getId();
        Ids ids = new Ids(bApp.getId(), bKey.getId(), other.api().getId(), other.manual().getId(), bHook);

        WebSession session = fixture.login(a);
        String csrf = session.csrfToken("/applications");
        List<Map<String, Object>> before = snapshot(bApp.getId());
        for (Map.Entry<String, Function<Ids, Call>> entry : MATRIX.entrySet()) {
            Call call = entry.getValue().apply(ids);
            HttpResponse<String> response;
            if (call.method().equals("GET")) {
                response = session.get(call.path());
            } else {
                Map<String, String> fields = new LinkedHashMap<>(call.fields());
                fields.put("_csrf", csrf);
                response = session.postForm(call.path(), fields);
            }
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(404);
            assertThat(response.body()).as(entry.getKey()).doesNotContain(bApp.getName());
            assertThat(snapshot(bApp.getId())).as("B's rows after " + entry.getKey()).isEqualTo(before);
        }

        // A's own application with B's key id: still nobody's key to revoke.
        HttpResponse<String> mixed = session.postForm("/applications/" + aApp.getId() + "/keys/" + bKey.getId()
                + "/revoke", Map.of("_csrf", csrf));
        assertThat(mixed.statusCode()).isEqualTo(404);
        assertThat(snapshot(bApp.getId())).isEqualTo(before);
    }

    private List<Map<String, Object>> snapshot(long applicationId) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        rows.addAll(jdbc.queryForList("select * from application where id = ?", applicationId));
        rows.addAll(jdbc.queryForList("select * from api_key where application_id = ? order by id", applicationId));
        rows.addAll(jdbc.queryForList("select * from subscription where application_id = ? order by id", applicationId));
        rows.addAll(jdbc.queryForList(
                "select count(*) as subscriptions from subscription where application_id in"
                        + " (select id from application where consumer_id = (select consumer_id from application where id = ?))",
                applicationId));
        rows.addAll(jdbc.queryForList("select * from webhook_endpoint where consumer_id ="
                + " (select consumer_id from application where id = ?) order by id", applicationId));
        rows.addAll(jdbc.queryForList("select count(*) as deliveries from webhook_delivery where endpoint_id in"
                + " (select e.id from webhook_endpoint e join application a on a.consumer_id = e.consumer_id"
                + " where a.id = ?)", applicationId));
        return rows;
    }
}
