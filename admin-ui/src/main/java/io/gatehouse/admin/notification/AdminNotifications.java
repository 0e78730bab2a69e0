package io.gatehouse.admin.notification;

import java.security.Principal;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.gatehouse.core.account.AdminUserRepository;
import io.gatehouse.core.notification.Notifications;
import io.gatehouse.core.notification.Recipient;

/**
 * The admin user's notifications (new requests waiting for their decision), newest first; opening the page marks
 * them read. Every admin page's navigation counts the unread ones.
 */
@Controller
@ControllerAdvice
class AdminNotifications {

    private final Notifications notifications;
    private final AdminUserRepository users;

    AdminNotifications(Notifications notifications, AdminUserRepository users) {
        this.notifications = notifications;
        this.users = users;
    }

    @GetMapping("/notifications")
    String list(Principal principal, Model model) {
        model.addAttribute("notifications", notifications.open(recipient(principal).orElseThrow()));
        model.addAttribute("unreadNotifications", 0L);
        return "notifications";
    }

    @ModelAttribute("unreadNotifications")
    Long unreadNotifications(Principal principal) {
        return recipient(principal).map(notifications::unreadCount).orElse(null);
    }

    private Optional<Recipient> recipient(Principal principal) {
        return principal == null ? Optional.empty()
                : users.findByUsername(principal.getName()).map(user -> Recipient.admin(user.getId()));
    }
}
