package io.gatehouse.core.apikey;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gatehouse.core.application.Application;
import io.gatehouse.core.application.ApplicationRepository;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.audit.AuditLog;
import io.gatehouse.core.gatewayconfig.GatewayConfigChanges;
import io.gatehouse.core.subscription.SubscriptionRepository;
import io.gatehouse.core.subscription.SubscriptionStatus;

/** Issues, rotates and revokes keys. The plaintext leaves this class only inside an {@link IssuedApiKey}. */
@Service
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final ApplicationRepository applications;
    private final ApiKeyHasher hasher;
    private final AuditLog audit;
    private final GatewayConfigChanges gatewayConfig;
    private final SecureRandom random = new SecureRandom();
    private final SubscriptionRepository subscriptions;
    private final KeyEvents events;

    ApiKeyService(ApiKeyRepository keys, ApplicationRepository applications, ApiKeyHasher hasher, AuditLog audit,
            GatewayConfigChanges gatewayConfig, SubscriptionRepository subscriptions,
            KeyEvents events) {
        this.events = events;
        this.keys = keys;
        this.subscriptions = subscriptions;
        this.applications = applications;
        this.hasher = hasher;
        this.audit = audit;
        this.gatewayConfig = gatewayConfig;
    }

    @Transactional(readOnly = true)
    public boolean hasUsableKey(long applicationId) {
        Instant now = Instant.now();
        return keys.findByApplicationIdOrderByCreatedAtDesc(applicationId).stream().anyMatch(k -> k.isUsableAt(now));
    }

    /**
     * The key an application gets with its first approved subscription, issued when its consumer first looks at
     * it (so that the one display happens in their browser). Empty when the application already has a usable key
     * or nothing approved. The application row is locked, so two tabs cannot both get a first key.
     */
    @Transactional
    public Optional<IssuedApiKey> issueFirstKey(long applicationId, long consumerId, Actor actor) {
        Application application = applications.findLockedByIdAndConsumerId(applicationId, consumerId)
                .orElseThrow(() -> new IllegalArgumentException("No application " + applicationId + "."));
        if (hasUsableKey(applicationId)
                || !subscriptions.existsByApplicationIdAndStatus(applicationId, SubscriptionStatus.APPROVED)) {
            return Optional.empty();
        }
        return Optional.of(store(application, ApiKeyFormat.generate(random), actor, "apikey.issued"));
    }

    @Transactional
    public IssuedApiKey issue(Application application, Actor actor) {
        return store(application, ApiKeyFormat.generate(random), actor, "apikey.issued");
    }

    /**
     * Takes over a key that exists outside Gatehouse (migrating from another gateway, or the demo key): it must be
     * well formed, and only its hash is stored.
     */
    @Transactional
    public IssuedApiKey register(Application application, String plaintext, Actor actor) {
        return store(application, plaintext, actor, "apikey.registered");
    }

    /** A new key; the application's other active keys keep working for {@code overlap}, then stop. */
    @Transactional
    public IssuedApiKey rotate(long applicationId, Duration overlap, Actor actor) {
        Application application = applications.findById(applicationId)
                .orElseThrow(() -> new IllegalArgumentException("No application " + applicationId + "."));
        Instant until = Instant.now().plus(overlap);
        keys.findByApplicationIdOrderByCreatedAtDesc(applicationId).forEach(k -> k.expireAt(until));
        return store(application, ApiKeyFormat.generate(random), actor, "apikey.rotated");
    }

    /** {@link #rotate(long, Duration, Actor)} for the application's own consumer: another consumer's id finds nothing. */
    @Transactional
    public IssuedApiKey rotate(long applicationId, long consumerId, Duration overlap, Actor actor) {
        applications.findLockedByIdAndConsumerId(applicationId, consumerId)
                .orElseThrow(() -> new IllegalArgumentException("No application " + applicationId + "."));
        return rotate(applicationId, overlap, actor);
    }

    /** Revokes one key of the consumer's application; false when no such key belongs to it. */
    @Transactional
    public boolean revoke(long apiKeyId, long applicationId, long consumerId, Actor actor) {
        if (applications.findByIdAndConsumerId(applicationId, consumerId).isEmpty()) {
            return false;
        }
        Optional<ApiKey> key = keys.findById(apiKeyId).filter(k -> k.getApplication().getId() == applicationId);
        key.ifPresent(k -> revoke(k.getId(), actor));
        return key.isPresent();
    }

    /** Revokes every key of an application that is not revoked already. */
    @Transactional
    public void revokeAll(long applicationId, Actor actor) {
        keys.findByApplicationIdOrderByCreatedAtDesc(applicationId).stream()
                .filter(k -> k.getStatus() != ApiKeyStatus.REVOKED)
                .forEach(k -> revoke(k.getId(), actor));
    }

    @Transactional
    public void revoke(long apiKeyId, Actor actor) {
        ApiKey key = keys.findById(apiKeyId).orElseThrow(() -> new IllegalArgumentException("No key " + apiKeyId + "."));
        key.revoke();
        audit.record(actor, "apikey.revoked", "apikey", key.getKeyId(), key.masked());
        gatewayConfig.changed();
        events.publish("key.revoked", key);
    }

    /** Revokes by the public key id, as the admin REST API names keys. */
    @Transactional
    public void revokeByKeyId(String keyId, Actor actor) {
        ApiKey key = keys.findByKeyId(keyId).orElseThrow(() -> new IllegalArgumentException("No key " + keyId + "."));
        revoke(key.getId(), actor);
    }

    private IssuedApiKey store(Application application, String plaintext, Actor actor, String action) {
        ParsedApiKey parsed = ApiKeyFormat.parse(plaintext);
        if (parsed == null) {
            throw new IllegalArgumentException("That is not a well-formed Gatehouse key.");
        }
        ApiKey key = keys.save(new ApiKey(application, parsed, hasher.hashHex(parsed.secret())));
        audit.record(actor, action, "apikey", key.getKeyId(), key.masked() + " for application " + application.getId());
        gatewayConfig.changed();
        events.publish(action.equals("apikey.rotated") ? "key.rotated" : "key.issued", key);
        return new IssuedApiKey(plaintext, key);
    }

    @Configuration(proxyBeanMethods = false)
    static class HasherConfiguration {

        @Bean
        ApiKeyHasher apiKeyHasher(ApiKeyProperties properties) {
            return new ApiKeyHasher(properties.pepper());
        }
    }
}
