package io.gatehouse.portal.notification;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.gatehouse.core.notification.Notifications;
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

    record Row(String kind, String message, Instant createdAt, boolean unread) {
    }

    @GetMapping("/notifications")
    String list(Principal principal, Model model) {
        long consumerId = current.id(principal);
        List<Row> rows = notifications.latest(consumerId).stream()
                .map(n -> new Row(n.getKind(), n.getMessage(), n.getCreatedAt(), !n.isRead())).toList();
        // Reading the page is reading the notifications; the rows above still mark which ones were new.
        notifications.markAllRead(consumerId);
        model.addAttribute("notifications", rows);
        model.addAttribute("unreadNotifications", 0L);
        return "notifications";
    }
}
