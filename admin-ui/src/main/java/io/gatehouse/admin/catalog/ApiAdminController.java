package io.gatehouse.admin.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.gatehouse.core.account.AdminUser;
import io.gatehouse.core.alert.ErrorRateAlerts;
import io.gatehouse.core.account.AdminUserRepository;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.ApiLifecycle;
import io.gatehouse.core.catalog.ApiRepository;
import io.gatehouse.core.catalog.ApiVersion;
import io.gatehouse.core.catalog.ApiVersionRepository;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.plan.PlanRepository;

/**
 * The Apis a user manages: all of them for an admin, their own for a product owner (another's Api is a 404).
 * Lifecycle changes are for admins only (enforced in the security configuration).
 */
@Controller
class ApiAdminController {

    private final ApiRepository apis;
    private final ApiVersionRepository versions;
    private final PlanRepository plans;
    private final AdminUserRepository users;
    private final CatalogService catalog;
    private final VersionDiffs diffs;
    private final BreakingChangeImpact impact;
    private final ErrorRateAlerts errorAlerts;

    ApiAdminController(ApiRepository apis, ApiVersionRepository versions, PlanRepository plans,
            AdminUserRepository users, CatalogService catalog, VersionDiffs diffs, BreakingChangeImpact impact,
            ErrorRateAlerts errorAlerts) {
        this.errorAlerts = errorAlerts;
        this.impact = impact;
        this.apis = apis;
        this.versions = versions;
        this.plans = plans;
        this.users = users;
        this.catalog = catalog;
        this.diffs = diffs;
    }

    @GetMapping("/apis")
    @Transactional(readOnly = true)
    String list(Authentication authentication, Model model) {
        AdminUser user = user(authentication);
        model.addAttribute("apis", apis.findAll().stream().filter(api -> mayManage(user, api))
                .sorted((a, b) -> a.getName().compareToIgnoreCase(b.getName())).toList());
        model.addAttribute("owners", owners());
        model.addAttribute("user", user);
        return "apis/list";
    }

    @GetMapping("/apis/{id}")
    @Transactional(readOnly = true)
    String show(@PathVariable long id, Authentication authentication, Model model) {
        AdminUser user = user(authentication);
        Api api = managed(id, user);
        model.addAttribute("api", api);
        model.addAttribute("user", user);
        model.addAttribute("owners", owners());
        model.addAttribute("versions", versions.findByApiIdOrderByImportedAtDesc(id));
        model.addAttribute("plans", plans.findByApiIdOrderByNameAsc(id));
        model.addAttribute("errorAlert", errorAlerts.find(id).orElse(null));
        return "apis/show";
    }

    /** The error-rate alert: the Api's owner may set it as well as an admin (see the security configuration). */
    @PostMapping("/apis/{id}/error-alert")
    String errorAlert(@PathVariable long id, @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") int thresholdPercent,
            @RequestParam(defaultValue = "0") int windowMinutes, @RequestParam(defaultValue = "0") int minCalls,
            Authentication authentication, HttpServletRequest request) {
        managed(id, user(authentication));
        Actor actor = Actor.admin(authentication.getName(), request.getRemoteAddr());
        if ("remove".equals(action)) {
            errorAlerts.remove(id, actor);
            return "redirect:/apis/" + id;
        }
        try {
            errorAlerts.set(id, thresholdPercent, windowMinutes, minCalls, actor);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return "redirect:/apis/" + id;
    }

    @PostMapping("/apis/{id}/lifecycle")
    String lifecycle(@PathVariable long id, @RequestParam ApiLifecycle target,
            @RequestParam(required = false) LocalDate sunset, Authentication authentication,
            HttpServletRequest request) {
        managed(id, user(authentication));
        Actor actor = Actor.admin(authentication.getName(), request.getRemoteAddr());
        if (target == ApiLifecycle.DEPRECATED) {
            Instant sunsetAt = sunset == null ? null : sunset.atStartOfDay(ZoneOffset.UTC).toInstant();
            catalog.deprecate(id, sunsetAt, actor);
        } else {
            catalog.moveTo(id, target, actor);
        }
        return "redirect:/apis/" + id;
    }

    /** Admins only, like every POST under /apis (security configuration); a bad value is a 400 with its reason. */
    @PostMapping("/apis/{id}/timeouts")
    String timeouts(@PathVariable long id, @RequestParam(required = false) Integer connectTimeoutMillis,
            @RequestParam(required = false) Integer responseTimeoutMillis, Authentication authentication,
            HttpServletRequest request) {
        managed(id, user(authentication));
        try {
            catalog.setUpstreamTimeouts(id, connectTimeoutMillis, responseTimeoutMillis,
                    Actor.admin(authentication.getName(), request.getRemoteAddr()));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return "redirect:/apis/" + id;
    }

    @GetMapping("/apis/{id}/versions/{versionId}/diff")
    @Transactional(readOnly = true)
    String diff(@PathVariable long id, @PathVariable long versionId, Authentication authentication, Model model) {
        Api api = managed(id, user(authentication));
        List<ApiVersion> all = versions.findByApiIdOrderByImportedAtDesc(id);
        int index = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).getId() == versionId) {
                index = i;
            }
        }
        if (index < 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ApiVersion version = all.get(index);
        ApiVersion previous = index + 1 < all.size() ? all.get(index + 1) : null;
        model.addAttribute("api", api);
        model.addAttribute("version", version);
        model.addAttribute("previous", previous);
        VersionDiff diff = previous == null ? null : diffs.between(previous, version);
        model.addAttribute("diff", diff);
        model.addAttribute("affected", diff == null || !diff.isBreaking() ? List.of()
                : impact.of(id, previous, diff, Instant.now()));
        return "apis/diff";
    }

    private AdminUser user(Authentication authentication) {
        return users.findByUsername(authentication.getName()).orElseThrow();
    }

    private Api managed(long id, AdminUser user) {
        return apis.findById(id).filter(api -> mayManage(user, api))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Map<Long, String> owners() {
        return users.findAll().stream().collect(Collectors.toMap(AdminUser::getId, AdminUser::getDisplayName));
    }

    private static boolean mayManage(AdminUser user, Api api) {
        return ApiAccess.mayManage(user, api.getOwnerId());
    }
}
