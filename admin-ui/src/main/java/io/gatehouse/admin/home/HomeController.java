package io.gatehouse.admin.home;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.gatehouse.core.account.AdminRole;
import io.gatehouse.core.account.AdminUser;
import io.gatehouse.core.account.AdminUserRepository;
import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.ApiRepository;
import io.gatehouse.core.consumer.ConsumerRepository;
import io.gatehouse.core.subscription.SubscriptionRepository;
import io.gatehouse.core.subscription.SubscriptionStatus;

/** The admin home page: what needs attention, and the APIs this user may manage (all of them for an admin). */
@Controller
class HomeController {

    private final AdminUserRepository users;
    private final ApiRepository apis;
    private final SubscriptionRepository subscriptions;
    private final ConsumerRepository consumers;

    HomeController(AdminUserRepository users, ApiRepository apis, SubscriptionRepository subscriptions,
            ConsumerRepository consumers) {
        this.users = users;
        this.apis = apis;
        this.subscriptions = subscriptions;
        this.consumers = consumers;
    }

    @GetMapping("/")
    @Transactional(readOnly = true)
    String home(Authentication authentication, Model model) {
        AdminUser user = users.findByUsername(authentication.getName()).orElseThrow();
        List<Api> visible = apis.findAll().stream()
                .filter(api -> user.getRole() == AdminRole.ADMIN || user.getId().equals(api.getOwnerId()))
                .sorted((a, b) -> a.getName().compareToIgnoreCase(b.getName()))
                .toList();
        Map<Long, String> owners = users.findAll().stream()
                .collect(Collectors.toMap(AdminUser::getId, AdminUser::getDisplayName));
        model.addAttribute("user", user);
        model.addAttribute("apis", visible);
        model.addAttribute("owners", owners);
        model.addAttribute("pendingCount", subscriptions.countByStatus(SubscriptionStatus.PENDING));
        model.addAttribute("consumerCount", consumers.count());
        model.addAttribute("publishedCount", visible.stream().filter(api -> api.getLifecycle().isServed()).count());
        return "home";
    }

}
