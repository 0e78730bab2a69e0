package io.gatehouse.core.alert;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.gatehouse.core.analytics.AnalyticsQueries;
import io.gatehouse.core.analytics.UsageScope;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.audit.AuditLog;
import io.gatehouse.core.notification.Notifications;
import io.gatehouse.core.webhook.WebhookEvents;

/**
 * Error-rate alerts per API: when, over the last {@code windowMinutes}, at least {@code minCalls} calls were made and
 * 5xx answers (the upstream's, timeouts, refused connections, open circuits) reached {@code thresholdPercent} of
 * them, the API's owner and the admins are told in the admin UI and by an {@code api.error-rate} webhook. An alert
 * that fired is told again only after the rate has fallen back below its threshold. Refusals by the gateway (401,
 * 403, 429) are the callers' doing and do not count.
 */
@Service
public class ErrorRateAlerts {

    public record Alert(long apiId, int thresholdPercent, int windowMinutes, int minCalls, boolean firing,
            Instant lastFiredAt) {
    }

    private final JdbcTemplate jdbc;
    private final AnalyticsQueries analytics;
    private final Notifications notifications;
    private final WebhookEvents webhooks;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    ErrorRateAlerts(JdbcTemplate jdbc, AnalyticsQueries analytics, Notifications notifications, WebhookEvents webhooks,
            AuditLog audit, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.analytics = analytics;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<Alert> find(long apiId) {
        return all("where api_id = ?", apiId).stream().findFirst();
    }

    /** Sets or replaces the API's alert; it starts quiet. */
    @Transactional
    public Alert set(long apiId, int thresholdPercent, int windowMinutes, int minCalls, Actor actor) {
        if (thresholdPercent < 1 || thresholdPercent > 100) {
            throw new IllegalArgumentException("The threshold is a percentage from 1 to 100.");
        }
        if (windowMinutes < 1 || windowMinutes > 180) {
            throw new IllegalArgumentException("The window is from 1 to 180 minutes.");
        }
        if (minCalls < 1) {
            throw new IllegalArgumentException("At least one call must be made before the rate means anything.");
        }
        jdbc.update("delete from api_error_alert where api_id = ?", apiId);
        jdbc.update("insert into api_error_alert (api_id, threshold_percent, window_minutes, min_calls, firing,"
                + " updated_by, updated_at) values (?, ?, ?, ?, false, ?, ?)", apiId, thresholdPercent, windowMinutes,
                minCalls, actor.name(), Timestamp.from(Instant.now()));
        audit.record(actor, "api.error-alert.set", "api", apiId,
                thresholdPercent + "% of at least " + minCalls + " calls over " + windowMinutes + " min");
        return find(apiId).orElseThrow();
    }

    @Transactional
    public void remove(long apiId, Actor actor) {
        if (jdbc.update("delete from api_error_alert where api_id = ?", apiId) > 0) {
            audit.record(actor, "api.error-alert.removed", "api", apiId, "");
        }
    }

    /** Looks at every alert's window ending {@code now}; returns how many alerts fired. */
    public int evaluate(Instant now) {
        int fired = 0;
        for (Alert alert : all("", new Object[0])) {
            UsageScope window = new UsageScope(now.minus(Duration.ofMinutes(alert.windowMinutes())), now, null,
                    alert.apiId(), null, null, null).asOf(now);
            AnalyticsQueries.Summary summary = analytics.summary(window);
            boolean breached = summary.requests() >= alert.minCalls()
                    && summary.serverErrors() * 100 >= (long) alert.thresholdPercent() * summary.requests();
            if (breached && !alert.firing()
                    && Boolean.TRUE.equals(transactions.execute(status -> fire(alert, summary, now)))) {
                fired++;
            } else if (!breached && alert.firing()) {
                jdbc.update("update api_error_alert set firing = false where api_id = ?", alert.apiId());
            }
        }
        return fired;
    }

    /** Marks the alert as firing and tells, in one transaction; false when another node did it first. */
    private boolean fire(Alert alert, AnalyticsQueries.Summary summary, Instant now) {
        if (jdbc.update("update api_error_alert set firing = true, last_fired_at = ?"
                + " where api_id = ? and firing = false", Timestamp.from(now), alert.apiId()) == 0) {
            return false;
        }
        Map<String, Object> api = jdbc.queryForMap("select name, owner_id from api where id = ?", alert.apiId());
        long rate = summary.serverErrors() * 100 / summary.requests();
        notifications.notifyDeciders(toLong(api.get("owner_id")), "api.error-rate", api.get("name")
                + ": " + rate + "% of the last " + summary.requests() + " calls in " + alert.windowMinutes()
                + " minutes failed with 5xx (alert at " + alert.thresholdPercent() + "%).", null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("api", Map.of("id", alert.apiId(), "name", api.get("name")));
        data.put("calls", summary.requests());
        data.put("serverErrors", summary.serverErrors());
        data.put("ratePercent", rate);
        data.put("thresholdPercent", alert.thresholdPercent());
        data.put("windowMinutes", alert.windowMinutes());
        webhooks.publishAboutApi("api.error-rate", alert.apiId(), data);
        return true;
    }

    private static Long toLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private List<Alert> all(String where, Object... args) {
        return jdbc.query("select api_id, threshold_percent, window_minutes, min_calls, firing, last_fired_at"
                + " from api_error_alert " + where + " order by api_id", (rs, n) -> new Alert(rs.getLong(1),
                        rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getBoolean(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()), args);
    }
}
