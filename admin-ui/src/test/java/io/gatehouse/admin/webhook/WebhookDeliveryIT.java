package io.gatehouse.admin.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.gatehouse.admin.AdminFixtures;
import io.gatehouse.admin.AdminTest;
import io.gatehouse.admin.demo.DemoContent;
import io.gatehouse.core.account.AccountService;
import io.gatehouse.core.account.AdminRole;
import io.gatehouse.core.account.AdminUserRepository;
import io.gatehouse.core.apikey.ApiKeyService;
import io.gatehouse.core.apikey.IssuedApiKey;
import io.gatehouse.core.application.Application;
import io.gatehouse.core.application.ApplicationRepository;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.consumer.Consumer;
import io.gatehouse.core.notification.Recipient;
import io.gatehouse.core.plan.Plan;
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.core.subscription.SubscriptionService;
import io.gatehouse.core.webhook.WebhookDeliveries;
import io.gatehouse.core.webhook.WebhookEndpoint;
import io.gatehouse.core.webhook.WebhookEndpoints;
import io.gatehouse.core.webhook.WebhookEvents;
import io.gatehouse.importer.OutboundPost;
import io.gatehouse.testsupport.Canary;

/**
 * The admin UI's dispatcher against real receivers on 127.0.0.1 (allow-listed as "localhost"), retrying every
 * 300 ms twice in tests. Every endpoint made here is deleted afterwards, so other tests' events go nowhere.
 */
@AdminTest
class WebhookDeliveryIT {

    private static final Actor TEST = Actor.system("webhook-test");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(15);

    @Autowired
    WebhookEndpoints endpoints;
    @Autowired
    WebhookDeliveries deliveries;
    @Autowired
    WebhookProperties properties;
    @Autowired
    AdminFixtures fixtures;
    @Autowired
    AccountService accounts;
    @Autowired
    AdminUserRepository adminUsers;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    ApiKeyService keys;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    private Receiver receiver;
    private final List<Runnable> cleanUp = new ArrayList<>();

    @BeforeEach
    void startReceiver() {
        receiver = new Receiver();
    }

    @AfterEach
    void stopReceiver() {
        cleanUp.forEach(Runnable::run);
        receiver.close();
    }

    @Test
    void aConsumersEventsArriveSignedWithIdsAndNamesButNoKey() throws Exception {
        Consumer consumer = consumer();
        WebhookEndpoint endpoint = endpoint(Recipient.consumer(consumer.getId()), "/ok/events",
                List.of("subscription.requested", "subscription.approved", "key.issued"));
        Plan plan = fixtures.manualPlan(null);
        Application application = applications.save(new Application(consumer, "Shop " + unique(), null));
        Subscription subscription = subscriptions.request(consumer.getId(), application.getId(), plan.getId(), null,
                Actor.consumer(consumer.getEmail(), null));
        subscriptions.approve(subscription.getId(), TEST);
        IssuedApiKey key = keys.issueFirstKey(application.getId(), consumer.getId(), TEST).orElseThrow();

        Await.until("three events delivered", LIMIT, () -> receiver.at("/ok/events").size() == 3);
        List<Receiver.Request> received = receiver.at("/ok/events");
        assertThat(received).extracting(r -> r.headers().get("gatehouse-event"))
                .containsExactlyInAnyOrder("subscription.requested", "subscription.approved", "key.issued");
        for (Receiver.Request request : received) {
            JsonNode event = JSON.readTree(request.body());
            assertThat(request.headers().get("content-type")).isEqualTo("application/json");
            assertThat(request.headers().get("gatehouse-delivery")).isEqualTo(event.get("id").asText());
            assertThat(event.get("type").asText()).isEqualTo(request.headers().get("gatehouse-event"));
            assertThat(Instant.parse(event.get("occurredAt").asText())).isBefore(Instant.now());
            assertSignedBy(endpoint.getSecret(), request);
            assertThat(event.at("/data/application/id").asLong()).isEqualTo(application.getId());
            assertThat(event.at("/data/application/name").asText()).isEqualTo(application.getName());
            assertThat(request.body()).doesNotContain(key.plaintext()).doesNotContain(endpoint.getSecret());
        }
        JsonNode approved = event(received, "subscription.approved");
        assertThat(approved.at("/data/subscription/id").asLong()).isEqualTo(subscription.getId());
        assertThat(approved.at("/data/subscription/status").asText()).isEqualTo("APPROVED");
        assertThat(approved.at("/data/api/id").asLong()).isEqualTo(plan.getApi().getId());
        assertThat(approved.at("/data/api/name").asText()).isEqualTo(plan.getApi().getName());
        assertThat(approved.at("/data/plan/name").asText()).isEqualTo("Gold");
        JsonNode issued = event(received, "key.issued");
        assertThat(issued.at("/data/key/id").asText()).isEqualTo(key.key().getKeyId());
        assertThat(issued.at("/data/key/lastFour").asText()).isEqualTo(key.plaintext().substring(
                key.plaintext().length() - 4));

        assertThat(jdbc.queryForList("select d.status, d.attempts, a.http_status from webhook_delivery d"
                + " join webhook_attempt a on a.delivery_id = d.id where d.endpoint_id = ?", endpoint.getId()))
                .hasSize(3).allSatisfy(row -> assertThat(row).containsEntry("status", "DELIVERED")
                        .containsEntry("attempts", 1).containsEntry("http_status", 200));
    }

