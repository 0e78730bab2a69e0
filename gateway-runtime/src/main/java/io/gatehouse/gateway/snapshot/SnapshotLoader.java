package io.gatehouse.gateway.snapshot;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.gatehouse.core.apikey.ApiKeyHasher;
import io.gatehouse.core.catalog.ApiLifecycle;
import io.gatehouse.core.catalog.MockResponse;
import io.gatehouse.core.catalog.OperationLabel;
import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.plan.RateLimit;
import io.gatehouse.core.routing.PathTemplate;
import io.gatehouse.core.subscription.SubscriptionStatus;
import io.gatehouse.gateway.mock.MockOperation;

/**
 * Reads the gateway's view of the configuration with plain JDBC: a handful of set queries, no ORM, on a connection
 * of its own ({@link PollerDataSource}).
 */
@Component
public class SnapshotLoader implements DisposableBean {

    private final PollerDataSource connection;
    private final JdbcTemplate jdbc;

    SnapshotLoader(DataSourceProperties database) {
        this.connection = new PollerDataSource(database.determineUrl(), database.determineUsername(),
                database.determinePassword());
        // Registers the driver with DriverManager from this class loader (inside an executable jar too).
        connection.setDriverClassName(database.determineDriverClassName());
        this.jdbc = new JdbcTemplate(connection);
    }

    /** After a failed read: the next one opens a new connection. */
    public void reconnect() {
        connection.resetConnection();
    }

    @Override
    public void destroy() {
        connection.destroy();
    }

    /** The cheap change marker: a primary-key read. */
    public long revision() {
        Long revision = jdbc.queryForObject("select revision from config_revision where id = 1", Long.class);
        return revision == null ? 0 : revision;
    }

    public ConfigSnapshot load(long revision) {
        return new ConfigSnapshot(revision, Instant.now(), routes(), keys(grants()), limits());
    }

    private Map<String, Route> routes() {
        Map<Long, List<String>> upstreams = new HashMap<>();
        jdbc.query("select api_id, url from api_upstream order by api_id, position",
                rs -> {
                    upstreams.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<Long, List<MockOperation>> operations = new HashMap<>();
        jdbc.query("select a.id, o.method, o.path, o.operation_id, o.mock_responses from api_operation o"
                + " join api a on a.current_version_id = o.api_version_id where a.lifecycle <> 'DRAFT'",
                rs -> {
                    operations.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new MockOperation(
                            rs.getString(2), PathTemplate.of(rs.getString(3)),
                            OperationLabel.of(rs.getString(2), rs.getString(3), rs.getString(4)),
                            MockResponse.fromJson(rs.getString(5))));
                });
        Comparator<MockOperation> mostSpecificFirst = Comparator
                .comparingInt((MockOperation op) -> op.path().specificity()).reversed();
        Map<String, Route> routes = new HashMap<>();
        jdbc.query("select id, context_path, lifecycle, mock_mode, api_key_header, deprecated_at, sunset_at,"
                + " upstream_connect_timeout_ms, upstream_response_timeout_ms from api where lifecycle <> 'DRAFT'",
                rs -> {
                    long apiId = rs.getLong(1);
                    List<MockOperation> ops = new ArrayList<>(operations.getOrDefault(apiId, List.of()));
                    ops.sort(mostSpecificFirst);
                    ApiLifecycle lifecycle = ApiLifecycle.valueOf(rs.getString(3));
                    Timestamp deprecatedAt = rs.getTimestamp(6);
                    Timestamp sunsetAt = rs.getTimestamp(7);
                    boolean deprecated = lifecycle == ApiLifecycle.DEPRECATED;
                    routes.put(rs.getString(2), new Route(apiId, rs.getString(2), lifecycle, rs.getBoolean(4),
                            rs.getString(5), upstreams.getOrDefault(apiId, List.of()), ops,
                            deprecated ? "@" + (deprecatedAt == null ? 0 : deprecatedAt.getTime() / 1000) : null,
                            deprecated && sunsetAt != null ? DateTimeFormatter.RFC_1123_DATE_TIME
                                    .format(sunsetAt.toInstant().atZone(ZoneOffset.UTC)) : null,
                            rs.getObject(8, Integer.class), rs.getObject(9, Integer.class)));
                });
        return routes;
    }

    private Map<String, KeyEntry> keys(Map<Long, Map<Long, Grant>> grantsByApplication) {
        Map<String, KeyEntry> keys = new HashMap<>();
        jdbc.query("select k.key_id, k.secret_hash, k.status, k.expires_at, k.application_id, c.id, c.status"
                + " from api_key k join application a on a.id = k.application_id"
                + " join consumer c on c.id = a.consumer_id where k.status <> 'REVOKED'",
                rs -> {
                    Timestamp expires = rs.getTimestamp(4);
                    boolean expiring = "EXPIRING".equals(rs.getString(3));
                    keys.put(rs.getString(1), new KeyEntry(rs.getString(1), ApiKeyHasher.fromHex(rs.getString(2)),
                            expiring && expires != null ? expires.toInstant() : null, rs.getLong(5), rs.getLong(6),
                            "ACTIVE".equals(rs.getString(7)),
                            grantsByApplication.getOrDefault(rs.getLong(5), Map.of())));
                });
        return keys;
    }

    private Map<Long, PlanLimits> limits() {
        Map<Long, PlanLimits> limits = new HashMap<>();
        jdbc.query("select id, rate_limit_requests, rate_limit_period, rate_limit_burst, quota_limit, quota_period"
                + " from plan", rs -> {
                    int requests = rs.getInt(2);
                    RateLimit rate = rs.wasNull() ? null : new RateLimit(requests,
                            RateLimit.Period.valueOf(rs.getString(3)), rs.getInt(4));
                    long quotaLimit = rs.getLong(5);
                    Quota quota = rs.wasNull() ? null : new Quota(quotaLimit, Quota.Period.valueOf(rs.getString(6)));
                    limits.put(rs.getLong(1), new PlanLimits(rate, quota));
                });
        return limits;
    }

    private Map<Long, Map<Long, Grant>> grants() {
        Map<Long, Map<Long, Grant>> grants = new HashMap<>();
        // Live subscriptions decide; a rejected one is kept only to tell the client why it is refused.
        jdbc.query("select id, application_id, api_id, plan_id, status from subscription"
                + " where live_api_id is not null or status = 'REJECTED' order by requested_at",
                rs -> {
                    Grant grant = new Grant(rs.getLong(1), rs.getLong(4), SubscriptionStatus.valueOf(rs.getString(5)));
                    Map<Long, Grant> byApi = grants.computeIfAbsent(rs.getLong(2), id -> new HashMap<>());
                    Grant previous = byApi.get(rs.getLong(3));
                    if (previous == null || grant.status().isLive() || !previous.status().isLive()) {
                        byApi.put(rs.getLong(3), grant);
                    }
                });
        grants.replaceAll((applicationId, byApi) -> Map.copyOf(byApi));
        return grants;
    }
}
