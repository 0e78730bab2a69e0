package io.gatehouse.core.account;

import java.util.Collection;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gatehouse.core.apikey.ApiKeyService;
import io.gatehouse.core.application.Application;
import io.gatehouse.core.application.ApplicationRepository;
import io.gatehouse.core.application.ApplicationService;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.audit.AuditLog;
import io.gatehouse.core.consumer.Consumer;
import io.gatehouse.core.consumer.ConsumerRepository;
import io.gatehouse.core.consumer.ConsumerStatus;
import io.gatehouse.core.gatewayconfig.GatewayConfigChanges;
import io.gatehouse.core.subscription.SubscriptionService;

/** Creates consumer and admin accounts under the one password policy, with hashed passwords only. */
@Service
public class AccountService {

    private final ConsumerRepository consumers;
    private final AdminUserRepository adminUsers;
    private final Passwords passwords;
    private final AuditLog audit;
    private final GatewayConfigChanges gatewayConfig;

    private final ApplicationRepository applications;
    private final ApplicationService applicationService;
    private final ApiKeyService keys;
    private final SubscriptionService subscriptions;

    AccountService(ConsumerRepository consumers, AdminUserRepository adminUsers, Passwords passwords, AuditLog audit,
            GatewayConfigChanges gatewayConfig, ApplicationRepository applications,
            ApplicationService applicationService, ApiKeyService keys, SubscriptionService subscriptions) {
        this.applications = applications;
        this.applicationService = applicationService;
        this.keys = keys;
        this.subscriptions = subscriptions;
        this.consumers = consumers;
        this.adminUsers = adminUsers;
        this.passwords = passwords;
        this.audit = audit;
        this.gatewayConfig = gatewayConfig;
    }

    @Transactional
    public Consumer registerConsumer(String email, String displayName, String password, Actor actor) {
        if (email == null || !email.contains("@") || email.length() > 320) {
            throw new IllegalArgumentException("Enter a valid email address.");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new IllegalArgumentException("Enter a display name of at most 200 characters.");
        }
        PasswordPolicy.problem(password, email).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (consumers.findByEmailIgnoringCase(email).isPresent()) {
            throw new IllegalArgumentException("An account with this email address already exists.");
        }
        Consumer consumer = consumers.save(new Consumer(email, displayName.trim(), passwords.hash(password)));
        audit.record(actor, "consumer.registered", "consumer", consumer.getId(), consumer.getEmail());
        return consumer;
    }

    /** The consumer changes their password: the current one is required, the new one follows the policy. */
    @Transactional
    public void changePassword(long consumerId, String currentPassword, String newPassword, Actor actor) {
        Consumer consumer = activeConsumer(consumerId);
        if (!passwords.matches(currentPassword, consumer.getPasswordHash())) {
            throw new IllegalArgumentException("The current password is not correct.");
        }
        PasswordPolicy.problem(newPassword, consumer.getEmail()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        consumer.changePasswordHash(passwords.hash(newPassword));
        audit.record(actor, "consumer.password-changed", "consumer", consumerId, null);
    }

    /** The consumer chooses at which shares of a quota (80, 90, 100 percent) they want to be told; none: never. */
    @Transactional
    public void chooseQuotaAlerts(long consumerId, Collection<Integer> thresholds, Actor actor) {
        Consumer consumer = activeConsumer(consumerId);
        consumer.chooseQuotaAlerts(thresholds);
        audit.record(actor, "consumer.quota-alerts-chosen", "consumer", consumerId,
                consumer.getQuotaAlerts().isEmpty() ? "none" : consumer.getQuotaAlerts() + " %");
    }

    /**
     * Deletes one of the consumer's applications: its keys are revoked and its live subscriptions ended first, and
     * the row stays, marked deleted, for the audit log. False when the consumer has no such application.
     */
    @Transactional
    public boolean deleteApplication(long applicationId, long consumerId, Actor actor) {
        Optional<Application> application = applications.findLockedByIdAndConsumerId(applicationId, consumerId);
        application.ifPresent(app -> close(app, "The application was deleted by its owner.", actor));
        return application.isPresent();
    }

    /**
     * The consumer deletes their account, confirmed with their password: every key revoked, every live subscription
     * ended, every application marked deleted and the account DELETED; the rows stay for the audit log.
     */
    @Transactional
    public void deleteConsumer(long consumerId, String password, Actor actor) {
        Consumer consumer = activeConsumer(consumerId);
        if (!passwords.matches(password, consumer.getPasswordHash())) {
            throw new IllegalArgumentException("The password is not correct.");
        }
        for (Application application : applications.findByConsumerIdOrderByNameAsc(consumerId)) {
            close(application, "The consumer deleted their account.", actor);
        }
        consumer.changeStatus(ConsumerStatus.DELETED);
        audit.record(actor, "consumer.deleted", "consumer", consumerId, consumer.getEmail());
        gatewayConfig.changed();
    }

    private void close(Application application, String reason, Actor actor) {
        keys.revokeAll(application.getId(), actor);
        subscriptions.endLive(application.getId(), reason, actor);
        applicationService.markDeleted(application, actor);
    }

    private Consumer activeConsumer(long consumerId) {
        return consumers.findById(consumerId).filter(Consumer::isActive)
                .orElseThrow(() -> new IllegalArgumentException("No consumer " + consumerId + "."));
    }

    @Transactional
    public Consumer suspendConsumer(long consumerId, Actor actor) {
        return changeStatus(consumerId, ConsumerStatus.SUSPENDED, actor);
    }

    @Transactional
    public Consumer resumeConsumer(long consumerId, Actor actor) {
        return changeStatus(consumerId, ConsumerStatus.ACTIVE, actor);
    }

    private Consumer changeStatus(long consumerId, ConsumerStatus target, Actor actor) {
        Consumer consumer = consumers.findById(consumerId)
                .orElseThrow(() -> new IllegalArgumentException("No consumer " + consumerId + "."));
        ConsumerStatus from = consumer.getStatus();
        consumer.changeStatus(target);
        audit.record(actor, "consumer." + (target == ConsumerStatus.ACTIVE ? "resumed" : "suspended"), "consumer",
                consumerId, from + " -> " + target);
        gatewayConfig.changed();
        return consumer;
    }

    @Transactional
    public AdminUser createAdminUser(String username, String displayName, String password, AdminRole role,
            Actor actor) {
        PasswordPolicy.problem(password, username).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (adminUsers.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("An admin account named " + username + " already exists.");
        }
        AdminUser user = adminUsers.save(new AdminUser(username, displayName, passwords.hash(password), role));
        audit.record(actor, "adminuser.created", "admin_user", user.getId(), username + " as " + role);
        return user;
    }
}
