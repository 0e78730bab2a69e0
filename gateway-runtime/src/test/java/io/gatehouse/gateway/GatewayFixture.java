package io.gatehouse.gateway;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import io.gatehouse.core.apikey.ApiKeyFormat;
import io.gatehouse.core.apikey.ApiKeyHasher;
import io.gatehouse.core.catalog.MockResponse;

/**
 * Writes configuration rows the way the admin side would, with plain SQL: the gateway has no JPA, and its tests
 * prove it reads what the schema holds.
 */
final class GatewayFixture {

    static final String PEPPER = "gateway-test-pepper-0123456789-abcdef";

    private final JdbcTemplate jdbc;
    private final ApiKeyHasher hasher = new ApiKeyHasher(PEPPER);
    private final SecureRandom random = new SecureRandom();

    GatewayFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long consumer(String email, String status) {
        return insert("insert into consumer (email, display_name, password_hash, status, created_at)"
                + " values (?, 'Test', '{noop}x', ?, ?)", email, status, now());
    }

    long application(long consumerId, String name) {
        return insert("insert into application (consumer_id, name, created_at) values (?, ?, ?)", consumerId, name, now());
    }

    /** A mock-mode Api with one version whose operations answer with the given examples. */
    long mockApi(String contextPath, String lifecycle, String apiKeyHeader, List<Op> operations) {
        long apiId = insert("insert into api (name, context_path, lifecycle, mock_mode, api_key_header, created_at,"
                + " updated_at, row_version) values (?, ?, ?, true, ?, ?, ?, 0)", contextPath, contextPath, lifecycle,
                apiKeyHeader, now(), now());
        version(apiId, contextPath, operations);
        return apiId;
    }

    /**
     * Makes a version with these operations the Api's current one. Operations whose path starts with "/anon" have no
     * operationId; the others have method + path as theirs.
     */
    void version(long apiId, String title, List<Op> operations) {
        long versionId = insert("insert into api_version (api_id, version_label, spec_version, title, document,"
                + " document_format, imported_at, imported_by) values (?, '1.0', '3.0.3', ?, 'openapi: 3.0.3', 'YAML',"
                + " ?, 'test')", apiId, title, now());
        for (Op op : operations) {
            insert("insert into api_operation (api_version_id, method, path, operation_id, deprecated, mock_responses)"
                    + " values (?, ?, ?, ?, false, ?)", versionId, op.method(), op.path(),
                    op.path().startsWith("/anon") ? null : op.method() + op.path(),
                    MockResponse.toJson(op.responses()));
        }
        jdbc.update("update api set current_version_id = ? where id = ?", versionId, apiId);
    }

    /** A published Api served by proxying to the given upstream URLs. */
    long proxiedApi(String contextPath, List<String> upstreams) {
        long apiId = insert("insert into api (name, context_path, lifecycle, mock_mode, created_at, updated_at,"
                + " row_version) values (?, ?, 'PUBLISHED', false, ?, ?, 0)", contextPath, contextPath, now(), now());
        for (int i = 0; i < upstreams.size(); i++) {
            jdbc.update("insert into api_upstream (api_id, position, url) values (?, ?, ?)", apiId, i, upstreams.get(i));
        }
        return apiId;
    }

    long plan(long apiId) {
        return insert("insert into plan (api_id, name, approval_mode, offered, created_at) values (?, ?, 'MANUAL', true, ?)",
                apiId, "Plan " + random.nextInt(1_000_000), now());
    }

    /** A plan with a rate limit (requests per period, burst) and/or a quota; nulls leave that axis unlimited. */
    long limitedPlan(long apiId, Integer requests, String ratePeriod, Integer burst, Long quota, String quotaPeriod) {
        return insert("insert into plan (api_id, name, rate_limit_requests, rate_limit_period, rate_limit_burst,"
                + " quota_limit, quota_period, approval_mode, offered, created_at) values (?, ?, ?, ?, ?, ?, ?,"
                + " 'AUTOMATIC', true, ?)", apiId, "Limited " + random.nextInt(1_000_000), requests, ratePeriod,
                burst, quota, quotaPeriod, now());
    }

    long subscription(long applicationId, long planId, long apiId, String status) {
        boolean live = status.equals("PENDING") || status.equals("APPROVED") || status.equals("SUSPENDED");
        return insert("insert into subscription (application_id, plan_id, api_id, live_api_id, status, requested_at,"
                + " row_version) values (?, ?, ?, ?, ?, ?, 0)", applicationId, planId, apiId, live ? apiId : null,
                status, now());
    }

    /** Stores a new key for the application and returns its plaintext. */
    String key(long applicationId) {
        String plaintext = ApiKeyFormat.generate(random);
        var parsed = ApiKeyFormat.parse(plaintext);
        insert("insert into api_key (application_id, key_id, secret_hash, last_four, status, created_at)"
                + " values (?, ?, ?, ?, 'ACTIVE', ?)", applicationId, parsed.keyId(), hasher.hashHex(parsed.secret()),
                parsed.lastFour(), now());
        return plaintext;
    }

    void revoke(String plaintext) {
        jdbc.update("update api_key set status = 'REVOKED', revoked_at = ? where key_id = ?", now(),
                ApiKeyFormat.parse(plaintext).keyId());
    }

    void setSubscriptionStatus(long subscriptionId, String status) {
        jdbc.update("update subscription set status = ? where id = ?", status, subscriptionId);
    }

    void deprecate(long apiId, Instant deprecatedAt, Instant sunsetAt) {
        jdbc.update("update api set lifecycle = 'DEPRECATED', deprecated_at = ?, sunset_at = ? where id = ?",
                Timestamp.from(deprecatedAt), Timestamp.from(sunsetAt), apiId);
    }

    /** What every admin-side change does last: tell the gateways. */
    void publishChanges() {
        jdbc.update("update config_revision set revision = revision + 1, changed_at = ? where id = 1", now());
    }

    private long insert(String sql, Object... args) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, keys);
        return keys.getKeyAs(Number.class) == null ? 0 : keys.getKeyAs(Number.class).longValue();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    record Op(String method, String path, List<MockResponse> responses) {
    }
}
