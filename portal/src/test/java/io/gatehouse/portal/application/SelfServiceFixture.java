package io.gatehouse.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.gatehouse.core.account.AccountService;
import io.gatehouse.core.application.Application;
import io.gatehouse.core.application.ApplicationService;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.plan.ApprovalMode;
import io.gatehouse.core.plan.Plan;
import io.gatehouse.core.plan.PlanService;
import io.gatehouse.core.plan.PlanTerms;
import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.plan.RateLimit;
import io.gatehouse.portal.catalog.CatalogFixture;
import io.gatehouse.testsupport.WebSession;

/** Consumers, applications and APIs with plans for the self-service tests; every name is unique, so classes sharing one application never collide. */
@Component
public final class SelfServiceFixture {

    public static final String PASSWORD = "a long enough password";
    private static final Actor ACTOR = Actor.system("self-service-test");

    private final AccountService accounts;
    private final ApplicationService applications;
    private final CatalogFixture catalog;
    private final Environment environment;

    public record Account(long id, String email) {
    }

    public record Offer(Api api, Plan automatic, Plan manual) {
    }

    SelfServiceFixture(AccountService accounts, ApplicationService applications, CatalogService catalog,
            PlanService plans, Environment environment) {
        this.accounts = accounts;
        this.applications = applications;
        this.catalog = new CatalogFixture(catalog, plans);
        this.environment = environment;
    }

    /** The port the test's server listens on, known only once it has started. */
    private String port() {
        return environment.getRequiredProperty("local.server.port");
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public Account consumer() {
        String email = "consumer-" + unique() + "@example.com";
        return new Account(accounts.registerConsumer(email, "Consumer " + email, PASSWORD, ACTOR).getId(), email);
    }

    public WebSession session() {
        return new WebSession("http://localhost:" + port());
    }

    public WebSession login(Account account) {
        WebSession session = session();
        HttpResponse<String> login = session.submit("/login", "/login",
                Map.of("email", account.email(), "password", PASSWORD));
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return session;
    }

    public Application application(Account account) {
        return applications.create(account.id(), "App " + unique(), "for tests", ACTOR);
    }

    /** A published API offering an AUTOMATIC and a MANUAL plan. */
    public Offer offer() {
        Api api = catalog.publish(CatalogFixture.document("Weather " + unique(), "Forecasts.", "forecast",
                "/forecast", "Get the forecast"));
        Plan automatic = catalog.plan(api, new PlanTerms("Free", "Try it.", new RateLimit(5, RateLimit.Period.SECOND, 5),
                new Quota(1000, Quota.Period.DAY), ApprovalMode.AUTOMATIC, true));
        Plan manual = catalog.plan(api, new PlanTerms("Gold", "Reviewed.", null, null, ApprovalMode.MANUAL, true));
        return new Offer(api, automatic, manual);
    }
}
