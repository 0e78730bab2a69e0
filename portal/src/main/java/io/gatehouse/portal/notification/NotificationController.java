package io.gatehouse.portal.notification;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.gatehouse.core.notification.Notifications;
import io.gatehouse.core.notification.Recipient;
import io.gatehouse.portal.security.CurrentConsumer;

/** The consumer's notifications, newest first; opening the page marks them read. */
@Controller
class NotificationController {

    private final Notifications notifications;
    private final CurrentConsumer current;

    NotificationController(Notifications notifications, CurrentConsumer current) {
        this.notifications = notifications;
        this.current = current;
    }

    @GetMapping("/notifications")
    String list(Principal principal, Model model) {
        model.addAttribute("notifications", notifications.open(Recipient.consumer(current.id(principal))));
        model.addAttribute("unreadNotifications", 0L);
        return "notifications";
    }
}
