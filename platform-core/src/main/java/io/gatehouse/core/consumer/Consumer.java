package io.gatehouse.core.consumer;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

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
    private String quotaAlerts = "";

    /** The shares of a quota, in percent, at which a consumer may ask to be told. */
    public static final List<Integer> QUOTA_ALERT_THRESHOLDS = List.of(80, 90, 100);

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

    /** The quota shares (percent, ascending) at which the consumer wants to be told; empty: never. */
    public List<Integer> getQuotaAlerts() {
        return quotaAlerts == null || quotaAlerts.isEmpty() ? List.of()
                : Arrays.stream(quotaAlerts.split(",")).map(Integer::valueOf).toList();
    }

    /** Chooses among {@link #QUOTA_ALERT_THRESHOLDS}; anything else is refused. */
    public void chooseQuotaAlerts(Collection<Integer> thresholds) {
        if (!QUOTA_ALERT_THRESHOLDS.containsAll(thresholds)) {
            throw new IllegalArgumentException("Quota alerts can be set at 80%, 90% and 100%.");
        }
        quotaAlerts = thresholds.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(","));
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
