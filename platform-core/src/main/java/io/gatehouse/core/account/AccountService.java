package io.gatehouse.core.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.audit.AuditLog;
import io.gatehouse.core.consumer.Consumer;
import io.gatehouse.core.consumer.ConsumerRepository;
import io.gatehouse.core.consumer.ConsumerStatus;
import io.gatehouse.core.gatewayconfig.GatewayConfigChanges;

/** Creates consumer and admin accounts under the one password policy, with hashed passwords only. */
@Service
public class AccountService {

    private final ConsumerRepository consumers;
    private final AdminUserRepository adminUsers;
    private final Passwords passwords;
    private final AuditLog audit;
    private final GatewayConfigChanges gatewayConfig;

    AccountService(ConsumerRepository consumers, AdminUserRepository adminUsers, Passwords passwords, AuditLog audit,
            GatewayConfigChanges gatewayConfig) {
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
