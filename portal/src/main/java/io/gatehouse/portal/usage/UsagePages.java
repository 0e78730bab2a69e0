package io.gatehouse.portal.usage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.gatehouse.core.analytics.AnalyticsQueries;
import io.gatehouse.core.analytics.UsageScope;
import io.gatehouse.core.application.ApplicationRepository;
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.core.subscription.SubscriptionRepository;
import io.gatehouse.core.subscription.SubscriptionStatus;

/**
 * What "My usage" shows, always scoped to the logged-in consumer: the rollups filtered by their consumer id, and
 * applications loaded by id and consumer id together. Quota figures come from {@link AnalyticsQueries#quotaUse}, which
 * counts what the gateway's quota counter counts.
 */
@Component
class UsagePages {

    private final AnalyticsQueries analytics;
    private final ApplicationRepository applications;
    private final SubscriptionRepository subscriptions;

    UsagePages(AnalyticsQueries analytics, ApplicationRepository applications, SubscriptionRepository subscriptions) {
        this.analytics = analytics;
        this.applications = applications;
        this.subscriptions = subscriptions;
    }

    /** Calls in a range; both kinds of 429 are counted apart, and are also among the errors. */
    record Totals(long calls, long errors, Long p95, long rateLimited, long quotaExhausted) {
    }

    record SubscriptionUsage(long id, long apiId, String apiName, String planName, String status, Totals totals,
            AnalyticsQueries.QuotaUse quota) {
    }

    record ApplicationUsage(long id, String name, Totals totals) {
    }

    record Overview(List<ApplicationUsage> applications, Totals totals, List<AnalyticsQueries.QuotaUse> quotas,
            List<AnalyticsQueries.Point> series) {
    }

    record ApplicationView(long id, String name, Totals totals, List<SubscriptionUsage> subscriptions,
            List<AnalyticsQueries.Point> series) {
    }

    /** The totals, the refusals, the quotas and the chart from one snapshot, so that they agree. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Overview overview(long consumerId, Instant from, Instant to, Instant now) {
        UsageScope mine = scope(from, to, null, consumerId, now);
        List<ApplicationUsage> rows = applications.findByConsumerIdOrderByNameAsc(consumerId).stream()
                .map(app -> new ApplicationUsage(app.getId(), app.getName(),
                        totals(scope(from, to, app.getId(), consumerId, now))))
                .toList();
        return new Overview(rows, totals(mine), analytics.quotaUse(null, consumerId, null, now),
                analytics.series(mine));
    }

    /** Empty when the application is not this consumer's (or is deleted). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Optional<ApplicationView> application(long applicationId, long consumerId, Instant from, Instant to,
            Instant now) {
        return applications.findByIdAndConsumerId(applicationId, consumerId).map(app -> {
            UsageScope scope = scope(from, to, app.getId(), consumerId, now);
            Map<Long, AnalyticsQueries.QuotaUse> quotas = analytics.quotaUse(null, consumerId, app.getId(), now)
                    .stream().collect(Collectors.toMap(AnalyticsQueries.QuotaUse::subscriptionId,
                            Function.identity()));
            List<SubscriptionUsage> rows = subscriptions.findByApplicationIdOrderByRequestedAtDesc(app.getId())
                    .stream().filter(UsagePages::mayHaveCalls)
                    .map(s -> row(s, totals(scope.forSubscription(s.getId())), quotas.get(s.getId()))).toList();
            return new ApplicationView(app.getId(), app.getName(), totals(scope), rows, analytics.series(scope));
        });
    }

    private Totals totals(UsageScope scope) {
        AnalyticsQueries.Summary summary = analytics.summary(scope);
        Map<String, Long> refused = analytics.failures(scope).stream().collect(Collectors.groupingBy(
                AnalyticsQueries.Failures::reason, Collectors.summingLong(AnalyticsQueries.Failures::requests)));
        return new Totals(summary.requests(), summary.errors(), summary.p95(), refused.getOrDefault("rate-limited", 0L),
                refused.getOrDefault("quota-exhausted", 0L));
    }

    private static UsageScope scope(Instant from, Instant to, Long applicationId, long consumerId, Instant now) {
        return new UsageScope(from, to, null, null, null, applicationId, consumerId).asOf(now);
    }

    /** Subscriptions that were approved at some point; pending and rejected ones never let a call through. */
    private static boolean mayHaveCalls(Subscription subscription) {
        SubscriptionStatus status = subscription.getStatus();
        return status == SubscriptionStatus.APPROVED || status == SubscriptionStatus.SUSPENDED
                || status == SubscriptionStatus.REVOKED;
    }

    private static SubscriptionUsage row(Subscription s, Totals totals, AnalyticsQueries.QuotaUse quota) {
        return new SubscriptionUsage(s.getId(), s.getApiId(), s.getPlan().getApi().getName(), s.getPlan().getName(),
                s.getStatus().name(), totals, quota);
    }
}
