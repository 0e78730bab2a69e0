package io.gatehouse.core.consumer;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A portal account: the API consumer who owns applications. */
@Entity
public class Consumer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String email;
    private String displayName;
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    private ConsumerStatus status;
    private Instant createdAt;

    protected Consumer() {
    }

    public Consumer(String email, String displayName, String passwordHash) {
        this.email = normalizeEmail(email);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.status = ConsumerStatus.ACTIVE;
        this.createdAt = Instant.now();
    }

    /** Suspending stops the consumer's logins and every one of their keys at the gateway; resuming undoes it. */
    public void changeStatus(ConsumerStatus target) {
        if (status == ConsumerStatus.DELETED) {
            throw new IllegalStateException("A deleted account cannot change.");
        }
        this.status = target;
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    /** Emails are compared case-insensitively: stored trimmed and in lower case. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public ConsumerStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isActive() {
        return status == ConsumerStatus.ACTIVE;
    }
}
