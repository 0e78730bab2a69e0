package io.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.gatehouse.core.account.AccountService;
import io.gatehouse.core.account.AdminRole;
import io.gatehouse.core.account.AdminUser;
import io.gatehouse.core.alert.ErrorRateAlerts;
import io.gatehouse.core.alert.QuotaAlerts;
import io.gatehouse.core.analytics.AnalyticsProperties;
import io.gatehouse.core.analytics.AnalyticsQueries;
import io.gatehouse.core.analytics.Resolution;
import io.gatehouse.core.analytics.UsageScope;
import io.gatehouse.core.analytics.AnalyticsRollups;
import io.gatehouse.core.apikey.ApiKey;
import io.gatehouse.core.apikey.ApiKeyFormat;
import io.gatehouse.core.apikey.ApiKeyHasher;
import io.gatehouse.core.apikey.ApiKeyRepository;
import io.gatehouse.core.apikey.ApiKeyService;
import io.gatehouse.core.apikey.ApiKeyStatus;
import io.gatehouse.core.apikey.IssuedApiKey;
import io.gatehouse.core.apikey.KeyExpiryNotices;
import io.gatehouse.core.application.Application;
import io.gatehouse.core.application.ApplicationRepository;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.ApiLifecycle;
import io.gatehouse.core.catalog.ApiVersionRepository;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.catalog.MockResponse;
import io.gatehouse.core.catalog.NewApi;
import io.gatehouse.core.catalog.NewApiVersion;
import io.gatehouse.core.consumer.Consumer;
import io.gatehouse.core.gatewayconfig.GatewayConfigChanges;
import io.gatehouse.core.notification.Notifications;
import io.gatehouse.core.notification.Recipient;
import io.gatehouse.core.plan.ApprovalMode;
import io.gatehouse.core.plan.Plan;
import io.gatehouse.core.plan.PlanService;
import io.gatehouse.core.plan.PlanTerms;
import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.plan.RateLimit;
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.core.subscription.SubscriptionRepository;
import io.gatehouse.core.subscription.SubscriptionService;
import io.gatehouse.core.subscription.SubscriptionStatus;
import io.gatehouse.core.webhook.WebhookEndpoints;

/**
 * The domain against a real database, migrated by Flyway: run once on H2 and once on PostgreSQL by the
 * subclasses, so the same migrations and mappings are proven on both.
 */
@SpringBootTest(classes = CoreTestApplication.class)
abstract class PersistenceContract {

    private static final Actor ADMIN = Actor.admin("admin", "127.0.0.1");

    @Autowired
    AccountService accounts;
    @Autowired
    CatalogService catalog;
    @Autowired
    PlanService plans;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    SubscriptionRepository subscriptionRows;
    @Autowired
    ApiKeyService keys;
    @Autowired
    ApiKeyRepository keyRows;
    @Autowired
    ApiKeyHasher hasher;
    @Autowired
    ApiVersionRepository versions;
    @Autowired
    GatewayConfigChanges gatewayConfig;
    @Autowired
    Notifications notifications;
    @Autowired
    KeyExpiryNotices expiryNotices;
    @Autowired
    WebhookEndpoints webhookEndpoints;
    @Autowired
    AnalyticsRollups rollups;
    @Autowired
    AnalyticsQueries analytics;
    @Autowired
    QuotaAlerts quotaAlerts;
    @Autowired
    ErrorRateAlerts errorAlerts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void approvingAManualSubscriptionIssuesOneKeyStoredOnlyAsAHash() {
        Fixture f = fixture(ApprovalMode.MANUAL);
        long revisionBefore = gatewayConfig.currentRevision();

        Subscription requested = subscriptions.request(f.consumer.getId(), f.application.getId(),
                f.plan.getId(), "for the test", Actor.consumer(f.consumer.getEmail(), "10.0.0.1"));
        assertThat(requested.getStatus()).isEqualTo(SubscriptionStatus.PENDING);
        assertThat(keys.issueFirstKey(f.application.getId(), f.consumer.getId(), ADMIN)).isEmpty();

        Subscription approved = subscriptions.approve(requested.getId(), ADMIN);
        assertThat(approved.getStatus()).isEqualTo(SubscriptionStatus.APPROVED);
        assertThat(keyRows.findByApplicationIdOrderByCreatedAtDesc(f.application.getId())).isEmpty();
        IssuedApiKey issued = keys.issueFirstKey(f.application.getId(), f.consumer.getId(),
                Actor.consumer(f.consumer.getEmail(), null)).orElseThrow();
        assertThat(keys.issueFirstKey(f.application.getId(), f.consumer.getId(), ADMIN)).isEmpty();
        assertThat(ApiKeyFormat.parse(issued.plaintext())).isNotNull();

        ApiKey stored = keyRows.findByKeyId(ApiKeyFormat.parse(issued.plaintext()).keyId()).orElseThrow();
        assertThat(stored.getSecretHash()).isEqualTo(hasher.hashHex(ApiKeyFormat.parse(issued.plaintext()).secret()));
        List<Map<String, Object>> rows = jdbc.queryForList("select * from api_key");
        assertThat(rows.toString()).doesNotContain(issued.plaintext())
                .doesNotContain(ApiKeyFormat.parse(issued.plaintext()).secret());

        assertThat(gatewayConfig.currentRevision()).isGreaterThan(revisionBefore);
        assertThat(jdbc.queryForList(
                "select action from audit_entry where object_type = 'subscription' and object_id = ?", String.class,
                String.valueOf(requested.getId())))
                .containsExactly("subscription.requested", "subscription.approved");
        assertThat(jdbc.queryForObject("select source_address from audit_entry where action = 'subscription.requested'"
                + " and object_id = ?", String.class, String.valueOf(requested.getId())))
                .isEqualTo("10.0.0.1");
    }

