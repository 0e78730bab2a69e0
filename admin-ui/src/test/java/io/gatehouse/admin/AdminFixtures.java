package io.gatehouse.admin;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.gatehouse.core.account.AccountService;
import io.gatehouse.core.account.AdminUserRepository;
import io.gatehouse.core.application.Application;
import io.gatehouse.core.application.ApplicationRepository;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.ApiLifecycle;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.catalog.NewApi;
import io.gatehouse.core.catalog.NewApiVersion;
import io.gatehouse.core.consumer.Consumer;
import io.gatehouse.core.plan.ApprovalMode;
import io.gatehouse.core.plan.Plan;
import io.gatehouse.core.plan.PlanService;
import io.gatehouse.core.plan.PlanTerms;
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.core.subscription.SubscriptionService;

/** Builds its own Apis, plans and requests through the core services, so tests never depend on each other's data. */
@Component
public class AdminFixtures {

    private static final Actor TEST = Actor.system("test");

    private final AccountService accounts;
    private final AdminUserRepository users;
    private final ApplicationRepository applications;
    private final CatalogService catalog;
    private final PlanService plans;
    private final SubscriptionService subscriptions;

    AdminFixtures(AccountService accounts, AdminUserRepository users, ApplicationRepository applications,
            CatalogService catalog, PlanService plans, SubscriptionService subscriptions) {
        this.accounts = accounts;
        this.users = users;
        this.applications = applications;
        this.catalog = catalog;
        this.plans = plans;
        this.subscriptions = subscriptions;
    }

    /** A published mock Api owned by the given admin account (or nobody), with one MANUAL plan. */
    public Plan manualPlan(String ownerUsername) {
        Long ownerId = ownerUsername == null ? null : users.findByUsername(ownerUsername).orElseThrow().getId();
        String name = "Fixture " + unique();
        Api api = catalog.create(new NewApi("/fixture-" + unique(), true, List.of(), ownerId),
                new NewApiVersion(name, "1.0", "3.0.3", null, "openapi: 3.0.3", "YAML", null, List.of(), null,
                        name.toLowerCase()), TEST);
        catalog.moveTo(api.getId(), ApiLifecycle.PUBLISHED, TEST);
        return plans.create(api.getId(), new PlanTerms("Gold", null, null, null, ApprovalMode.MANUAL, true), TEST);
    }

    /** A new consumer's application asking for the plan. */
    public Subscription pendingRequest(Plan plan, String justification) {
        Application application = application();
        Consumer consumer = application.getConsumer();
        return subscriptions.request(consumer.getId(), application.getId(), plan.getId(), justification,
                Actor.consumer(consumer.getEmail(), null));
    }

    /** A new consumer with one application. */
    public Application application() {
        Consumer consumer = accounts.registerConsumer(unique() + "@example.com", "Consumer " + unique(),
                "fixture password", TEST);
        return applications.save(new Application(consumer, "App " + unique(), null));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
