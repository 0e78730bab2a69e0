package io.gatehouse.admin.analytics;

import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

import org.springframework.web.util.UriComponentsBuilder;

import io.gatehouse.core.analytics.AnalyticsQueries;
import io.gatehouse.core.analytics.Resolution;
import io.gatehouse.core.analytics.UsageCharts;

/**
 * The dashboard's panels as CSV, the same figures the page shows (latencies in milliseconds, times in UTC). A cell
 * that a spreadsheet would read as a formula (starting with =, +, - or @) is prefixed with an apostrophe.
 */
final class DashboardCsv {

    private DashboardCsv() {
    }

    /** The filters as a query string, for the export links and the page's own refresh. */
    static String query(DashboardForm form) {
        return UriComponentsBuilder.newInstance()
                .queryParam("range", form.rangeOrDefault())
                .queryParamIfPresent("from", Optional.ofNullable(form.from()))
                .queryParamIfPresent("to", Optional.ofNullable(form.to()))
                .queryParamIfPresent("apiId", Optional.ofNullable(form.apiId()))
                .queryParamIfPresent("planId", Optional.ofNullable(form.planId()))
                .queryParamIfPresent("applicationId", Optional.ofNullable(form.applicationId()))
                .build().encode().getQuery();
    }

    static String traffic(List<AnalyticsQueries.Point> points, Resolution resolution) {
        StringBuilder csv = row(new StringBuilder(), "bucket_start_utc", "label", "calls", "2xx", "3xx", "4xx", "5xx",
                "p50_ms", "p95_ms", "p99_ms");
        for (AnalyticsQueries.Point p : points) {
            row(csv, p.bucket(), UsageCharts.label(p.bucket(), resolution), p.total(), p.success(), p.redirect(),
                    p.clientError(), p.serverError(), UsageCharts.millis(p.p50()), UsageCharts.millis(p.p95()),
                    UsageCharts.millis(p.p99()));
        }
        return csv.toString();
    }

    static String applications(List<AnalyticsQueries.ApplicationUsage> rows) {
        StringBuilder csv = row(new StringBuilder(), "application_id", "application", "consumer", "calls", "errors");
        rows.forEach(r -> row(csv, r.applicationId(), r.applicationName(), r.consumerEmail(), r.requests(),
                r.errors()));
        return csv.toString();
    }

    static String operations(List<AnalyticsQueries.OperationUsage> rows) {
        StringBuilder csv = row(new StringBuilder(), "api", "operation", "calls", "errors", "p95_ms");
        rows.forEach(r -> row(csv, r.apiName(), r.operation(), r.requests(), r.errors(), UsageCharts.millis(r.p95())));
        return csv.toString();
    }

    static String failures(List<AnalyticsQueries.Failures> rows) {
        StringBuilder csv = row(new StringBuilder(), "cause", "reason", "status_class", "calls");
        rows.forEach(r -> row(csv, r.upstream() ? "upstream" : "gateway", r.reason(), r.statusClass() + "xx",
                r.requests()));
        return csv.toString();
    }

    static String quota(List<AnalyticsQueries.QuotaUse> rows) {
        StringBuilder csv = row(new StringBuilder(), "subscription_id", "api", "plan", "application", "consumer",
                "used", "limit", "percent", "resets_at_utc");
        rows.forEach(r -> row(csv, r.subscriptionId(), r.apiName(), r.planName(), r.applicationName(),
                r.consumerEmail(), r.used(), r.limit(), r.percent(), r.resetsAt()));
        return csv.toString();
    }

    private static StringBuilder row(StringBuilder csv, Object... cells) {
        StringJoiner line = new StringJoiner(",");
        for (Object cell : cells) {
            line.add(cell(cell));
        }
        return csv.append(line).append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                || text.startsWith("'")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
