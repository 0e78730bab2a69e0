package io.gatehouse.admin.subscription;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.gatehouse.admin.catalog.ApiAccess;
import io.gatehouse.core.account.AdminRole;
import io.gatehouse.core.account.AdminUser;
import io.gatehouse.core.account.AdminUserRepository;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.catalog.ApiRepository;
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.core.subscription.SubscriptionRepository;
import io.gatehouse.core.subscription.SubscriptionService;
import io.gatehouse.core.subscription.SubscriptionStatus;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * The approval queue: admins see every request, product owners those for the Apis they own. Decisions happen in
 * place (HTMX swaps the row), one by one or for the selected rows at once; a rejection needs a reason.
 */
@Controller
class SubscriptionQueueController {

    private static final String PAGE = "subscriptions/queue";
    private static final String ROWS = "subscriptions/queue :: subscription-rows";
    private static final String ROW = "subscriptions/queue :: subscription-row";

    private final SubscriptionRepository subscriptions;
    private final SubscriptionService decisions;
    private final AdminUserRepository users;
    private final ApiRepository apis;

    SubscriptionQueueController(SubscriptionRepository subscriptions, SubscriptionService decisions,
            AdminUserRepository users, ApiRepository apis) {
        this.subscriptions = subscriptions;
        this.decisions = decisions;
        this.users = users;
        this.apis = apis;
    }

    @GetMapping("/subscriptions")
    @Transactional(readOnly = true)
    String queue(@RequestParam(defaultValue = "PENDING") String status, @RequestParam(required = false) Long apiId,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "oldest") String sort,
            Authentication authentication, HtmxRequest htmx, Model model) {
        AdminUser user = user(authentication);
        SubscriptionStatus wanted = "ALL".equals(status) ? null : SubscriptionStatus.valueOf(status);
        String text = q == null || q.isBlank() ? null : "%" + q.trim().toLowerCase(Locale.ROOT) + "%";
        List<Subscription> rows = new ArrayList<>(subscriptions.queue(wanted, apiId, ownerScope(user), text));
        if ("newest".equals(sort)) {
            Collections.reverse(rows);
        }
        model.addAttribute("subscriptions", rows);
        model.addAttribute("status", status);
        model.addAttribute("apiId", apiId);
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        model.addAttribute("statuses", SubscriptionStatus.values());
        model.addAttribute("apis", apis.findAll().stream()
                .filter(api -> ApiAccess.mayManage(user, api.getOwnerId())).toList());
        return htmx.isHtmxRequest() ? ROWS : PAGE;
    }

    @PostMapping("/subscriptions/{id}/{action}")
    String decide(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String reason,
            Authentication authentication, HttpServletRequest request, HtmxRequest htmx, Model model) {
        AdminUser user = user(authentication);
        String problem = apply(id, action, reason, user, request);
        if (!htmx.isHtmxRequest()) {
            return "redirect:/subscriptions";
        }
        model.addAttribute("s", subscriptions.findWithDetails(id).orElseThrow());
        model.addAttribute("problem", problem);
        return ROW;
    }

    /** Bulk decisions on the selected rows; each row succeeds or fails on its own (a row decided meanwhile is skipped). */
    @PostMapping("/subscriptions/decisions")
    String decideMany(@RequestParam(name = "ids", required = false) List<Long> ids, @RequestParam String action,
            @RequestParam(required = false) String reason, Authentication authentication, HttpServletRequest request,
            HtmxRequest htmx, Model model) {
        AdminUser user = user(authentication);
        List<String> problems = new ArrayList<>();
        if (ids == null || ids.isEmpty()) {
            problems.add("Select at least one request.");
        } else if ("reject".equals(action) && (reason == null || reason.isBlank())) {
            problems.add("A rejection needs a reason the consumer can read.");
        } else {
            for (Long id : ids) {
                String problem = apply(id, action, reason, user, request);
                if (problem != null) {
                    problems.add("Request " + id + ": " + problem);
                }
            }
        }
        model.addAttribute("bulkProblems", problems);
        return queue("PENDING", null, null, "oldest", authentication, htmx, model);
    }

    /** Applies one decision; returns why it could not be applied, or null. */
    private String apply(long id, String action, String reason, AdminUser user, HttpServletRequest request) {
        Subscription subscription = subscriptions.findWithDetails(id)
                .filter(s -> ApiAccess.mayManage(user, s.getPlan().getApi().getOwnerId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Actor actor = Actor.admin(user.getUsername(), request.getRemoteAddr());
        try {
            switch (action) {
                case "approve" -> decisions.approve(subscription.getId(), actor);
                case "reject" -> decisions.reject(subscription.getId(), reason, actor);
                case "suspend" -> decisions.suspend(subscription.getId(), blankToNull(reason), actor);
                case "resume" -> decisions.resume(subscription.getId(), actor);
                case "revoke" -> decisions.revoke(subscription.getId(), blankToNull(reason), actor);
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return null;
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return refused.getMessage();
        } catch (ObjectOptimisticLockingFailureException raced) {
            return "Someone else decided this request at the same moment; see its status now.";
        }
    }

    private Long ownerScope(AdminUser user) {
        return user.getRole() == AdminRole.ADMIN ? null : user.getId();
    }

    private AdminUser user(Authentication authentication) {
        return users.findByUsername(authentication.getName()).orElseThrow();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