    @Test
    void automaticPlansApproveAtOnceAndASecondApprovalForTheApplicationIssuesNoNewKey() {
        Fixture f = fixture(ApprovalMode.AUTOMATIC);
        Subscription first = subscriptions.request(f.consumer.getId(), f.application.getId(), f.plan.getId(),
                null, Actor.consumer(f.consumer.getEmail(), null));
        assertThat(first.getStatus()).isEqualTo(SubscriptionStatus.APPROVED);
        assertThat(keys.issueFirstKey(f.application.getId(), f.consumer.getId(), ADMIN)).isPresent();

        Api other = newApi();
        Plan otherPlan = plans.create(other.getId(), terms("Other", ApprovalMode.AUTOMATIC), ADMIN);
        Subscription second = subscriptions.request(f.consumer.getId(), f.application.getId(),
                otherPlan.getId(), null, Actor.consumer(f.consumer.getEmail(), null));
        assertThat(second.getStatus()).isEqualTo(SubscriptionStatus.APPROVED);
        assertThat(keys.issueFirstKey(f.application.getId(), f.consumer.getId(), ADMIN)).isEmpty();
        assertThat(keyRows.findByApplicationIdOrderByCreatedAtDesc(f.application.getId())).hasSize(1);
    }

    @Test
    void anApplicationHoldsOneLiveSubscriptionPerApiAndTheDatabaseEnforcesIt() {
        Fixture f = fixture(ApprovalMode.MANUAL);
        Subscription first = subscriptions.request(f.consumer.getId(), f.application.getId(), f.plan.getId(), null,
                Actor.consumer(f.consumer.getEmail(), null));

        assertThatThrownBy(() -> subscriptions.request(f.consumer.getId(), f.application.getId(), f.plan.getId(),
                null, Actor.consumer(f.consumer.getEmail(), null)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> jdbc.update("insert into subscription (application_id, plan_id, api_id, live_api_id,"
                + " status, requested_at, row_version) values (?, ?, ?, ?, 'PENDING', ?, 0)", f.application.getId(),
                f.plan.getId(), f.api.getId(), f.api.getId(), Timestamp.from(Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);

        subscriptions.reject(first.getId(), "not this time", ADMIN);
        Subscription again = subscriptions.request(f.consumer.getId(), f.application.getId(), f.plan.getId(), null,
                Actor.consumer(f.consumer.getEmail(), null));
        assertThat(again.getStatus()).isEqualTo(SubscriptionStatus.PENDING);
        assertThat(subscriptionRows.findById(first.getId()).orElseThrow().getDecisionReason()).isEqualTo("not this time");
    }

    @Test
    void twoAdminsApprovingTheSameRequestAtOnceYieldOneApprovalAndTwoTabsGetOneFirstKey() throws Exception {
        Fixture f = fixture(ApprovalMode.MANUAL);
        long id = subscriptions.request(f.consumer.getId(), f.application.getId(), f.plan.getId(), null,
                Actor.consumer(f.consumer.getEmail(), null)).getId();

        int approvals = concurrently(() -> subscriptions.approve(id, Actor.admin("alice", null)) != null,
                () -> subscriptions.approve(id, Actor.admin("bob", null)) != null);
        assertThat(approvals).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'subscription.approved'"
                + " and object_id = ?", Integer.class, String.valueOf(id))).isEqualTo(1);

        Actor consumer = Actor.consumer(f.consumer.getEmail(), null);
        int firstKeys = concurrently(
                () -> keys.issueFirstKey(f.application.getId(), f.consumer.getId(), consumer).isPresent(),
                () -> keys.issueFirstKey(f.application.getId(), f.consumer.getId(), consumer).isPresent());
        assertThat(firstKeys).isEqualTo(1);
        assertThat(keyRows.findByApplicationIdOrderByCreatedAtDesc(f.application.getId())).hasSize(1);
    }

    /** Runs the tasks at the same moment; how many returned true (an exception counts as false). */
    @SafeVarargs
    private static int concurrently(Callable<Boolean>... tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Callable<Boolean> task : tasks) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return task.call();
                    } catch (RuntimeException lost) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int successes = 0;
            for (Future<Boolean> result : results) {
                successes += result.get() ? 1 : 0;
            }
            return successes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rotationKeepsTheOldKeyForTheOverlapAndRevocationStopsIt() {
        Fixture f = fixture(ApprovalMode.AUTOMATIC);
        subscriptions.request(f.consumer.getId(), f.application.getId(), f.plan.getId(), null,
                Actor.consumer(f.consumer.getEmail(), null));
        IssuedApiKey first = keys.issueFirstKey(f.application.getId(), f.consumer.getId(), ADMIN).orElseThrow();

        IssuedApiKey second = keys.rotate(f.application.getId(), Duration.ofHours(24), ADMIN);

        ApiKey old = keyRows.findById(first.key().getId()).orElseThrow();
        assertThat(old.getStatus()).isEqualTo(ApiKeyStatus.EXPIRING);
        assertThat(old.isUsableAt(Instant.now())).isTrue();
        assertThat(old.isUsableAt(Instant.now().plus(Duration.ofHours(25)))).isFalse();
        assertThat(second.plaintext()).isNotEqualTo(first.plaintext());

        keys.revoke(old.getId(), ADMIN);
        assertThat(keyRows.findById(old.getId()).orElseThrow().isUsableAt(Instant.now())).isFalse();
        assertThat(keyRows.findById(second.key().getId()).orElseThrow().getStatus()).isEqualTo(ApiKeyStatus.ACTIVE);
    }

