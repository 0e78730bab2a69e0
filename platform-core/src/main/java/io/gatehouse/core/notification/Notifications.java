package io.gatehouse.core.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tells consumers in the portal what was decided about their subscriptions; read per consumer only. */
@Service
public class Notifications {

    /** Longest message kept; longer ones (a very long rejection reason) are cut. */
    static final int MAX_MESSAGE = 2400;

    private final NotificationRepository notifications;

    Notifications(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Transactional
    public Notification notify(long consumerId, String kind, String message, Long subscriptionId) {
        String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message;
        return notifications.save(new Notification(consumerId, kind, text, subscriptionId));
    }

    @Transactional(readOnly = true)
    public long unreadCount(long consumerId) {
        return notifications.countByConsumerIdAndReadAtIsNull(consumerId);
    }

    /** The consumer's latest notifications, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> latest(long consumerId) {
        return notifications.findTop50ByConsumerIdOrderByCreatedAtDescIdDesc(consumerId);
    }

    @Transactional
    public void markAllRead(long consumerId) {
        Instant now = Instant.now();
        notifications.findByConsumerIdAndReadAtIsNull(consumerId).forEach(n -> n.markRead(now));
    }
}
