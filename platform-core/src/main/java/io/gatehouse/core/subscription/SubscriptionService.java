package io.gatehouse.core.subscription;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gatehouse.core.application.Application;
import io.gatehouse.core.application.ApplicationRepository;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.audit.AuditLog;
import io.gatehouse.core.gatewayconfig.GatewayConfigChanges;
import io.gatehouse.core.notification.Notifications;
import io.gatehouse.core.notification.Recipient;
import io.gatehouse.core.plan.ApprovalMode;
import io.gatehouse.core.plan.Plan;
import io.gatehouse.core.plan.PlanRepository;
import io.gatehouse.core.webhook.WebhookEvents;

/**
 * The subscription state machine: every request and decision goes through here, is audited, and reaches the
 * gateway through the config revision. Concurrent decisions on one subscription are serialised by its row
 * version: the loser fails with an optimistic-locking error and changes nothing. Approving issues no key: the
 * consumer's first view of an approved application does ({@code ApiKeyService.issueFirstKey}), because the one
 * display of a key must happen in the consumer's browser, not the admin's.
 */
@Service
public class SubscriptionService {

    private final SubscriptionRepository subscriptions;
    private final ApplicationRepository applications;
    private final PlanRepository plans;
    private final AuditLog audit;
    private final GatewayConfigChanges gatewayConfig;
    private final Notifications notifications;
    private final WebhookEvents webhooks;

    SubscriptionService(SubscriptionRepository subscriptions, ApplicationRepository applications, PlanRepository plans,
            AuditLog audit, GatewayConfigChanges gatewayConfig, Notifications notifications,
            WebhookEvents webhooks) {
        this.webhooks = webhooks;
        this.notifications = notifications;
        this.subscriptions = subscriptions;
        this.applications = applications;
        this.plans = plans;
        this.audit = audit;
        this.gatewayConfig = gatewayConfig;
    }

    /** A consumer asks for a plan for one of their applications; AUTOMATIC plans are approved at once. */
    @Transactional
    public Subscription request(long consumerId, long applicationId, long planId, String justification,
            Actor actor) {
        Application application = applications.findByIdAndConsumerId(applicationId, consumerId)
                .orElseThrow(() -> new IllegalArgumentException("No application " + applicationId + "."));
        Plan plan = plans.findById(planId)
                .filter(Plan::isOffered)
                .filter(p -> p.getApi().getLifecycle().isServed())
                .orElseThrow(() -> new IllegalArgumentException("No plan " + planId + " is on offer."));
        Long apiId = plan.getApi().getId();
        if (subscriptions.findByApplicationIdAndLiveApiId(applicationId, apiId).isPresent()) {
            throw new IllegalStateException("This application already has a subscription to this API.");
        }
        Subscription subscription = subscriptions.saveAndFlush(new Subscription(application, plan, justification));
        audit.record(actor, "subscription.requested", "subscription", subscription.getId(),
                "plan " + plan.getName() + " for application " + application.getName());
        publish("subscription.requested", subscription);
        if (plan.getApprovalMode() == ApprovalMode.AUTOMATIC) {
            return decide(subscription, SubscriptionStatus.APPROVED, null, Actor.system("automatic approval"));
        }
        tellDeciders(subscription);
        return subscription;
    }

    /** Tells everyone who may decide a new request about it: every enabled admin, and the API's owner. */
    private void tellDeciders(Subscription subscription) {
        Plan plan = subscription.getPlan();
        Application application = subscription.getApplication();
        String message = application.getConsumer().getEmail() + " asks for " + plan.getApi().getName() + " ("
                + plan.getName() + ") for application " + application.getName()
                + (subscription.getJustification() == null ? "." : ": " + subscription.getJustification());
        notifications.notifyDeciders(plan.getApi().getOwnerId(), "subscription.requested", message,
                subscription.getId());
    }

    @Transactional
    public Subscription approve(long subscriptionId, Actor actor) {
        return tell(decide(load(subscriptionId), SubscriptionStatus.APPROVED, null, actor));
    }