    @Test
    void aFailedAttemptIsRetriedUntilTheReceiverAnswers2xx() throws Exception {
        WebhookEndpoint endpoint = endpoint(adminOwner(), "/fail-1/retry", List.of("key.revoked"));
        long delivery = endpoints.sendTest(adminOwner(), endpoint.getId()).orElseThrow().getId();

        Await.until("delivered on the second attempt", LIMIT, () -> "DELIVERED".equals(status(delivery)));
        assertThat(attemptStatuses(delivery)).containsExactly(500, 200);
        List<Receiver.Request> received = receiver.at("/fail-1/retry");
        assertThat(received).hasSize(2).extracting(r -> r.headers().get("gatehouse-delivery")).containsOnly(
                jdbc.queryForObject("select event_id from webhook_delivery where id = ?", String.class, delivery));
        assertThat(received).extracting(r -> r.headers().get("gatehouse-event")).containsOnly(WebhookEvents.PING);
        for (Receiver.Request request : received) {
            assertSignedBy(endpoint.getSecret(), request);
        }
    }

    @Test
    void aDeliveryFailsAfterTheLastRetry() {
        WebhookEndpoint endpoint = endpoint(adminOwner(), "/down/always", List.of("key.revoked"));
        long delivery = endpoints.sendTest(adminOwner(), endpoint.getId()).orElseThrow().getId();

        Await.until("failed", LIMIT, () -> "FAILED".equals(status(delivery)));
        // One attempt and a retry after each of the two configured delays.
        assertThat(attemptStatuses(delivery)).containsExactly(500, 500, 500);
        assertThat(receiver.at("/down/always")).hasSize(3);
        assertThat(jdbc.queryForObject("select attempts from webhook_delivery where id = ?", Integer.class, delivery))
                .isEqualTo(3);
    }

