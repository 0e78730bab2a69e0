package io.gatehouse.core.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells consumers in the portal what was decided about their subscriptions and keys, and admin users what waits for
 * their decision; each recipient reads only their own.
 */
@Service
public class Notifications {

    /** Longest message kept; longer ones (a very long rejection reason) are cut. */
    static final int MAX_MESSAGE = 2400;

    private final NotificationRepository notifications;

    Notifications(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Transactional
    public Notification notify(Recipient recipient, String kind, String message, Long subscriptionId) {
        String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message;
        return notifications.save(new Notification(recipient, kind, text, subscriptionId));
    }

    /**
     * Tells everyone who may decide about an API (every enabled admin, and the API's owner when it has one). Read
     * by id so that notifications need not know the account model.
     */
    @Transactional
    public void notifyDeciders(Long apiOwnerId, String kind, String message, Long subscriptionId) {
        notifications.findDeciders(apiOwnerId).forEach(id -> notify(Recipient.admin(id), kind, message,
                subscriptionId));
    }

    @Transactional(readOnly = true)
    public long unreadCount(Recipient recipient) {
        return recipient.consumerId() != null
                ? notifications.countByConsumerIdAndReadAtIsNull(recipient.consumerId())
                : notifications.countByAdminUserIdAndReadAtIsNull(recipient.adminUserId());
    }

    /** The recipient's latest notifications, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> latest(Recipient recipient) {
        return recipient.consumerId() != null
                ? notifications.findTop50ByConsumerIdOrderByCreatedAtDescIdDesc(recipient.consumerId())
                : notifications.findTop50ByAdminUserIdOrderByCreatedAtDescIdDesc(recipient.adminUserId());
    }

    /** One notification as its page shows it: {@code unread} says whether it was new when the page was opened. */
    public record Seen(String kind, String message, Instant createdAt, boolean unread) {
    }

    /** What the recipient's notifications page shows, newest first; opening the page reads them all. */
    @Transactional
    public List<Seen> open(Recipient recipient) {
        List<Seen> seen = latest(recipient).stream()
                .map(n -> new Seen(n.getKind(), n.getMessage(), n.getCreatedAt(), !n.isRead())).toList();
        markAllRead(recipient);
        return seen;
    }

    @Transactional
    public void markAllRead(Recipient recipient) {
        Instant now = Instant.now();
        List<Notification> unread = recipient.consumerId() != null
                ? notifications.findByConsumerIdAndReadAtIsNull(recipient.consumerId())
                : notifications.findByAdminUserIdAndReadAtIsNull(recipient.adminUserId());
        unread.forEach(n -> n.markRead(now));
    }
}
