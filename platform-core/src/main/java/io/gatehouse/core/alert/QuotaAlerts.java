package io.gatehouse.core.alert;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.gatehouse.core.analytics.AnalyticsQueries;
import io.gatehouse.core.notification.Notifications;
import io.gatehouse.core.notification.Recipient;
import io.gatehouse.core.plan.QuotaWindow;
import io.gatehouse.core.webhook.WebhookEvents;

/**
 * Tells consumers who asked for it when a subscription of theirs reaches 80%, 90% or 100% of its quota: in the portal
 * and by a {@code quota.threshold} webhook, once per threshold and quota window. When several thresholds are passed
 * between two looks, only the highest is told. Several admin UI nodes may evaluate at once: the row recording a
 * threshold as told can be written once only, and the telling commits with it.
 */
@Service
public class QuotaAlerts {

    private static final Logger log = LoggerFactory.getLogger(QuotaAlerts.class);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final AnalyticsQueries analytics;
    private final Notifications notifications;
    private final WebhookEvents webhooks;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    QuotaAlerts(AnalyticsQueries analytics, Notifications notifications, WebhookEvents webhooks, JdbcTemplate jdbc,
            TransactionTemplate transactions) {
        this.analytics = analytics;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Looks at every approved subscription of consumers with quota alerts; returns how many alerts were told. */
    public int evaluate(Instant now) {
        Map<Long, List<Integer>> wanted = new HashMap<>();
        jdbc.query("select id, quota_alerts from consumer where quota_alerts <> '' and status = 'ACTIVE'", rs -> {
            List<Integer> thresholds = new ArrayList<>();
            for (String t : rs.getString(2).split(",")) {
                thresholds.add(Integer.valueOf(t));
            }
            wanted.put(rs.getLong(1), thresholds);
        });
        if (wanted.isEmpty()) {
            return 0;
        }
        int told = 0;
        for (AnalyticsQueries.QuotaUse use : analytics.quotaUse(null, null, null, now)) {
            List<Integer> crossed = wanted.getOrDefault(use.consumerId(), List.of()).stream()
                    .filter(t -> use.percent() >= t).toList();
            if (crossed.isEmpty()) {
                continue;
            }
            Instant windowStart = QuotaWindow.containing(use.period(), now).start();
            try {
                if (Boolean.TRUE.equals(transactions.execute(status -> tell(use, windowStart, crossed, now)))) {
                    told++;
                }
            } catch (DataIntegrityViolationException e) {
                log.debug("Another node told subscription {} first", use.subscriptionId());
            }
        }
        return told;
    }

    /** Records the thresholds not told yet in this window and tells the highest; false when none was new. */
    private boolean tell(AnalyticsQueries.QuotaUse use, Instant windowStart, List<Integer> crossed, Instant now) {
        Set<Integer> already = Set.copyOf(jdbc.queryForList("select threshold from quota_alert_sent"
                + " where subscription_id = ? and window_start = ?", Integer.class, use.subscriptionId(),
                Timestamp.from(windowStart)));
        List<Integer> fresh = crossed.stream().filter(t -> !already.contains(t)).toList();
        if (fresh.isEmpty()) {
            return false;
        }
        for (int threshold : fresh) {
            jdbc.update("insert into quota_alert_sent (subscription_id, window_start, threshold, sent_at)"
                    + " values (?, ?, ?, ?)", use.subscriptionId(), Timestamp.from(windowStart), threshold,
                    Timestamp.from(now));
        }
        int threshold = fresh.get(fresh.size() - 1);
        String period = use.period().name().toLowerCase();
        notifications.notify(Recipient.consumer(use.consumerId()), "quota.threshold", "Application "
                + use.applicationName() + " has used " + threshold + "% of its quota for " + use.apiName() + " ("
                + use.planName() + "): " + use.used() + " of " + use.limit() + " calls this " + period
                + "; it resets at " + UTC.format(use.resetsAt()) + ".", use.subscriptionId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subscription", Map.of("id", use.subscriptionId()));
        data.put("application", Map.of("id", use.applicationId(), "name", use.applicationName()));
        data.put("api", Map.of("id", use.apiId(), "name", use.apiName()));
        data.put("plan", Map.of("id", use.planId(), "name", use.planName()));
        data.put("threshold", threshold);
        data.put("used", use.used());
        data.put("limit", use.limit());
        data.put("period", period);
        data.put("resetsAt", use.resetsAt().toString());
        webhooks.publish("quota.threshold", use.consumerId(), use.apiId(), data);
        return true;
    }
}