    @Test
    void internalAddressesAreRefusedWithoutAConnection() {
        try (Canary canary = new Canary()) {
            Map<String, String> refusals = Map.of(
                    "http://127.0.0.1:" + canary.port() + "/hook", "The address 127.0.0.1 is a loopback address",
                    "http://[::ffff:127.0.0.1]:" + canary.port() + "/hook", "The address 127.0.0.1 is a loopback address",
                    "http://2130706433:" + canary.port() + "/hook", "resolves to 127.0.0.1, a loopback address",
                    "http://169.254.169.254/latest/meta-data/",
                    "The address 169.254.169.254 is the link-local address of cloud metadata services",
                    "http://10.1.2.3/hook", "The address 10.1.2.3 is a private address");
            Map<Long, String> expected = new java.util.HashMap<>();
            refusals.forEach((url, reason) -> {
                WebhookEndpoint endpoint = endpoints.create(adminOwner(), url, List.of("key.revoked"), TEST);
                cleanUp.add(() -> endpoints.delete(adminOwner(), endpoint.getId(), TEST));
                expected.put(endpoints.sendTest(adminOwner(), endpoint.getId()).orElseThrow().getId(), reason);
            });
            Await.until("every refusal recorded", LIMIT, () -> expected.keySet().stream()
                    .allMatch(id -> !errors(id).isEmpty()));
            expected.forEach((id, reason) -> assertThat(errors(id).get(0)).contains(reason)
                    .endsWith("and webhooks are delivered only to public addresses unless the webhook allow-list"
                            + " includes them."));
            assertThat(canary.connections()).isZero();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void twoMoreDispatchersNeverSendOneDeliveryTwice() throws Exception {
        WebhookEndpoint endpoint = endpoint(adminOwner(), "/ok/race", List.of("key.revoked"));
        int count = 40;
        List<Long> ids = transactions.execute(status -> {
            List<Long> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                made.add(endpoints.sendTest(adminOwner(), endpoint.getId()).orElseThrow().getId());
            }
            return made;
        });
        // The scheduled dispatcher runs too: three nodes claim from one outbox at once.
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                WebhookDispatcher node = new WebhookDispatcher(deliveries, properties, new OutboundPost(
                        properties.allowList(), properties.connectTimeout(), properties.timeout()), Clock.systemUTC());
                sent.add(nodes.submit(() -> {
                    int total = 0;
                    for (int round = 0; round < 50 && ids.stream().anyMatch(id -> "PENDING".equals(status(id))); round++) {
                        total += node.dispatchDue();
                    }
                    return total;
                }));
            }
            Await.until("all delivered", LIMIT, () -> ids.stream().allMatch(id -> "DELIVERED".equals(status(id))));
            for (Future<Integer> future : sent) {
                future.get();
            }
        } finally {
            nodes.shutdownNow();
        }
        List<String> deliveryIds = receiver.at("/ok/race").stream().map(r -> r.headers().get("gatehouse-delivery"))
                .toList();
        assertThat(deliveryIds).hasSize(count).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("select count(*) from webhook_attempt a join webhook_delivery d"
                + " on d.id = a.delivery_id where d.endpoint_id = ?", Integer.class, endpoint.getId())).isEqualTo(count);
    }

    @Test
    void eachConsumerGetsOnlyTheirOwnEventsAndAProductOwnerOnlyTheirApis() {
        Consumer ann = consumer();
        Consumer bob = consumer();
        String owner = "owner-" + unique();
        long ownerId = accounts.createAdminUser(owner, "Owner", "a long owner password", AdminRole.PRODUCT_OWNER, TEST)
                .getId();
        WebhookEndpoint annHook = endpoint(Recipient.consumer(ann.getId()), "/ok/ann", WebhookEvents.TYPES);
        WebhookEndpoint bobHook = endpoint(Recipient.consumer(bob.getId()), "/ok/bob", WebhookEvents.TYPES);
        WebhookEndpoint ownerHook = endpoint(Recipient.admin(ownerId), "/ok/owner", WebhookEvents.TYPES);
        WebhookEndpoint adminHook = endpoint(adminOwner(), "/ok/admin", WebhookEvents.TYPES);
        Plan owned = fixtures.manualPlan(owner);
        Plan other = fixtures.manualPlan(null);

        Application annApp = applications.save(new Application(ann, "Ann's " + unique(), null));
        Application bobApp = applications.save(new Application(bob, "Bob's " + unique(), null));
        Subscription bobOwned = subscriptions.request(bob.getId(), bobApp.getId(), owned.getId(), null, TEST);
        subscriptions.reject(bobOwned.getId(), "not yet", TEST);
        subscriptions.request(bob.getId(), bobApp.getId(), other.getId(), null, TEST);
        subscriptions.request(ann.getId(), annApp.getId(), other.getId(), null, TEST);

        Await.until("every event delivered", LIMIT, () -> receiver.at("/ok/admin").size() == 4
                && receiver.at("/ok/bob").size() == 3 && receiver.at("/ok/ann").size() == 1
                && receiver.at("/ok/owner").size() == 2);
        assertThat(payloads(annHook)).singleElement().asString().contains(annApp.getName())
                .doesNotContain(bobApp.getName());
        assertThat(payloads(bobHook)).hasSize(3).allSatisfy(p -> assertThat(p).contains(bobApp.getName())
                .doesNotContain(annApp.getName()));
        assertThat(payloads(ownerHook)).hasSize(2).allSatisfy(p -> assertThat(p)
                .contains("\"name\":\"" + owned.getApi().getName() + "\"").doesNotContain(other.getApi().getName()));
        assertThat(payloads(adminHook)).hasSize(4);
        assertThat(receiver.at("/ok/ann")).singleElement().extracting(r -> r.headers().get("gatehouse-event"))
                .isEqualTo("subscription.requested");
    }

    private WebhookEndpoint endpoint(Recipient owner, String path, List<String> types) {
        WebhookEndpoint endpoint = endpoints.create(owner, receiver.url(path), types, TEST);
        cleanUp.add(() -> endpoints.delete(owner, endpoint.getId(), TEST));
        return endpoint;
    }

    private Recipient adminOwner() {
        return Recipient.admin(adminUsers.findByUsername(DemoContent.ADMIN_USERNAME).orElseThrow().getId());
    }

    private Consumer consumer() {
        return accounts.registerConsumer(unique() + "@example.com", "Consumer", "a long consumer password", TEST);
    }

    private List<String> payloads(WebhookEndpoint endpoint) {
        return jdbc.queryForList("select payload from webhook_delivery where endpoint_id = ? order by id",
                String.class, endpoint.getId());
    }

    private String status(long delivery) {
        return jdbc.queryForObject("select status from webhook_delivery where id = ?", String.class, delivery);
    }

    private List<Integer> attemptStatuses(long delivery) {
        return jdbc.queryForList("select http_status from webhook_attempt where delivery_id = ? order by id",
                Integer.class, delivery);
    }

    private List<String> errors(long delivery) {
        return jdbc.queryForList("select error from webhook_attempt where delivery_id = ? order by id", String.class,
                delivery);
    }

    private static JsonNode event(List<Receiver.Request> received, String type) throws Exception {
        for (Receiver.Request request : received) {
            if (type.equals(request.headers().get("gatehouse-event"))) {
                return JSON.readTree(request.body());
            }
        }
        throw new AssertionError("no " + type + " event");
    }

    /** Checks the signature as a receiver would, with the JDK alone. */
    private static void assertSignedBy(String secret, Receiver.Request request) throws Exception {
        String header = request.headers().get("gatehouse-signature");
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        String time = header.substring(2, header.indexOf(','));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((time + "." + request.body())
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(header.substring(header.indexOf("v1=") + 3)).isEqualTo(expected);
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(time))).isLessThan(60);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
