package io.gatehouse.admin.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import io.gatehouse.core.analytics.AnalyticsQueries;
import io.gatehouse.core.catalog.ApiOperation;
import io.gatehouse.core.catalog.ApiVersion;
import io.gatehouse.core.catalog.OperationLabel;

/**
 * Who a new version would break: the applications that called its removed or incompatibly changed operations in
 * the last {@link #LOOKBACK}, found by the label under which the gateway recorded those calls.
 */
@Component
class BreakingChangeImpact {

    static final Duration LOOKBACK = Duration.ofDays(30);

    private final AnalyticsQueries analytics;

    BreakingChangeImpact(AnalyticsQueries analytics) {
        this.analytics = analytics;
    }

    /** One application's calls to one broken operation ({@code method} and {@code path} as the diff shows them). */
    record Affected(String method, String path, String applicationName, String consumerEmail, long calls,
            Instant lastHour) {
    }

    List<Affected> of(long apiId, ApiVersion previous, VersionDiff diff, Instant now) {
        Map<String, VersionDiff.Change> byLabel = new LinkedHashMap<>();
        Stream.concat(diff.removed().stream(), diff.changed().stream().filter(VersionDiff.Change::breaking))
                .forEach(change -> byLabel.put(label(previous, change), change));
        return analytics.callers(apiId, byLabel.keySet(), now.minus(LOOKBACK)).stream()
                .map(caller -> {
                    VersionDiff.Change change = byLabel.get(caller.operation());
                    return new Affected(change.method(), change.path(), caller.applicationName(),
                            caller.consumerEmail(), caller.calls(), caller.lastHour());
                }).toList();
    }

    /** The label of the previous version's operation at this method and path. */
    private static String label(ApiVersion previous, VersionDiff.Change change) {
        return previous.getOperations().stream()
                .filter(op -> op.getMethod().toUpperCase(Locale.ROOT).equals(change.method())
                        && op.getPath().equals(change.path()))
                .map(ApiOperation::label).findFirst()
                .orElse(OperationLabel.of(change.method(), change.path(), null));
    }
}
