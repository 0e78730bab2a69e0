package io.gatehouse.admin.analytics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.gatehouse.admin.catalog.ApiAccess;
import io.gatehouse.core.account.AdminRole;
import io.gatehouse.core.account.AdminUser;
import io.gatehouse.core.account.AdminUserRepository;
import io.gatehouse.core.analytics.AnalyticsQueries;
import io.gatehouse.core.analytics.UsageCharts;
import io.gatehouse.core.analytics.UsageScope;
import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.ApiRepository;
import io.gatehouse.core.plan.PlanRepository;

/**
 * How the APIs are used: traffic by status class, latency percentiles, top applications and operations, failures
 * split into the gateway's refusals and the upstreams' failures, and subscriptions near their quota. A product
 * owner sees the APIs they own; an admin sees all. The page refreshes itself; each panel exports as CSV.
 */
@Controller
class DashboardController {

    /** Subscriptions at or above this share of their quota are listed under quota pressure. */
    static final int QUOTA_PRESSURE_PERCENT = 80;
    private static final int TOP = 10;

    private final AnalyticsQueries analytics;
    private final AdminUserRepository users;
    private final ApiRepository apis;
    private final PlanRepository plans;

    DashboardController(AnalyticsQueries analytics, AdminUserRepository users, ApiRepository apis,
            PlanRepository plans) {
        this.analytics = analytics;
        this.users = users;
        this.apis = apis;
        this.plans = plans;
    }

    /** Every panel from one snapshot: a rollup committed meanwhile shows in all of them or in none. */
    @GetMapping("/analytics")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    String dashboard(DashboardForm form, Authentication authentication, HtmxRequest htmx, Model model) {
        AdminUser user = users.findByUsername(authentication.getName()).orElseThrow();
        List<Api> visible = apis.findAll().stream().filter(api -> ApiAccess.mayManage(user, api.getOwnerId()))
                .sorted((a, b) -> a.getName().compareToIgnoreCase(b.getName())).toList();
        Instant now = Instant.now();
        UsageScope scope = scope(form, user, visible, now);
        List<AnalyticsQueries.Point> series = analytics.series(scope);
        List<AnalyticsQueries.Failures> failures = analytics.failures(scope);
        model.addAttribute("form", form);
        model.addAttribute("range", form.rangeOrDefault());
        model.addAttribute("apis", visible);
        model.addAttribute("plans", form.apiId() == null || scope.empty() ? List.of()
                : plans.findByApiIdOrderByNameAsc(form.apiId()));
        model.addAttribute("from", scope.from());
        model.addAttribute("to", scope.to());
        model.addAttribute("summary", analytics.summary(scope));
        model.addAttribute("series", series);
        model.addAttribute("resolution", scope.resolution());
        model.addAttribute("trafficChart", UsageCharts.traffic(series, scope.resolution()).json());
        model.addAttribute("latencyChart", UsageCharts.latency(series, scope.resolution()).json());
        model.addAttribute("applications", analytics.topApplications(scope, TOP));
        model.addAttribute("operations", analytics.topOperations(scope, TOP));
        model.addAttribute("rejections", failures.stream().filter(f -> !f.upstream()).toList());
        model.addAttribute("upstreamFailures", failures.stream().filter(AnalyticsQueries.Failures::upstream).toList());
        model.addAttribute("quotaPressure", quotaPressure(scope, now));
        model.addAttribute("query", DashboardCsv.query(form));
        return htmx.isHtmxRequest() ? "analytics/dashboard :: panels" : "analytics/dashboard";
    }

    @GetMapping("/analytics/export.csv")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ResponseEntity<String> export(DashboardForm form, @RequestParam String panel, Authentication authentication) {
        AdminUser user = users.findByUsername(authentication.getName()).orElseThrow();
        List<Api> visible = apis.findAll().stream().filter(api -> ApiAccess.mayManage(user, api.getOwnerId()))
                .toList();
        Instant now = Instant.now();
        UsageScope scope = scope(form, user, visible, now);
        String csv = switch (panel) {
            case "traffic" -> DashboardCsv.traffic(analytics.series(scope), scope.resolution());
            case "applications" -> DashboardCsv.applications(analytics.topApplications(scope, TOP));
            case "operations" -> DashboardCsv.operations(analytics.topOperations(scope, TOP));
            case "failures" -> DashboardCsv.failures(analytics.failures(scope));
            case "quota" -> DashboardCsv.quota(quotaPressure(scope, now));
            default -> null;
        };
        if (csv == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"gatehouse-" + panel + ".csv\"")
                .body(csv);
    }

    private List<AnalyticsQueries.QuotaUse> quotaPressure(UsageScope scope, Instant now) {
        Set<Long> apiIds = scope.apiId() == null ? scope.apiIds()
                : scope.apiIds() == null || scope.apiIds().contains(scope.apiId()) ? Set.of(scope.apiId()) : Set.of();
        return analytics.quotaUse(apiIds, null, scope.applicationId(), now).stream()
                .filter(use -> scope.planId() == null || scope.planId() == use.planId())
                .filter(use -> use.percent() >= QUOTA_PRESSURE_PERCENT)
                .sorted((a, b) -> Integer.compare(b.percent(), a.percent())).toList();
    }

    /** The viewer's scope: an admin sees every API, a product owner only theirs. */
    private static UsageScope scope(DashboardForm form, AdminUser user, List<Api> visible, Instant now) {
        Set<Long> apiIds = user.getRole() == AdminRole.ADMIN ? null
                : visible.stream().map(Api::getId).collect(Collectors.toSet());
        return new UsageScope(form.start(now), form.end(now), apiIds, form.apiId(), form.planId(),
                form.applicationId(), null).asOf(now);
    }
}
