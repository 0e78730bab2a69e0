package io.gatehouse.portal.notification;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.gatehouse.core.consumer.ConsumerRepository;
import io.gatehouse.core.notification.Notifications;
import io.gatehouse.core.notification.Recipient;

/** The unread count the nav shows on every page of a logged-in consumer; null for visitors. */
@ControllerAdvice
class UnreadNotifications {

    private final Notifications notifications;
    private final ConsumerRepository consumers;

    UnreadNotifications(Notifications notifications, ConsumerRepository consumers) {
        this.notifications = notifications;
        this.consumers = consumers;
    }

    @ModelAttribute("unreadNotifications")
    Long unreadNotifications(Principal principal) {
        if (principal == null) {
            return null;
        }
        return consumers.findByEmailIgnoringCase(principal.getName())
                .map(consumer -> notifications.unreadCount(Recipient.consumer(consumer.getId()))).orElse(null);
    }
}
