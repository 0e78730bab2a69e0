package io.gatehouse.core.subscription;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import io.gatehouse.core.application.Application;
import io.gatehouse.core.plan.Plan;

/** An application's subscription to one plan of an Api; its status decides whether the gateway lets its keys through. */
@Entity
public class Subscription {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id")
    private Application application;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    private Plan plan;
    private Long apiId;
    private Long liveApiId;
    @Enumerated(EnumType.STRING)
    private SubscriptionStatus status;
    private String justification;
    private String decisionReason;
    private String decidedBy;
    private Instant requestedAt;
    private Instant decidedAt;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Subscription() {
    }

    Subscription(Application application, Plan plan, String justification) {
        this.application = application;
        this.plan = plan;
        this.apiId = plan.getApi().getId();
        this.liveApiId = apiId;
        this.status = SubscriptionStatus.PENDING;
        this.justification = justification;
        this.requestedAt = Instant.now();
    }

    void moveTo(SubscriptionStatus target, String decidedBy, String reason) {
        if (!status.canMoveTo(target)) {
            throw new IllegalStateException("A subscription that is " + status + " cannot become " + target + ".");
        }
        this.status = target;
        this.liveApiId = target.isLive() ? apiId : null;
        this.decidedBy = decidedBy;
        this.decisionReason = reason;
        this.decidedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Application getApplication() {
        return application;
    }

    public Plan getPlan() {
        return plan;
    }

    public Long getApiId() {
        return apiId;
    }

    public SubscriptionStatus getStatus() {
        return status;
    }

    public String getJustification() {
        return justification;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
