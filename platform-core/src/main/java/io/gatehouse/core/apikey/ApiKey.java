package io.gatehouse.core.apikey;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import io.gatehouse.core.application.Application;

/** An application's credential. Only its key id, the keyed hash of its secret and its last four characters are stored. */
@Entity
public class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id")
    private Application application;
    private String keyId;
    private String secretHash;
    private String lastFour;
    @Enumerated(EnumType.STRING)
    private ApiKeyStatus status;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant revokedAt;
    private Instant lastUsedAt;
    private Instant expiryNotifiedAt;

    protected ApiKey() {
    }

    ApiKey(Application application, ParsedApiKey key, String secretHash) {
        this.application = application;
        this.keyId = key.keyId();
        this.secretHash = secretHash;
        this.lastFour = key.lastFour();
        this.status = ApiKeyStatus.ACTIVE;
        this.createdAt = Instant.now();
    }

    void expireAt(Instant when) {
        if (status == ApiKeyStatus.ACTIVE) {
            status = ApiKeyStatus.EXPIRING;
            expiresAt = when;
        }
    }

    void revoke() {
        if (status != ApiKeyStatus.REVOKED) {
            status = ApiKeyStatus.REVOKED;
            revokedAt = Instant.now();
        }
    }

    /** Whether the gateway should accept it at {@code now}. */
    public boolean isUsableAt(Instant now) {
        return status == ApiKeyStatus.ACTIVE || (status == ApiKeyStatus.EXPIRING && expiresAt.isAfter(now));
    }

    /** When the consumer was told that this key is about to stop working; null until then. */
    public Instant getExpiryNotifiedAt() {
        return expiryNotifiedAt;
    }

    public String masked() {
        return ApiKeyFormat.masked(keyId, lastFour);
    }

    public Long getId() {
        return id;
    }

    public Application getApplication() {
        return application;
    }

    public String getKeyId() {
        return keyId;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public String getLastFour() {
        return lastFour;
    }

    public ApiKeyStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
