package io.gatehouse.core.plan;

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

import io.gatehouse.core.catalog.Api;

/** What a subscription to an Api gets: a rate limit, a quota and how requests are approved. */
@Entity
public class Plan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "api_id")
    private Api api;
    private String name;
    private String description;
    private Integer rateLimitRequests;
    @Enumerated(EnumType.STRING)
    private RateLimit.Period rateLimitPeriod;
    private Integer rateLimitBurst;
    private Long quotaLimit;
    @Enumerated(EnumType.STRING)
    private Quota.Period quotaPeriod;
    @Enumerated(EnumType.STRING)
    private ApprovalMode approvalMode;
    private boolean offered;
    private Instant createdAt;

    protected Plan() {
    }

    public Plan(Api api, PlanTerms terms) {
        this.api = api;
        this.createdAt = Instant.now();
        apply(terms);
    }

    public void apply(PlanTerms terms) {
        terms.requireValid();
        this.name = terms.name().trim();
        this.description = terms.description();
        RateLimit rate = terms.rateLimit();
        this.rateLimitRequests = rate == null ? null : rate.requests();
        this.rateLimitPeriod = rate == null ? null : rate.period();
        this.rateLimitBurst = rate == null ? null : rate.burst();
        Quota q = terms.quota();
        this.quotaLimit = q == null ? null : q.limit();
        this.quotaPeriod = q == null ? null : q.period();
        this.approvalMode = terms.approvalMode();
        this.offered = terms.offered();
    }

    public PlanTerms terms() {
        RateLimit rate = rateLimitRequests == null ? null
                : new RateLimit(rateLimitRequests, rateLimitPeriod, rateLimitBurst);
        Quota q = quotaLimit == null ? null : new Quota(quotaLimit, quotaPeriod);
        return new PlanTerms(name, description, rate, q, approvalMode, offered);
    }

    public Long getId() {
        return id;
    }

    public Api getApi() {
        return api;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public ApprovalMode getApprovalMode() {
        return approvalMode;
    }

    public boolean isOffered() {
        return offered;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
