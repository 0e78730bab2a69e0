package io.gatehouse.admin.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.gatehouse.admin.catalog.ApiAccess;
import io.gatehouse.admin.catalog.ApiImportService;
import io.gatehouse.admin.catalog.VersionDiff;
import io.gatehouse.core.account.AdminRole;
import io.gatehouse.core.account.AdminUser;
import io.gatehouse.core.account.AdminUserRepository;
import io.gatehouse.core.apikey.ApiKeyService;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.ApiLifecycle;
import io.gatehouse.core.catalog.ApiRepository;
import io.gatehouse.core.catalog.ApiVersion;
import io.gatehouse.core.catalog.ApiVersionRepository;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.catalog.NewApi;
import io.gatehouse.core.plan.PlanRepository;
import io.gatehouse.core.plan.PlanService;
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.core.subscription.SubscriptionRepository;
import io.gatehouse.core.subscription.SubscriptionService;
import io.gatehouse.core.subscription.SubscriptionStatus;
import io.gatehouse.importer.InvalidDocumentException;

/**
 * The admin REST API, for managing Gatehouse as code: Apis (import, new versions, lifecycle), plans,
 * subscriptions (list, approve, reject) and keys (revoke). Described by {@code openapi.yaml} next to it.
 */
@RestController
@RequestMapping(AdminApiSecurity.BASE)
class AdminApiController {

    private final ApiImportService imports;
    private final CatalogService catalog;
    private final ApiRepository apis;
    private final ApiVersionRepository versions;
    private final PlanService plans;
    private final PlanRepository planRows;
    private final SubscriptionService decisions;
    private final SubscriptionRepository subscriptions;
    private final ApiKeyService keys;
    private final AdminUserRepository users;

    AdminApiController(ApiImportService imports, CatalogService catalog, ApiRepository apis,
            ApiVersionRepository versions, PlanService plans, PlanRepository planRows, SubscriptionService decisions,
            SubscriptionRepository subscriptions, ApiKeyService keys, AdminUserRepository users) {
        this.imports = imports;
        this.catalog = catalog;
        this.apis = apis;
        this.versions = versions;
        this.plans = plans;
        this.planRows = planRows;
        this.decisions = decisions;
        this.subscriptions = subscriptions;
        this.keys = keys;
        this.users = users;
    }

    @GetMapping(value = "/openapi.yaml", produces = "application/yaml")
    Resource openApi() {
        return new ClassPathResource("admin/api/admin-api.yaml");
    }

    @GetMapping("/apis")
    @Transactional(readOnly = true)
    List<ApiView> listApis(Authentication auth) {
        AdminUser user = user(auth);
        return apis.findAll().stream().filter(api -> ApiAccess.mayManage(user, api.getOwnerId()))
                .map(this::view).toList();
    }

    @GetMapping("/apis/{id}")
    @Transactional(readOnly = true)
    ApiView getApi(@PathVariable long id, Authentication auth) {
        return view(managed(id, auth));
    }

    @PostMapping("/apis")
    ResponseEntity<ApiView> importApi(@RequestBody ImportBody body, Authentication auth, HttpServletRequest request)
            throws InvalidDocumentException {
        Long ownerId = body.owner() == null ? null : users.findByUsername(body.owner())
                .orElseThrow(() -> new IllegalArgumentException("No admin account named " + body.owner() + "."))
                .getId();
        Api api = imports.importDocument(body.document(), new NewApi(body.contextPath(), body.mockMode(),
                body.upstreams() == null ? List.of() : body.upstreams(), ownerId, body.connectTimeoutMillis(),
                body.responseTimeoutMillis()), actor(auth, request));
        return ResponseEntity.created(URI.create(AdminApiSecurity.BASE + "/apis/" + api.getId()))
                .body(getApi(api.getId(), auth));
    }

    @PostMapping("/apis/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    VersionView importVersion(@PathVariable long id, @RequestBody DocumentBody body, Authentication auth,
            HttpServletRequest request) throws InvalidDocumentException {
        managed(id, auth);
        String previous = versions.findByApiIdOrderByImportedAtDesc(id).get(0).getDocument();
        ApiVersion version = imports.importVersion(id, body.document(), actor(auth, request));
        VersionDiff diff = VersionDiff.between(previous, body.document());
        return new VersionView(version.getId(), version.getVersionLabel(), diff.isBreaking(), diff.added(),
                diff.removed(), diff.changed());
    }

    @PostMapping("/apis/{id}/lifecycle")
    ApiView lifecycle(@PathVariable long id, @RequestBody LifecycleBody body, Authentication auth,
            HttpServletRequest request) {
        managed(id, auth);
        if (body.target() == ApiLifecycle.DEPRECATED) {
            catalog.deprecate(id, body.sunset(), actor(auth, request));
        } else {
            catalog.moveTo(id, body.target(), actor(auth, request));
        }
        return getApi(id, auth);
    }

    @PostMapping("/apis/{id}/timeouts")
    ApiView setTimeouts(@PathVariable long id, @RequestBody TimeoutsBody body, Authentication auth,
            HttpServletRequest request) {
        managed(id, auth);
        catalog.setUpstreamTimeouts(id, body.connectTimeoutMillis(), body.responseTimeoutMillis(),
                actor(auth, request));
        return getApi(id, auth);
    }

