package io.gatehouse.core.apikey;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gatehouse.core.application.Application;
import io.gatehouse.core.notification.Notifications;
import io.gatehouse.core.notification.Recipient;

/**
 * Tells consumers, once per key, that a key of theirs stops working soon: a rotated key's overlap ends within
 * {@code gatehouse.keys.expiry-notice}. They are told in the portal and by a {@code key.expiring} webhook. Safe to run on several nodes at once: each key is marked told by exactly
 * one of them.
 */
@Service
public class KeyExpiryNotices {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ApiKeyRepository keys;
    private final Notifications notifications;
    private final ApiKeyProperties properties;
    private final KeyEvents events;

    KeyExpiryNotices(ApiKeyRepository keys, Notifications notifications, ApiKeyProperties properties,
            KeyEvents events) {
        this.keys = keys;
        this.events = events;
        this.notifications = notifications;
        this.properties = properties;
    }

    /** Tells the consumers of the keys that stop working by {@code now} plus the notice period; returns how many. */
    @Transactional
    public int tellDue(Instant now) {
        int told = 0;
        for (ApiKey key : keys.findExpiringUntold(now, now.plus(properties.expiryNotice()))) {
            if (keys.markExpiryTold(key.getId(), now) == 1) {
                Application application = key.getApplication();
                notifications.notify(Recipient.consumer(application.getConsumer().getId()), "key.expiring",
                        "Key " + key.masked() + " of application " + application.getName() + " stops working at "
                                + UTC.format(key.getExpiresAt()) + ". Use its replacement from now on.",
                        null);
                events.publish("key.expiring", key);
                told++;
            }
        }
        return told;
    }
}
