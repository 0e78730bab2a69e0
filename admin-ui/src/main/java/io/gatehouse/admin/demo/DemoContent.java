package io.gatehouse.admin.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.gatehouse.admin.AdminProperties;
import io.gatehouse.admin.catalog.ApiImportService;
import io.gatehouse.core.account.AccountService;
import io.gatehouse.core.account.AdminRole;
import io.gatehouse.core.account.AdminUser;
import io.gatehouse.core.account.AdminUserRepository;
import io.gatehouse.core.apikey.ApiKeyFormat;
import io.gatehouse.core.apikey.ApiKeyService;
import io.gatehouse.core.application.Application;
import io.gatehouse.core.application.ApplicationRepository;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.ApiLifecycle;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.catalog.NewApi;
import io.gatehouse.core.consumer.Consumer;
import io.gatehouse.core.plan.ApprovalMode;
import io.gatehouse.core.plan.Plan;
import io.gatehouse.core.plan.PlanService;
import io.gatehouse.core.plan.PlanTerms;
import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.plan.RateLimit;
import io.gatehouse.core.subscription.SubscriptionService;
import io.gatehouse.importer.InvalidDocumentException;

/**
 * Demo mode only ({@code gatehouse.admin.demo=true}, set by the all-in-one launcher): seeds an empty database with
 * accounts, three mock-mode APIs with plans, and an approved subscription holding a known key, all in one
 * transaction. A database that already has admin accounts is never touched.
 */
@Component
@Order(1)
public class DemoContent implements ApplicationRunner {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "gatehouse-admin";
    public static final String OWNER_USERNAME = "owner";
    public static final String OWNER_PASSWORD = "gatehouse-owner";
    public static final String CONSUMER_EMAIL = "demo@example.com";
    public static final String CONSUMER_PASSWORD = "gatehouse-demo";
    /** Known so the README's curl works; a real key's secret comes from SecureRandom. */
    public static final String DEMO_KEY = ApiKeyFormat.assemble("demo00000001", "GatehouseDemoKeyNotForProduction");
    public static final String DEMO_CALL_PATH = "/petstore/v1/pets";

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
    private static final Actor DEMO = Actor.system("demo content");

    private final AdminProperties properties;
    private final AdminUserRepository adminUsers;
    private final AccountService accounts;
    private final ApiImportService imports;
    private final CatalogService catalog;
    private final PlanService plans;
    private final ApplicationRepository applications;
    private final ApiKeyService keys;
    private final SubscriptionService subscriptions;
    private final TransactionTemplate transaction;

    DemoContent(AdminProperties properties, AdminUserRepository adminUsers, AccountService accounts,
            ApiImportService imports, CatalogService catalog, PlanService plans, ApplicationRepository applications,
            ApiKeyService keys, SubscriptionService subscriptions, TransactionTemplate transaction) {
        this.properties = properties;
        this.adminUsers = adminUsers;
        this.accounts = accounts;
        this.imports = imports;
        this.catalog = catalog;
        this.plans = plans;
        this.applications = applications;
        this.keys = keys;
        this.subscriptions = subscriptions;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo() || adminUsers.count() > 0) {
            return;
        }
        transaction.executeWithoutResult(status -> seed());
        log.info("Seeded demo content: 3 APIs, 4 plans, accounts admin, owner and {}", CONSUMER_EMAIL);
    }

    private void seed() {
        AdminUser admin = accounts.createAdminUser(ADMIN_USERNAME, "Ada Admin", ADMIN_PASSWORD, AdminRole.ADMIN, DEMO);
        AdminUser owner = accounts.createAdminUser(OWNER_USERNAME, "Olive Owner", OWNER_PASSWORD,
                AdminRole.PRODUCT_OWNER, DEMO);
        Consumer consumer = accounts.registerConsumer(CONSUMER_EMAIL, "Dana Developer", CONSUMER_PASSWORD, DEMO);

        Api petstore = publish("petstore.yaml", "/petstore/v1", owner);
        Api weather = publish("weather.yaml", "/weather/v2", owner);
        Api rates = publish("exchange-rates.json", "/rates/v1", admin);

        Plan petstoreFree = plans.create(petstore.getId(), new PlanTerms("Free", "Try it out: no approval needed.",
                new RateLimit(5, RateLimit.Period.SECOND, 10), new Quota(1_000, Quota.Period.DAY),
                ApprovalMode.AUTOMATIC, true), DEMO);
        plans.create(petstore.getId(), new PlanTerms("Pro", "For production traffic; an admin approves each request.",
                new RateLimit(50, RateLimit.Period.SECOND, 100), new Quota(1_000_000, Quota.Period.MONTH),
                ApprovalMode.MANUAL, true), DEMO);
        Plan weatherBasic = plans.create(weather.getId(), new PlanTerms("Basic", "Sixty calls a minute.",
                new RateLimit(60, RateLimit.Period.MINUTE, 60), new Quota(10_000, Quota.Period.MONTH),
                ApprovalMode.AUTOMATIC, true), DEMO);
        Plan ratesPartner = plans.create(rates.getId(), new PlanTerms("Partner", "For partners; approval required.",
                new RateLimit(10, RateLimit.Period.SECOND, 20), new Quota(100_000, Quota.Period.DAY),
                ApprovalMode.MANUAL, true), DEMO);

        Application demoApp = applications.save(new Application(consumer, "Demo App", "The demo consumer's first app"));
        keys.register(demoApp, DEMO_KEY, DEMO);
        subscriptions.request(consumer.getId(), demoApp.getId(), petstoreFree.getId(), "Demo subscription", DEMO);
        subscriptions.request(consumer.getId(), demoApp.getId(), weatherBasic.getId(), "Demo subscription", DEMO);

        Application mobileApp = applications.save(new Application(consumer, "Mobile App", "Waiting for approval"));
        subscriptions.request(consumer.getId(), mobileApp.getId(), ratesPartner.getId(),
                "We show exchange rates in our travel app.", DEMO);
    }

    private Api publish(String document, String contextPath, AdminUser owner) {
        try {
            Api api = imports.importDocument(read(document), new NewApi(contextPath, true, List.of(), owner.getId()), DEMO);
            return catalog.moveTo(api.getId(), ApiLifecycle.PUBLISHED, DEMO);
        } catch (InvalidDocumentException e) {
            throw new IllegalStateException("demo document " + document + " is invalid: " + e.getMessage(), e);
        }
    }

    private static String read(String document) {
        try (InputStream in = new ClassPathResource("admin/demo/" + document).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
