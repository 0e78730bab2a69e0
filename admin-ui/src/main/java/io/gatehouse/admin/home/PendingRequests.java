package io.gatehouse.admin.home;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.gatehouse.core.account.AdminRole;
import io.gatehouse.core.account.AdminUserRepository;
import io.gatehouse.core.subscription.SubscriptionRepository;
import io.gatehouse.core.subscription.SubscriptionStatus;

/**
 * Every admin page shows, in the navigation, how many subscription requests wait for this user's decision: all of
 * them for an admin, those for their own Apis for a product owner.
 */
@ControllerAdvice
class PendingRequests {

    private final AdminUserRepository users;
    private final SubscriptionRepository subscriptions;

    PendingRequests(AdminUserRepository users, SubscriptionRepository subscriptions) {
        this.users = users;
        this.subscriptions = subscriptions;
    }

    @ModelAttribute("pendingForMe")
    Long pendingForMe(Principal principal) {
        if (principal == null) {
            return null;
        }
        return users.findByUsername(principal.getName())
                .map(user -> user.getRole() == AdminRole.ADMIN
                        ? subscriptions.countByStatus(SubscriptionStatus.PENDING)
                        : subscriptions.countPendingForOwner(user.getId()))
                .orElse(null);
    }
}