    @Transactional
    public Subscription reject(long subscriptionId, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A rejection needs a reason the consumer can read.");
        }
        return tell(decide(load(subscriptionId), SubscriptionStatus.REJECTED, reason.trim(), actor));
    }

    @Transactional
    public Subscription suspend(long subscriptionId, String reason, Actor actor) {
        return tell(decide(load(subscriptionId), SubscriptionStatus.SUSPENDED, reason, actor));
    }

    @Transactional
    public Subscription resume(long subscriptionId, Actor actor) {
        Subscription subscription = load(subscriptionId);
        if (subscription.getStatus() != SubscriptionStatus.SUSPENDED) {
            throw new IllegalStateException("Only a suspended subscription can be resumed.");
        }
        return tell(decide(subscription, SubscriptionStatus.APPROVED, null, actor));
    }

    /**
     * Tells the consumer about a decision someone else made. Automatic approvals and the consumer's own deletions
     * are not told: the consumer is looking at the outcome already.
     */
    private Subscription tell(Subscription subscription) {
        Application application = subscription.getApplication();
        String what = subscription.getPlan().getApi().getName() + " (" + subscription.getPlan().getName()
                + ") for " + application.getName();
        String reason = subscription.getDecisionReason() == null ? "" : ": " + subscription.getDecisionReason();
        String message = switch (subscription.getStatus()) {
            case APPROVED -> "Your subscription to " + what + " is approved.";
            case REJECTED -> "Your subscription request for " + what + " was rejected" + reason;
            case SUSPENDED -> "Your subscription to " + what + " is suspended" + reason;
            default -> null;
        };
        if (message != null) {
            notifications.notify(Recipient.consumer(application.getConsumer().getId()),
                    "subscription." + subscription.getStatus().name().toLowerCase(), message, subscription.getId());
        }
        return subscription;
    }

    @Transactional
    public Subscription revoke(long subscriptionId, String reason, Actor actor) {
        return decide(load(subscriptionId), SubscriptionStatus.REVOKED, reason, actor);
    }

    /**
     * Ends every live subscription of an application whose consumer deletes it (or their account): approved and
     * suspended ones are revoked, pending ones rejected, each with {@code reason}.
     */
    @Transactional
    public void endLive(long applicationId, String reason, Actor actor) {
        for (Subscription subscription : subscriptions.findByApplicationIdOrderByRequestedAtDesc(applicationId)) {
            if (subscription.getStatus() == SubscriptionStatus.PENDING) {
                decide(subscription, SubscriptionStatus.REJECTED, reason, actor);
            } else if (subscription.getStatus().isLive()) {
                decide(subscription, SubscriptionStatus.REVOKED, reason, actor);
            }
        }
    }

    private Subscription load(long subscriptionId) {
        return subscriptions.findById(subscriptionId)
                .orElseThrow(() -> new IllegalArgumentException("No subscription " + subscriptionId + "."));
    }

    private Subscription decide(Subscription subscription, SubscriptionStatus target, String reason,
            Actor actor) {
        SubscriptionStatus from = subscription.getStatus();
        subscription.moveTo(target, actor.name(), reason);
        subscriptions.saveAndFlush(subscription);
        audit.record(actor, "subscription." + target.name().toLowerCase(), "subscription", subscription.getId(),
                from + " -> " + target + (reason == null ? "" : ": " + reason));
        gatewayConfig.changed();
        publish(from == SubscriptionStatus.SUSPENDED && target == SubscriptionStatus.APPROVED ? "subscription.resumed"
                : "subscription." + target.name().toLowerCase(), subscription);
        return subscription;
    }

    /** Queues the webhook event for this change, in its transaction: ids and names only, the reason cut at 2,000. */
    private void publish(String eventType, Subscription subscription) {
        Application application = subscription.getApplication();
        Plan plan = subscription.getPlan();
        String reason = subscription.getDecisionReason();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", subscription.getId());
        state.put("status", subscription.getStatus().name());
        state.put("reason", reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000));
        webhooks.publish(eventType, application.getConsumer().getId(), plan.getApi().getId(), Map.of(
                "subscription", state,
                "application", Map.of("id", application.getId(), "name", application.getName()),
                "api", Map.of("id", plan.getApi().getId(), "name", plan.getApi().getName()),
                "plan", Map.of("id", plan.getId(), "name", plan.getName())));
    }
}
