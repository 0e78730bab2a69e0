package io.gatehouse.gateway.policy;

/**
 * Every way the gateway can refuse a request, with its status and RFC 9457 problem type
 * ({@code urn:gatehouse:problem:<id>}). Documented, with its headers, in docs/gateway-reference.md.
 */
public enum Failure {
    ROUTE_NOT_FOUND(404, "route-not-found", "No API here", "No API is published at this path."),
    OPERATION_NOT_FOUND(404, "operation-not-found", "No such operation",
            "This API has no operation for this method and path."),
    API_RETIRED(410, "api-retired", "API retired", "This API has been retired and no longer answers."),
    API_KEY_MISSING(401, "api-key-missing", "API key missing", "This API needs an API key."),
    // One body for malformed, unknown, revoked and expired keys: the client learns nothing about which.
    API_KEY_INVALID(401, "api-key-invalid", "API key invalid", "The API key is not valid."),
    CONSUMER_SUSPENDED(403, "consumer-suspended", "Account suspended",
            "The account that owns this key is suspended."),
    SUBSCRIPTION_MISSING(403, "subscription-missing", "No subscription",
            "This application has no subscription to this API."),
    SUBSCRIPTION_PENDING(403, "subscription-pending", "Subscription pending",
            "This application's subscription to this API is waiting for approval."),
    SUBSCRIPTION_REJECTED(403, "subscription-rejected", "Subscription rejected",
            "This application's subscription to this API was rejected."),
    SUBSCRIPTION_SUSPENDED(403, "subscription-suspended", "Subscription suspended",
            "This application's subscription to this API is suspended."),
    RATE_LIMITED(429, "rate-limited", "Too many requests",
            "This subscription's rate limit is used up for now; see Retry-After and RateLimit."),
    QUOTA_EXHAUSTED(429, "quota-exhausted", "Quota exhausted",
            "This subscription's quota for the current period is used up; see Retry-After and RateLimit."),
    UPSTREAM_UNAVAILABLE(502, "upstream-unavailable", "Upstream unavailable",
            "The API's upstream could not be reached."),
    UPSTREAM_TIMEOUT(504, "upstream-timeout", "Upstream timed out",
            "The API's upstream did not answer in time."),
    // 503 and not 502: the gateway chose not to call an upstream that keeps failing; Retry-After says when it will.
    CIRCUIT_OPEN(503, "circuit-open", "Upstream circuit open",
            "The API's upstream failed repeatedly; the gateway is not calling it for now. See Retry-After."),
    // Before the first snapshot, and for a key the snapshot does not know while the database cannot be asked: the
    // key may be new, so 401 would be a lie; 503 with Retry-After says "ask again".
    CONFIG_UNAVAILABLE(503, "config-unavailable", "Gateway configuration unavailable",
            "The gateway cannot reach its configuration to check this request right now; try again shortly.");

    private final int status;
    private final String id;
    private final String type;
    private final String title;
    private final String detail;

    Failure(int status, String id, String title, String detail) {
        this.status = status;
        this.id = id;
        this.type = "urn:gatehouse:problem:" + id;
        this.title = title;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    /** The short name, e.g. {@code api-key-invalid}: the metrics outcome and the analytics rejection reason. */
    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }
}