    @Test
    void aManualRequestIsToldToEveryAdminAndTheApisOwnerButNotToOtherOwners() {
        AdminUser admin = accounts.createAdminUser("admin-" + unique(), "Admin", "admin password 123",
                AdminRole.ADMIN, ADMIN);
        AdminUser otherOwner = accounts.createAdminUser("owner-" + unique(), "Other", "owner password 123",
                AdminRole.PRODUCT_OWNER, ADMIN);
        Fixture manual = fixture(ApprovalMode.MANUAL);
        Fixture automatic = fixture(ApprovalMode.AUTOMATIC);
        long adminUnread = notifications.unreadCount(Recipient.admin(admin.getId()));

        Subscription requested = subscriptions.request(manual.consumer.getId(), manual.application.getId(),
                manual.plan.getId(), "Nightly sync", Actor.consumer(manual.consumer.getEmail(), null));
        subscriptions.request(automatic.consumer.getId(), automatic.application.getId(), automatic.plan.getId(), null,
                Actor.consumer(automatic.consumer.getEmail(), null));

        assertThat(notifications.unreadCount(Recipient.admin(admin.getId())))
                .as("an automatic approval waits for no one").isEqualTo(adminUnread + 1);
        List<Notifications.Seen> owners = notifications.open(Recipient.admin(manual.api.getOwnerId()));
        assertThat(owners).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("subscription.requested");
            assertThat(n.message()).contains(manual.consumer.getEmail(), manual.application.getName(), "Nightly sync");
            assertThat(n.unread()).isTrue();
        });
        assertThat(notifications.unreadCount(Recipient.admin(manual.api.getOwnerId()))).isZero();
        assertThat(notifications.latest(Recipient.admin(otherOwner.getId()))).isEmpty();
        assertThat(notifications.latest(Recipient.consumer(manual.consumer.getId()))).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from notification where subscription_id = ?", Long.class,
                requested.getId())).isGreaterThanOrEqualTo(2L);
    }

    @Test
    void aRotatedKeysConsumerIsToldOnceWhenItsOverlapEndsWithinTheNoticePeriod() {
        Fixture soon = fixture(ApprovalMode.AUTOMATIC);
        Fixture later = fixture(ApprovalMode.AUTOMATIC);
        for (Fixture f : List.of(soon, later)) {
            subscriptions.request(f.consumer.getId(), f.application.getId(), f.plan.getId(), null,
                    Actor.consumer(f.consumer.getEmail(), null));
            keys.issueFirstKey(f.application.getId(), f.consumer.getId(), ADMIN).orElseThrow();
        }
        webhookEndpoints.create(Recipient.consumer(soon.consumer.getId()), "https://hooks.example.com/gatehouse",
                List.of("key.expiring"), ADMIN);
        keys.rotate(soon.application.getId(), Duration.ofMinutes(30), ADMIN);
        keys.rotate(later.application.getId(), Duration.ofHours(3), ADMIN);
        Instant now = Instant.now();

        expiryNotices.tellDue(now);
        assertThat(expiryNotices.tellDue(now.plusSeconds(60))).as("each key is told once").isZero();

        assertThat(notifications.latest(Recipient.consumer(soon.consumer.getId()))).singleElement().satisfies(n -> {
            assertThat(n.getKind()).isEqualTo("key.expiring");
            assertThat(n.getMessage()).contains(soon.application.getName(), "stops working at", " UTC");
        });
        assertThat(jdbc.queryForList("select d.event_type from webhook_delivery d join webhook_endpoint e"
                + " on e.id = d.endpoint_id where e.consumer_id = ?", String.class, soon.consumer.getId()))
                .as("and a webhook is queued for it").containsExactly("key.expiring");
        assertThat(notifications.latest(Recipient.consumer(later.consumer.getId())))
                .as("three hours away is outside the one-hour notice").isEmpty();
        assertThat(expiryNotices.tellDue(now.plus(Duration.ofMinutes(150)))).isGreaterThanOrEqualTo(1);
        assertThat(notifications.latest(Recipient.consumer(later.consumer.getId()))).hasSize(1);
    }

    @Test
    void rejectionNeedsAReasonAndFinishedSubscriptionsCannotMove() {
        Fixture f = fixture(ApprovalMode.MANUAL);
        long id = subscriptions.request(f.consumer.getId(), f.application.getId(), f.plan.getId(), null,
                Actor.consumer(f.consumer.getEmail(), null)).getId();
        assertThatThrownBy(() -> subscriptions.reject(id, " ", ADMIN)).isInstanceOf(IllegalArgumentException.class);
        subscriptions.reject(id, "duplicate", ADMIN);
        assertThatThrownBy(() -> subscriptions.approve(id, ADMIN)).isInstanceOf(IllegalStateException.class);
        assertThat(subscriptionRows.findById(id).orElseThrow().getStatus()).isEqualTo(SubscriptionStatus.REJECTED);
    }

    @Test
    void theCatalogKeepsTheDocumentVerbatimWithItsOperationsAndLifecycle() {
        String document = "openapi: 3.0.3\n# " + "x".repeat(2_000_000) + "\n";
        Api api = catalog.create(new NewApi("/big/" + unique(), true, List.of(), null),
                version(document), ADMIN);
        api = catalog.moveTo(api.getId(), ApiLifecycle.PUBLISHED, ADMIN);

        var stored = versions.findByApiIdOrderByImportedAtDesc(api.getId());
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getDocument()).isEqualTo(document);
        tx.executeWithoutResult(status -> {
            var operations = versions.findById(stored.get(0).getId()).orElseThrow().getOperations();
            assertThat(operations).singleElement().satisfies(op -> {
                assertThat(op.getPath()).isEqualTo("/pets/{petId}");
                assertThat(op.getTags()).containsExactly("pets", "read");
                assertThat(op.getMockResponses()).containsExactly(
                        new MockResponse(200, "application/json", "default", "{\"id\":1}"));
            });
        });
        assertThat(catalog.listed()).extracting(Api::getId).contains(api.getId());
        assertThatThrownBy(() -> catalog.moveTo(stored.get(0).getApi().getId(), ApiLifecycle.DRAFT, ADMIN))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reimportingAddsAVersionAndKeepsPlansAndSubscriptions() {
        Fixture f = fixture(ApprovalMode.AUTOMATIC);
        long subscriptionId = subscriptions.request(f.consumer.getId(), f.application.getId(), f.plan.getId(), null,
                Actor.consumer(f.consumer.getEmail(), null)).getId();
        long revisionBefore = gatewayConfig.currentRevision();

        var second = catalog.addVersion(f.api.getId(), version("openapi: 3.0.3\n# second"), ADMIN);

        assertThat(versions.findByApiIdOrderByImportedAtDesc(f.api.getId())).hasSize(2);
        assertThat(jdbc.queryForObject("select current_version_id from api where id = ?", Long.class, f.api.getId()))
                .isEqualTo(second.getId());
        assertThat(versions.findById(second.getId()).orElseThrow().getModel()).isEqualTo("{\"title\":\"Test API\"}");
        assertThat(versions.findById(second.getId()).orElseThrow().getSearchText()).contains("get a pet");
        assertThat(jdbc.queryForObject("select count(*) from plan where api_id = ?", Integer.class, f.api.getId()))
                .isEqualTo(1);
        assertThat(subscriptionRows.findById(subscriptionId).orElseThrow().getStatus())
                .isEqualTo(SubscriptionStatus.APPROVED);
        assertThat(gatewayConfig.currentRevision()).isGreaterThan(revisionBefore);
    }

    @Test
    void deprecationRecordsWhenAndTheSunsetAndRetirementFollows() {
        Api api = newApi();
        Instant sunset = Instant.parse("2030-01-01T00:00:00Z");
        catalog.deprecate(api.getId(), sunset, ADMIN);
        Map<String, Object> row = jdbc.queryForMap("select lifecycle, deprecated_at, sunset_at from api where id = ?",
                api.getId());
        assertThat(row.get("lifecycle")).isEqualTo("DEPRECATED");
        assertThat(row.get("deprecated_at")).isNotNull();
        assertThat(toInstant(row.get("sunset_at"))).isEqualTo(sunset);
        assertThat(catalog.moveTo(api.getId(), ApiLifecycle.RETIRED, ADMIN).getLifecycle())
                .isEqualTo(ApiLifecycle.RETIRED);
        assertThat(catalog.listed()).extracting(Api::getId).doesNotContain(api.getId());
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new AssertionError("unexpected timestamp type " + value.getClass());
    }

    @Test
    void planTermsRoundTripAndInvalidTermsAreRefused() {
        Api api = newApi();
        PlanTerms terms = new PlanTerms("Gold", "fast", new RateLimit(10, RateLimit.Period.SECOND, 20),
                new Quota(100_000, Quota.Period.MONTH), ApprovalMode.MANUAL, true);
        Plan plan = plans.create(api.getId(), terms, ADMIN);
        PlanTerms reloaded = tx.execute(status -> plans.find(plan.getId()).orElseThrow().terms());
        assertThat(reloaded).isEqualTo(terms);

        PlanTerms bad = new PlanTerms("", null, new RateLimit(10, RateLimit.Period.SECOND, 5), null, null, true);
        assertThatThrownBy(() -> plans.create(api.getId(), bad, ADMIN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rollupsCountEveryEventOnceByMinuteHourAndDayWithLatencyBuckets() throws Exception {
        long api = 900_000 + (long) (Math.random() * 99_999);
        Instant minute = Instant.parse("2026-03-04T10:15:00Z");
        event(api, minute.plusSeconds(1), 200, 300, null);
        event(api, minute.plusSeconds(2), 200, 1_500, null);
        event(api, minute.plusSeconds(59), 503, 40_000, null);
        event(api, minute.plusSeconds(60), 429, 90, "rate-limited");
        event(api, minute.plusSeconds(3_600), 200, 700, null);

        rollups.rollUpAll();
        assertThat(rollups.rollUpAll()).as("nothing is counted twice").isZero();

        assertThat(rolled(api, "m", "request_count")).isEqualTo(5);
        assertThat(rolled(api, "h", "request_count")).isEqualTo(5);
        assertThat(rolled(api, "d", "request_count")).isEqualTo(5);
        assertThat(jdbc.queryForObject("select sum(request_count) from analytics_rollup where resolution = 'm'"
                + " and api_id = ? and bucket_start = ? and status_class = 2", Long.class, api,
                Timestamp.from(minute))).isEqualTo(2L);
        assertThat(jdbc.queryForObject("select request_count from analytics_rollup where resolution = 'h'"
                + " and api_id = ? and bucket_start = ? and status_class = 4 and rejection_reason = 'rate-limited'",
                Long.class, api, Timestamp.from(Instant.parse("2026-03-04T10:00:00Z")))).isEqualTo(1L);
        assertThat(jdbc.queryForObject("select count(*) from analytics_rollup where resolution = 'h' and api_id = ?",
                Long.class, api)).as("10:xx and 11:xx, by status class and reason").isEqualTo(4L);
        assertThat(rolled(api, "d", "latency_sum_us")).isEqualTo(300 + 1_500 + 40_000 + 90 + 700);
        assertThat(rolled(api, "d", "lat_00")).as("90 us").isEqualTo(1);
        assertThat(rolled(api, "d", "lat_01")).as("300 us").isEqualTo(1);
        assertThat(rolled(api, "d", "lat_02")).as("700 us").isEqualTo(1);
        assertThat(rolled(api, "d", "lat_03")).as("1.5 ms").isEqualTo(1);
        assertThat(rolled(api, "d", "lat_07")).as("40 ms").isEqualTo(1);

        // A later event adds to the rows that exist, and is counted one run after it was first seen.
        event(api, minute.plusSeconds(5), 200, 200, null);
        rollups.rollUp(1_000);
        rollups.rollUp(1_000);
        assertThat(rolled(api, "m", "request_count")).isEqualTo(6);

        // Two nodes rolling up at once still count each event once.
        for (int i = 0; i < 200; i++) {
            event(api, minute.plusSeconds(i % 120), 200, 100, null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> runs = List.of(pool.submit(rollups::rollUpAll), pool.submit(rollups::rollUpAll));
            for (Future<Long> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        rollups.rollUpAll();
        assertThat(rolled(api, "m", "request_count")).isEqualTo(206);
        assertThat(rolled(api, "d", "request_count")).isEqualTo(206);

        // The narrow tables the dashboards read over all APIs hold the same calls, grouped by fewer dimensions.
        for (String resolution : List.of("m", "h", "d")) {
            for (String table : List.of("analytics_traffic", "analytics_operation_use", "analytics_application_use")) {
                assertThat(jdbc.queryForObject("select sum(request_count) from " + table + " where resolution = ?"
                        + " and api_id = ?", Long.class, resolution, api)).as(table + ", " + resolution)
                        .isEqualTo(206L);
            }
            assertThat(jdbc.queryForObject("select sum(error_count) from analytics_operation_use where"
                    + " resolution = ? and api_id = ?", Long.class, resolution, api)).as("the 503 and the 429")
                    .isEqualTo(2L);
            assertThat(jdbc.queryForObject("select sum(lat_07) from analytics_traffic where resolution = ?"
                    + " and api_id = ?", Long.class, resolution, api)).as("the 40 ms call").isEqualTo(1L);
            for (String column : List.of("request_count", "bytes_out", "lat_07")) {
                assertThat(jdbc.queryForObject("select sum(" + column + ") from analytics_traffic_total where"
                        + " resolution = ?", Long.class, resolution)).as("every API's traffic, " + column)
                        .isEqualTo(jdbc.queryForObject("select sum(" + column + ") from analytics_traffic where"
                                + " resolution = ?", Long.class, resolution));
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from analytics_traffic where resolution = 'd' and api_id = ?",
                Long.class, api)).as("one row a day for each status class and refusal").isEqualTo(3L);
        assertThat(jdbc.queryForObject("select count(*) from analytics_operation_use where resolution = 'd'"
                + " and api_id = ?", Long.class, api)).as("one row a day for the one operation").isEqualTo(1L);
    }

    @Test
    void dashboardQueriesReadTrafficLatencyTopListsFailuresAndQuotaUseFromTheRollups() {
        Fixture f = fixture(ApprovalMode.AUTOMATIC);
        Plan quotaPlan = plans.create(f.api.getId(), new PlanTerms("Metered", null, null, new Quota(10, Quota.Period.DAY),
                ApprovalMode.AUTOMATIC, true), ADMIN);
        Subscription subscription = subscriptions.request(f.consumer.getId(), f.application.getId(),
                quotaPlan.getId(), null, Actor.consumer(f.consumer.getEmail(), null));
        Instant now = Instant.now();
        Instant minuteAgo = now.minusSeconds(60);
        for (int i = 0; i < 4; i++) {
            call(f, subscription, minuteAgo, "getPet", 200, 300, null);
        }
        call(f, subscription, minuteAgo, "getPet", 502, 20_000, "upstream-unavailable");
        call(f, subscription, minuteAgo, "listPets", 500, 900, null);
        call(f, subscription, minuteAgo, "listPets", 429, 80, "rate-limited");
        call(f, subscription, minuteAgo.minus(Duration.ofDays(2)), "getPet", 200, 300, null);
        rollups.rollUpAll();
        UsageScope lastHour = new UsageScope(now.minus(Duration.ofHours(1)), now.plusSeconds(1), null, f.api.getId(),
                null, null, null);

        AnalyticsQueries.Summary summary = analytics.summary(lastHour);
        assertThat(summary.requests()).isEqualTo(7);
        assertThat(summary.clientErrors()).isEqualTo(1);
        assertThat(summary.serverErrors()).isEqualTo(2);
        assertThat(summary.p50()).as("the bound of the bucket holding 300 us").isEqualTo(500);
        assertThat(summary.p99()).isEqualTo(20_000);
        assertThat(analytics.series(lastHour)).as("a point a minute").hasSizeBetween(61, 62)
                .filteredOn(point -> point.total() > 0).singleElement().satisfies(point -> {
            assertThat(point.bucket()).isEqualTo(Resolution.MINUTE.bucketOf(minuteAgo));
            assertThat(point.success()).isEqualTo(4);
            assertThat(point.clientError()).isEqualTo(1);
            assertThat(point.serverError()).isEqualTo(2);
        });
        assertThat(analytics.topApplications(lastHour, 5)).singleElement().satisfies(app -> {
            assertThat(app.applicationName()).isEqualTo(f.application.getName());
            assertThat(app.consumerEmail()).isEqualTo(f.consumer.getEmail());
            assertThat(app.requests()).isEqualTo(7);
            assertThat(app.errors()).isEqualTo(3);
        });
        assertThat(analytics.topOperations(lastHour, 5)).extracting(AnalyticsQueries.OperationUsage::operation,
                AnalyticsQueries.OperationUsage::requests).containsExactly(tuple("getPet", 5L), tuple("listPets", 2L));
        assertThat(analytics.failures(lastHour)).extracting(AnalyticsQueries.Failures::reason,
                AnalyticsQueries.Failures::upstream, AnalyticsQueries.Failures::requests)
                .containsExactlyInAnyOrder(tuple("upstream-unavailable", true, 1L), tuple("", true, 1L),
                        tuple("rate-limited", false, 1L));
        assertThat(analytics.summary(new UsageScope(now.minus(Duration.ofDays(7)), now.plusSeconds(1), null,
                f.api.getId(), null, null, null)).requests()).as("a week, read from hours").isEqualTo(8);
        UsageScope week = new UsageScope(Resolution.DAY.bucketOf(now).minus(Duration.ofDays(6)), now.plusSeconds(1),
                null, f.api.getId(), null, null, null);
        assertThat(week.totalsResolution()).isEqualTo(Resolution.DAY);
        assertThat(analytics.summary(week).requests()).as("whole days, read from days").isEqualTo(8);
        assertThat(analytics.topApplications(week, 5)).extracting(AnalyticsQueries.ApplicationUsage::requests)
                .containsExactly(8L);
        UsageScope oneApplication = new UsageScope(now.minus(Duration.ofHours(1)), now.plusSeconds(1), null, null,
                null, f.application.getId(), null);
        assertThat(analytics.topOperations(oneApplication, 5)).as("narrowed to an application, from every dimension")
                .extracting(AnalyticsQueries.OperationUsage::operation, AnalyticsQueries.OperationUsage::requests,
                        AnalyticsQueries.OperationUsage::errors)
                .containsExactly(tuple("getPet", 5L, 1L), tuple("listPets", 2L, 2L));
        assertThat(analytics.failures(oneApplication)).extracting(AnalyticsQueries.Failures::requests)
                .containsExactly(1L, 1L, 1L);
        assertThat(analytics.summary(new UsageScope(now.minus(Duration.ofHours(1)), now.plusSeconds(1), Set.of(),
                null, null, null, null)).requests()).as("an owner of no API sees nothing").isZero();
        assertThat(analytics.summary(lastHour.forSubscription(subscription.getId())).requests()).isEqualTo(7);
        assertThat(analytics.summary(lastHour.forSubscription(subscription.getId() + 1)).requests())
                .as("another subscription's calls").isZero();

        assertThat(analytics.quotaUse(Set.of(f.api.getId()), null, null, now)).singleElement().satisfies(use -> {
            assertThat(use.subscriptionId()).isEqualTo(subscription.getId());
            boolean sameDay = Resolution.DAY.bucketOf(minuteAgo).equals(Resolution.DAY.bucketOf(now));
            assertThat(use.used()).as("the 429 used no quota").isEqualTo(sameDay ? 6 : 0);
            assertThat(use.limit()).isEqualTo(10);
            assertThat(use.resetsAt()).isEqualTo(Resolution.DAY.bucketOf(now).plus(Duration.ofDays(1)));
        });
    }

    @Test
    void topListsOverLongRangesAddWholeWeeksAndTheDaysAroundThemExactly() {
        Fixture f = fixture(ApprovalMode.AUTOMATIC);
        Subscription subscription = subscriptions.request(f.consumer.getId(), f.application.getId(),
                f.plan.getId(), null, Actor.consumer(f.consumer.getEmail(), null));
        Instant today = Resolution.DAY.bucketOf(Instant.now());
        // Day k before today holds k + 1 calls at noon, so that every range has its own total.
        int days = 45;
        for (int k = 0; k < days; k++) {
            for (int i = 0; i <= k; i++) {
                call(f, subscription, today.minus(Duration.ofDays(k)).plus(Duration.ofHours(12)), "getPet", 200, 300,
                        null);
            }
        }
        rollups.rollUpAll();
        long weekRows = jdbc.queryForObject("select count(*) from analytics_application_use where resolution = 'w'"
                + " and api_id = ?", Long.class, f.api.getId());
        assertThat(weekRows).as("the 45 days touch seven or eight weeks").isBetween(7L, 8L);
        assertThat(jdbc.queryForObject("select sum(request_count) from analytics_operation_use where resolution = 'w'"
                + " and api_id = ?", Long.class, f.api.getId())).isEqualTo((long) days * (days + 1) / 2);

        // Every start in a fortnight (so every weekday) and lengths from under a week to a month; ranges ending at a
        // midnight or within a day.
        for (int startsAgo = 30; startsAgo < 44; startsAgo++) {
            for (int length : List.of(3, 7, 8, 13, 14, 15, 21, 30)) {
                Instant from = today.minus(Duration.ofDays(startsAgo));
                for (Instant to : List.of(from.plus(Duration.ofDays(length)),
                        from.plus(Duration.ofDays(length - 1)).plus(Duration.ofHours(13)))) {
                    long expected = 0;
                    for (int k = startsAgo; k > startsAgo - length; k--) {
                        expected += k + 1;
                    }
                    UsageScope scope = new UsageScope(from, to, null, f.api.getId(), null, null, null);
                    assertThat(scope.totalsResolution()).isEqualTo(Resolution.DAY);
                    String range = startsAgo + " days ago for " + length + " days, to " + to;
                    assertThat(analytics.topApplications(scope, 5)).as(range)
                            .extracting(AnalyticsQueries.ApplicationUsage::requests).containsExactly(expected);
                    assertThat(analytics.topOperations(scope, 5)).as(range)
                            .extracting(AnalyticsQueries.OperationUsage::requests).containsExactly(expected);
                    assertThat(analytics.summary(scope).requests()).as(range).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void totalsOfRangesEndingNowReadTheCurrentHourDayOrWeekRowAndCountExactly() {
        Fixture f = fixture(ApprovalMode.AUTOMATIC);
        Subscription subscription = subscriptions.request(f.consumer.getId(), f.application.getId(),
                f.plan.getId(), null, Actor.consumer(f.consumer.getEmail(), null));
        Instant now = Instant.now();
        // Calls from nine days ago to a second ago, a different number at each age, so every range has its own total.
        List<Duration> ages = List.of(Duration.ofDays(9), Duration.ofDays(6).plusHours(5), Duration.ofHours(30),
                Duration.ofHours(24).plusMinutes(30), Duration.ofHours(23), Duration.ofHours(5),
                Duration.ofMinutes(90), Duration.ofMinutes(59), Duration.ofMinutes(10), Duration.ofSeconds(1));
        for (int i = 0; i < ages.size(); i++) {
            for (int n = 0; n <= i; n++) {
                call(f, subscription, now.minus(ages.get(i)), "getPet", 200, 300, null);
            }
        }
        rollups.rollUpAll();
        for (Instant from : List.of(now.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(24)),
                Resolution.DAY.bucketOf(now).minus(Duration.ofDays(6)), now.minus(Duration.ofDays(7)))) {
            UsageScope scope = new UsageScope(from, now, null, f.api.getId(), null, null, null).asOf(now);
            assertThat(scope.endsNow()).isTrue();
            // Totals count from the bucket holding `from` at their resolution, as the chart's first point does.
            Instant counted = scope.totalsResolution().bucketOf(from);
            long expected = 0;
            for (int i = 0; i < ages.size(); i++) {
                expected += now.minus(ages.get(i)).isBefore(counted) ? 0 : i + 1;
            }
            String range = "from " + from;
            assertThat(analytics.summary(scope).requests()).as(range).isEqualTo(expected);
            assertThat(analytics.topApplications(scope, 5)).as(range)
                    .extracting(AnalyticsQueries.ApplicationUsage::requests).containsExactly(expected);
            assertThat(analytics.topOperations(scope, 5)).as(range)
                    .extracting(AnalyticsQueries.OperationUsage::requests).containsExactly(expected);
            assertThat(analytics.series(scope).stream().mapToLong(AnalyticsQueries.Point::total).sum())
                    .as(range + ": the chart's points add up to the totals").isEqualTo(expected);
        }
        // Unfiltered, the traffic views read analytics_traffic_total: the same calls as every API's traffic rows.
        Set<Long> everyApi = new HashSet<>(jdbc.queryForList("select distinct api_id from analytics_traffic",
                Long.class));
        for (Instant from : List.of(now.minus(Duration.ofHours(1)), now.minus(Duration.ofDays(8)))) {
            UsageScope all = new UsageScope(from, now, null, null, null, null, null).asOf(now);
            UsageScope each = new UsageScope(from, now, everyApi, null, null, null, null).asOf(now);
            assertThat(analytics.summary(all).requests()).as("from " + from).isPositive();
            assertThat(analytics.summary(all)).as("from " + from).isEqualTo(analytics.summary(each));
            assertThat(analytics.series(all)).as("from " + from).isEqualTo(analytics.series(each));
            assertThat(analytics.failures(all)).as("from " + from)
                    .containsExactlyInAnyOrderElementsOf(analytics.failures(each));
        }
    }

    private void call(Fixture f, Subscription subscription, Instant when, String operation, int status,
            long latencyMicros, String rejection) {
        jdbc.update("insert into analytics_event (occurred_at, request_id, api_id, operation, plan_id, application_id,"
                + " subscription_id, consumer_id, method, path, status, gateway_latency_us, bytes_in, bytes_out,"
                + " rejection_reason) values (?, ?, ?, ?, ?, ?, ?, ?, 'GET', '/x', ?, ?, 0, 10, ?)",
                Timestamp.from(when), unique(), f.api.getId(), operation, subscription.getPlan().getId(),
                f.application.getId(), subscription.getId(), f.consumer.getId(), status, latencyMicros, rejection);
    }

    @Test
    void quotaUseOfManySubscriptionsIsReadByDayAndStillCountsEachOnItsOwn() {
        Fixture f = fixture(ApprovalMode.AUTOMATIC);
        Plan daily = plans.create(f.api.getId(), new PlanTerms("Daily", null, null, new Quota(10, Quota.Period.DAY),
                ApprovalMode.AUTOMATIC, true), ADMIN);
        List<Subscription> many = new ArrayList<>();
        List<Long> appIds = new ArrayList<>();
        for (int i = 0; i < 205; i++) {
            Application app = applications.save(new Application(f.consumer, "App " + unique(), null));
            appIds.add(app.getId());
            many.add(subscriptions.request(f.consumer.getId(), app.getId(), daily.getId(), null,
                    Actor.consumer(f.consumer.getEmail(), null)));
        }
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            quotaCall(f, daily, appIds.get(7), many.get(7), now, 200, null);
        }
        quotaCall(f, daily, appIds.get(7), many.get(7), now, 429, "quota-exhausted");
        quotaCall(f, daily, appIds.get(200), many.get(200), now, 200, null);
        rollups.rollUpAll();

        Map<Long, Long> used = analytics.quotaUse(Set.of(f.api.getId()), null, null, now).stream()
                .collect(Collectors.toMap(AnalyticsQueries.QuotaUse::subscriptionId, AnalyticsQueries.QuotaUse::used));
        assertThat(used).as("more subscriptions than are looked up by key").hasSize(205);
        assertThat(used.get(many.get(7).getId())).isEqualTo(3);
        assertThat(used.get(many.get(200).getId())).isEqualTo(1);
        assertThat(used.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
    }

    private void quotaCall(Fixture f, Plan plan, long applicationId, Subscription subscription, Instant when,
            int status, String rejection) {
        jdbc.update("insert into analytics_event (occurred_at, request_id, api_id, operation, plan_id, application_id,"
                + " subscription_id, consumer_id, method, path, status, gateway_latency_us, bytes_in, bytes_out,"
                + " rejection_reason) values (?, ?, ?, 'getPet', ?, ?, ?, ?, 'GET', '/x', ?, 100, 0, 10, ?)",
                Timestamp.from(when), unique(), f.api.getId(), plan.getId(), applicationId, subscription.getId(),
                f.consumer.getId(), status, rejection);
    }

    @Test
    void quotaAlertsTellTheHighestNewThresholdOncePerWindowAndOnlyToConsumersWhoAsked() {
        Fixture asked = fixture(ApprovalMode.AUTOMATIC);
        Fixture silent = fixture(ApprovalMode.AUTOMATIC);
        accounts.chooseQuotaAlerts(asked.consumer.getId(), List.of(100, 80, 90), Actor.system("test"));
        assertThatThrownBy(() -> accounts.chooseQuotaAlerts(asked.consumer.getId(), List.of(75), ADMIN))
                .isInstanceOf(IllegalArgumentException.class);
        List<Subscription> metered = new ArrayList<>();
        for (Fixture f : List.of(asked, silent)) {
            Plan plan = plans.create(f.api.getId(), new PlanTerms("Metered", null, null,
                    new Quota(10, Quota.Period.DAY), ApprovalMode.AUTOMATIC, true), ADMIN);
            metered.add(subscriptions.request(f.consumer.getId(), f.application.getId(), plan.getId(), null,
                    Actor.consumer(f.consumer.getEmail(), null)));
        }
        Instant now = Instant.now();
        for (int i = 0; i < 8; i++) {
            call(asked, metered.get(0), now, "getPet", 200, 100, null);
            call(silent, metered.get(1), now, "getPet", 200, 100, null);
        }
        call(asked, metered.get(0), now, "getPet", 429, 100, "rate-limited");
        rollups.rollUpAll();

        quotaAlerts.evaluate(now);
        quotaAlerts.evaluate(now);
        assertThat(notifications.latest(Recipient.consumer(asked.consumer.getId())))
                .extracting(n -> n.getKind(), n -> n.getMessage().contains("used 80%"))
                .containsExactly(tuple("quota.threshold", true));

        call(asked, metered.get(0), now, "getPet", 200, 100, null);
        call(asked, metered.get(0), now, "getPet", 503, 100, null);
        rollups.rollUpAll();
        quotaAlerts.evaluate(now);
        quotaAlerts.evaluate(now);
        assertThat(notifications.latest(Recipient.consumer(asked.consumer.getId())))
                .as("90% and 100% were passed together: only 100% is told")
                .extracting(n -> n.getMessage().contains("used 100%")).containsExactly(true, false);
        assertThat(jdbc.queryForList("select threshold from quota_alert_sent where subscription_id = ?"
                + " order by threshold", Integer.class, metered.get(0).getId())).containsExactly(80, 90, 100);
        assertThat(notifications.latest(Recipient.consumer(silent.consumer.getId()))).isEmpty();
    }

    @Test
    void anErrorRateAlertFiresOnceWhileBreachedAndAgainOnlyAfterRecovering() {
        Fixture f = fixture(ApprovalMode.AUTOMATIC);
        Subscription subscription = subscriptions.request(f.consumer.getId(), f.application.getId(),
                f.plan.getId(), null, Actor.consumer(f.consumer.getEmail(), null));
        errorAlerts.set(f.api.getId(), 50, 10, 4, ADMIN);
        assertThatThrownBy(() -> errorAlerts.set(f.api.getId(), 0, 10, 4, ADMIN))
                .isInstanceOf(IllegalArgumentException.class);
        Instant now = Instant.now();
        call(f, subscription, now, "getPet", 200, 100, null);
        call(f, subscription, now, "getPet", 401, 100, "api-key-invalid");
        call(f, subscription, now, "getPet", 502, 100, "upstream-unavailable");
        rollups.rollUpAll();
        Recipient owner = Recipient.admin(f.api.getOwnerId());

        errorAlerts.evaluate(now);
        assertThat(notifications.latest(owner)).as("1 of 3 calls is below the threshold and the minimum").isEmpty();

        call(f, subscription, now, "getPet", 504, 100, "upstream-timeout");
        rollups.rollUpAll();
        errorAlerts.evaluate(now);
        errorAlerts.evaluate(now);
        assertThat(notifications.latest(owner)).singleElement().satisfies(n -> {
            assertThat(n.getKind()).isEqualTo("api.error-rate");
            assertThat(n.getMessage()).contains("50% of the last 4 calls");
        });
        assertThat(errorAlerts.find(f.api.getId()).orElseThrow().firing()).isTrue();

        errorAlerts.evaluate(now.plus(Duration.ofMinutes(20)));
        assertThat(errorAlerts.find(f.api.getId()).orElseThrow().firing()).as("quiet again").isFalse();
        errorAlerts.evaluate(now);
        assertThat(notifications.latest(owner)).hasSize(2);
    }

    @Test
    void aKeysLastUseFollowsItsLatestCountedCallAndNeverGoesBack() {
        Fixture f = fixture(ApprovalMode.AUTOMATIC);
        subscriptions.request(f.consumer.getId(), f.application.getId(), f.plan.getId(), null,
                Actor.consumer(f.consumer.getEmail(), null));
        IssuedApiKey key = keys.issueFirstKey(f.application.getId(), f.consumer.getId(), ADMIN).orElseThrow();
        Instant later = Instant.parse("2026-05-01T10:00:00Z");
        for (Instant when : List.of(later.minusSeconds(60), later)) {
            jdbc.update("insert into analytics_event (occurred_at, request_id, key_id, method, path, status,"
                    + " gateway_latency_us, bytes_in, bytes_out) values (?, ?, ?, 'GET', '/x', 200, 10, 0, 0)",
                    Timestamp.from(when), unique(), key.key().getKeyId());
        }
        rollups.rollUpAll();
        assertThat(keyRows.findById(key.key().getId()).orElseThrow().getLastUsedAt()).isEqualTo(later);

        jdbc.update("insert into analytics_event (occurred_at, request_id, key_id, method, path, status,"
                + " gateway_latency_us, bytes_in, bytes_out) values (?, ?, ?, 'GET', '/x', 200, 10, 0, 0)",
                Timestamp.from(later.minusSeconds(3_600)), unique(), key.key().getKeyId());
        rollups.rollUpAll();
        assertThat(keyRows.findById(key.key().getId()).orElseThrow().getLastUsedAt()).isEqualTo(later);
    }

    @Test
    void retentionDeletesOnlyWhatIsCountedAndOld() {
        long api = 800_000 + (long) (Math.random() * 99_999);
        Instant old = Instant.now().minus(Duration.ofDays(40));
        event(api, old, 200, 100, null);
        rollups.rollUpAll();
        event(api, old, 200, 100, null);
        String gone = unique();
        String writing = unique();
        jdbc.update("insert into analytics_writer (writer_id, last_batch, written_at) values (?, 9, ?), (?, 3, ?)",
                gone, Timestamp.from(Instant.now().minus(Duration.ofDays(8))), writing, Timestamp.from(Instant.now()));
        AnalyticsProperties retention = new AnalyticsProperties(Duration.ofSeconds(2), Duration.ofDays(35),
                Duration.ofDays(3), Duration.ofDays(100), Duration.ofDays(800));

        rollups.forget(Instant.now(), retention);

        assertThat(jdbc.queryForList("select writer_id from analytics_writer where writer_id in (?, ?)", String.class,
                gone, writing)).as("a gateway's writer row goes after a week without a batch").containsExactly(writing);

        assertThat(jdbc.queryForObject("select count(*) from analytics_event where api_id = ?", Long.class, api))
                .as("the event not counted yet stays").isEqualTo(1L);
        assertThat(jdbc.queryForObject("select count(*) from analytics_rollup where api_id = ? and resolution = 'm'",
                Long.class, api)).isZero();
        assertThat(rolled(api, "h", "request_count")).isEqualTo(1);
        assertThat(rolled(api, "d", "request_count")).isEqualTo(1);
    }

    private void event(long api, Instant when, int status, long latencyMicros, String rejection) {
        jdbc.update("insert into analytics_event (occurred_at, request_id, api_id, operation, method, path, status,"
                + " gateway_latency_us, bytes_in, bytes_out, rejection_reason) values (?, ?, ?, 'getPet', 'GET', '/x',"
                + " ?, ?, 0, 10, ?)", Timestamp.from(when), unique(), api, status, latencyMicros, rejection);
    }

    private long rolled(long api, String resolution, String column) {
        Long sum = jdbc.queryForObject("select sum(" + column + ") from analytics_rollup where resolution = ?"
                + " and api_id = ?", Long.class, resolution, api);
        return sum == null ? 0 : sum;
    }

    private record Fixture(Consumer consumer, Application application, Api api, Plan plan) {
    }

    private Fixture fixture(ApprovalMode mode) {
        Consumer consumer = accounts.registerConsumer(unique() + "@example.com", "Test Consumer", "correct horse battery",
                Actor.system("test"));
        Application application = applications.save(new Application(consumer, "App " + unique(), null));
        Api api = newApi();
        Plan plan = plans.create(api.getId(), terms("Plan", mode), ADMIN);
        return new Fixture(consumer, application, api, plan);
    }

    private Api newApi() {
        AdminUser owner = accounts.createAdminUser("owner-" + unique(), "Owner", "owner password 123",
                AdminRole.PRODUCT_OWNER, ADMIN);
        Api api = catalog.create(new NewApi("/t/" + unique(), true, List.of(), owner.getId()), version("openapi: 3.0.3"),
                ADMIN);
        return catalog.moveTo(api.getId(), ApiLifecycle.PUBLISHED, ADMIN);
    }

    private static PlanTerms terms(String name, ApprovalMode mode) {
        return new PlanTerms(name, null, new RateLimit(5, RateLimit.Period.SECOND, 5), null, mode, true);
    }

    private static NewApiVersion version(String document) {
        return new NewApiVersion("Test API", "1.0.0", "3.0.3", "A *test* API", document, "YAML", null,
                List.of(new NewApiVersion.Operation("GET", "/pets/{petId}", "getPet", "Get a pet",
                        List.of("pets", "read"), false,
                        List.of(new MockResponse(200, "application/json", "default", "{\"id\":1}")))),
                "{\"title\":\"Test API\"}", "test api get /pets/{petid} get a pet");
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
