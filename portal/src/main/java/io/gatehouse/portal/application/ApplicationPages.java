package io.gatehouse.portal.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.gatehouse.core.apikey.ApiKey;
import io.gatehouse.core.apikey.ApiKeyRepository;
import io.gatehouse.core.application.Application;
import io.gatehouse.core.application.ApplicationRepository;
import io.gatehouse.core.subscription.Subscription;
import io.gatehouse.core.subscription.SubscriptionRepository;
import io.gatehouse.core.subscription.SubscriptionStatus;

/** What the application pages show, read in one transaction and always scoped to the logged-in consumer. */
@Component
class ApplicationPages {

    private final ApplicationRepository applications;
    private final SubscriptionRepository subscriptions;
    private final ApiKeyRepository keys;

    ApplicationPages(ApplicationRepository applications, SubscriptionRepository subscriptions, ApiKeyRepository keys) {
        this.applications = applications;
        this.subscriptions = subscriptions;
        this.keys = keys;
    }

    record ApplicationRow(long id, String name, String description, Instant createdAt) {
    }

    record SubscriptionRow(long id, long apiId, String apiName, String planName, String status, String reason,
            Instant requestedAt) {
    }

    record KeyRow(long id, String masked, Instant createdAt, Instant lastUsedAt, String status, Instant expiresAt,
            boolean revocable) {
    }

    record View(ApplicationRow application, List<SubscriptionRow> subscriptions, List<KeyRow> keys,
            boolean pending) {
    }

    @Transactional(readOnly = true)
    List<ApplicationRow> mine(long consumerId) {
        return applications.findByConsumerIdOrderByNameAsc(consumerId).stream().map(ApplicationPages::row).toList();
    }

    @Transactional(readOnly = true)
    Optional<View> view(long applicationId, long consumerId) {
        return applications.findByIdAndConsumerId(applicationId, consumerId).map(application -> {
            List<SubscriptionRow> rows = subscriptions.findByApplicationIdOrderByRequestedAtDesc(applicationId).stream()
                    .map(ApplicationPages::row).toList();
            List<KeyRow> keyRows = keys.findByApplicationIdOrderByCreatedAtDesc(applicationId).stream()
                    .map(ApplicationPages::row).toList();
            boolean pending = rows.stream().anyMatch(r -> r.status().equals(SubscriptionStatus.PENDING.name()));
            return new View(row(application), rows, keyRows, pending);
        });
    }

    private static ApplicationRow row(Application application) {
        return new ApplicationRow(application.getId(), application.getName(), application.getDescription(),
                application.getCreatedAt());
    }

    private static SubscriptionRow row(Subscription subscription) {
        SubscriptionStatus status = subscription.getStatus();
        // The reason is the consumer's to read when an admin refused or paused access.
        String reason = status == SubscriptionStatus.REJECTED || status == SubscriptionStatus.SUSPENDED
                || status == SubscriptionStatus.REVOKED ? subscription.getDecisionReason() : null;
        return new SubscriptionRow(subscription.getId(), subscription.getApiId(),
                subscription.getPlan().getApi().getName(), subscription.getPlan().getName(), status.name(), reason,
                subscription.getRequestedAt());
    }

    private static KeyRow row(ApiKey key) {
        return new KeyRow(key.getId(), key.masked(), key.getCreatedAt(), key.getLastUsedAt(), key.getStatus().name(),
                key.getExpiresAt(), key.getStatus() != io.gatehouse.core.apikey.ApiKeyStatus.REVOKED);
    }
}