    @GetMapping("/apis/{id}/plans")
    @Transactional(readOnly = true)
    List<PlanView> listPlans(@PathVariable long id, Authentication auth) {
        managed(id, auth);
        return planRows.findByApiIdOrderByNameAsc(id).stream().map(PlanView::of).toList();
    }

    @PostMapping("/apis/{id}/plans")
    @ResponseStatus(HttpStatus.CREATED)
    PlanView createPlan(@PathVariable long id, @RequestBody PlanBody body, Authentication auth,
            HttpServletRequest request) {
        managed(id, auth);
        return PlanView.of(plans.create(id, body.terms(), actor(auth, request)));
    }

    @PutMapping("/plans/{planId}")
    PlanView updatePlan(@PathVariable long planId, @RequestBody PlanBody body, Authentication auth,
            HttpServletRequest request) {
        return PlanView.of(plans.update(planId, body.terms(), actor(auth, request)));
    }

    @GetMapping("/subscriptions")
    @Transactional(readOnly = true)
    List<SubscriptionView> listSubscriptions(@RequestParam(required = false) SubscriptionStatus status,
            @RequestParam(required = false) Long apiId, Authentication auth) {
        AdminUser user = user(auth);
        Long ownerScope = user.getRole() == AdminRole.ADMIN ? null : user.getId();
        return subscriptions.queue(status, apiId, ownerScope, null).stream().map(SubscriptionView::of).toList();
    }

    @PostMapping("/subscriptions/{id}/approve")
    @Transactional
    SubscriptionView approve(@PathVariable long id, Authentication auth, HttpServletRequest request) {
        decisions.approve(decidable(id, auth).getId(), actor(auth, request));
        return SubscriptionView.of(subscriptions.findWithDetails(id).orElseThrow());
    }

    @PostMapping("/subscriptions/{id}/reject")
    @Transactional
    SubscriptionView reject(@PathVariable long id, @RequestBody ReasonBody body, Authentication auth,
            HttpServletRequest request) {
        decisions.reject(decidable(id, auth).getId(), body.reason(), actor(auth, request));
        return SubscriptionView.of(subscriptions.findWithDetails(id).orElseThrow());
    }

    @PostMapping("/keys/{keyId}/revoke")
    ResponseEntity<Void> revokeKey(@PathVariable String keyId, Authentication auth, HttpServletRequest request) {
        keys.revokeByKeyId(keyId, actor(auth, request));
        return ResponseEntity.noContent().build();
    }

    private Subscription decidable(long id, Authentication auth) {
        AdminUser user = user(auth);
        return subscriptions.findWithDetails(id)
                .filter(s -> ApiAccess.mayManage(user, s.getPlan().getApi().getOwnerId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No subscription " + id + "."));
    }

    private Api managed(long id, Authentication auth) {
        AdminUser user = user(auth);
        return apis.findById(id).filter(api -> ApiAccess.mayManage(user, api.getOwnerId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No API " + id + "."));
    }

    private ApiView view(Api api) {
        ApiVersion current = versions.findByApiIdOrderByImportedAtDesc(api.getId()).stream().findFirst().orElse(null);
        return new ApiView(api.getId(), api.getName(), api.getContextPath(), api.getLifecycle(), api.isMockMode(),
                api.getUpstreams(), api.getOwnerId(), current == null ? null : current.getVersionLabel(),
                api.getSunsetAt(), api.getUpstreamConnectTimeoutMs(), api.getUpstreamResponseTimeoutMs());
    }

    private AdminUser user(Authentication auth) {
        return users.findByUsername(auth.getName()).orElseThrow();
    }

    private static Actor actor(Authentication auth, HttpServletRequest request) {
        return new Actor(Actor.Type.API_TOKEN, auth.getName(), request.getRemoteAddr());
    }

    record ImportBody(String document, String contextPath, boolean mockMode, List<String> upstreams, String owner,
            Integer connectTimeoutMillis, Integer responseTimeoutMillis) {
    }

    record TimeoutsBody(Integer connectTimeoutMillis, Integer responseTimeoutMillis) {
    }

    record DocumentBody(String document) {
    }

    record LifecycleBody(ApiLifecycle target, Instant sunset) {
    }

    record ReasonBody(String reason) {
    }

    record ApiView(long id, String name, String contextPath, ApiLifecycle lifecycle, boolean mockMode,
            List<String> upstreams, Long ownerId, String currentVersion, Instant sunset, Integer connectTimeoutMillis,
            Integer responseTimeoutMillis) {
    }

    record VersionView(long id, String version, boolean breaking, List<VersionDiff.Change> added,
            List<VersionDiff.Change> removed, List<VersionDiff.Change> changed) {
    }

    record SubscriptionView(long id, String status, long apiId, String api, long planId, String plan,
            long applicationId, String application, String consumer, String justification, String decisionReason,
            Instant requestedAt) {

        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.getId(), s.getStatus().name(), s.getPlan().getApi().getId(),
                    s.getPlan().getApi().getName(), s.getPlan().getId(), s.getPlan().getName(),
                    s.getApplication().getId(), s.getApplication().getName(),
                    s.getApplication().getConsumer().getEmail(), s.getJustification(), s.getDecisionReason(),
                    s.getRequestedAt());
        }
    }
}
