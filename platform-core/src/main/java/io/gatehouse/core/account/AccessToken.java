package io.gatehouse.core.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A personal access token of an admin account, for the admin REST API. Only a keyed hash of its secret is kept. */
@Entity
public class AccessToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "admin_user_id")
    private AdminUser owner;
    private String name;
    private String tokenId;
    private String secretHash;
    private String lastFour;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant lastUsedAt;
    private Instant revokedAt;

    protected AccessToken() {
    }

    AccessToken(AdminUser owner, String name, String tokenId, String secretHash, String lastFour, Instant expiresAt) {
        this.owner = owner;
        this.name = name;
        this.tokenId = tokenId;
        this.secretHash = secretHash;
        this.lastFour = lastFour;
        this.createdAt = Instant.now();
        this.expiresAt = expiresAt;
    }

    boolean isUsableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now)) && owner.isEnabled();
    }

    void used(Instant when) {
        this.lastUsedAt = when;
    }

    void revoke() {
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }

    public Long getId() {
        return id;
    }

    public AdminUser getOwner() {
        return owner;
    }

    public String getName() {
        return name;
    }

    public String getTokenId() {
        return tokenId;
    }

    String getSecretHash() {
        return secretHash;
    }

    public String masked() {
        return AccessTokenService.FORMAT.masked(tokenId, lastFour);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
