package io.gatehouse.admin.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.gatehouse.core.analytics.Resolution;

/**
 * The dashboard's filters: a range (1h, 24h, 7d, 30d, or custom days in UTC, both ends included) and optional API,
 * plan and application. 7d and 30d are whole UTC days, today's so far included, so that their totals are read from
 * day rollups. Unknown ranges read as the last 24 hours.
 */
record DashboardForm(String range, LocalDate from, LocalDate to, Long apiId, Long planId, Long applicationId) {

    static final String DEFAULT_RANGE = "24h";

    String rangeOrDefault() {
        return switch (range == null ? "" : range) {
            case "1h", "24h", "7d", "30d" -> range;
            case "custom" -> from != null && to != null && !to.isBefore(from) ? "custom" : DEFAULT_RANGE;
            default -> DEFAULT_RANGE;
        };
    }

    Instant start(Instant now) {
        return switch (rangeOrDefault()) {
            case "1h" -> now.minus(Duration.ofHours(1));
            case "7d" -> Resolution.DAY.bucketOf(now).minus(Duration.ofDays(6));
            case "30d" -> Resolution.DAY.bucketOf(now).minus(Duration.ofDays(29));
            case "custom" -> from.atStartOfDay().toInstant(ZoneOffset.UTC);
            default -> now.minus(Duration.ofHours(24));
        };
    }

    Instant end(Instant now) {
        return "custom".equals(rangeOrDefault()) ? to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC) : now;
    }
}
