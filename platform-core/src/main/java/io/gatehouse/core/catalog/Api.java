package io.gatehouse.core.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import io.gatehouse.core.routing.ContextPaths;

/** A catalog entry: served by the gateway under its context path, proxied to its upstreams or mocked. */
@Entity
public class Api {

    public static final int MIN_TIMEOUT_MILLIS = 10;
    public static final int MAX_TIMEOUT_MILLIS = 600_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Column(columnDefinition = "text")
    private String description;
    private String contextPath;
    @Enumerated(EnumType.STRING)
    private ApiLifecycle lifecycle;
    private Long ownerId;
    private boolean mockMode;
    private String apiKeyHeader;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "api_upstream", joinColumns = @JoinColumn(name = "api_id"))
    @OrderColumn(name = "position")
    @Column(name = "url")
    private List<String> upstreams = new ArrayList<>();
    @OneToOne(fetch = FetchType.LAZY, cascade = CascadeType.PERSIST)
    @JoinColumn(name = "current_version_id")
    private ApiVersion currentVersion;
    private Instant deprecatedAt;
    private Instant sunsetAt;
    private Integer upstreamConnectTimeoutMs;
    private Integer upstreamResponseTimeoutMs;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Api() {
    }

    Api(String name, String description, String contextPath, Long ownerId, boolean mockMode, List<String> upstreams,
            String apiKeyHeader) {
        this.name = name;
        this.description = description;
        this.contextPath = ContextPaths.normalize(contextPath);
        this.ownerId = ownerId;
        this.mockMode = mockMode;
        this.upstreams = new ArrayList<>(upstreams);
        this.apiKeyHeader = apiKeyHeader;
        this.lifecycle = ApiLifecycle.DRAFT;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void moveTo(ApiLifecycle target) {
        if (!lifecycle.canMoveTo(target)) {
            throw new IllegalStateException("An API that is " + lifecycle + " cannot become " + target + ".");
        }
        lifecycle = target;
        updatedAt = Instant.now();
    }

    void deprecate(Instant sunset) {
        moveTo(ApiLifecycle.DEPRECATED);
        this.deprecatedAt = Instant.now();
        this.sunsetAt = sunset;
    }

    /** The gateway's timeouts for this Api's upstreams in milliseconds; null keeps the gateway's default. */
    void useUpstreamTimeouts(Integer connectMillis, Integer responseMillis) {
        for (Integer millis : new Integer[] {connectMillis, responseMillis}) {
            if (millis != null && (millis < MIN_TIMEOUT_MILLIS || millis > MAX_TIMEOUT_MILLIS)) {
                throw new IllegalArgumentException("An upstream timeout is between " + MIN_TIMEOUT_MILLIS + " and "
                        + MAX_TIMEOUT_MILLIS + " milliseconds, or empty for the gateway's default.");
            }
        }
        this.upstreamConnectTimeoutMs = connectMillis;
        this.upstreamResponseTimeoutMs = responseMillis;
        this.updatedAt = Instant.now();
    }

    void useVersion(ApiVersion version) {
        this.currentVersion = version;
        this.updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getContextPath() {
        return contextPath;
    }

    public ApiLifecycle getLifecycle() {
        return lifecycle;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public boolean isMockMode() {
        return mockMode;
    }

    public String getApiKeyHeader() {
        return apiKeyHeader;
    }

    public List<String> getUpstreams() {
        return List.copyOf(upstreams);
    }

    public ApiVersion getCurrentVersion() {
        return currentVersion;
    }

    public Instant getDeprecatedAt() {
        return deprecatedAt;
    }

    /** When a deprecated Api is planned to go away, or null. */
    public Instant getSunsetAt() {
        return sunsetAt;
    }

    /** Milliseconds the gateway waits for a connection to an upstream, or null for the gateway's default. */
    public Integer getUpstreamConnectTimeoutMs() {
        return upstreamConnectTimeoutMs;
    }

    /** Milliseconds the gateway waits for an upstream's whole answer, or null for the gateway's default. */
    public Integer getUpstreamResponseTimeoutMs() {
        return upstreamResponseTimeoutMs;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
