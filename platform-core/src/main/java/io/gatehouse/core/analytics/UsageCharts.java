package io.gatehouse.core.analytics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The two charts both UIs draw from a series of points, as the JSON their {@code data-chart} attribute carries
 * (read by gatehouse-web/js/charts.js): calls stacked by status class, and latency percentiles in milliseconds.
 */
public final class UsageCharts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private UsageCharts() {
    }

    public record Dataset(String label, String color, List<? extends Number> data) {
    }

    public record Chart(String type, boolean stacked, String unit, List<String> labels, List<Dataset> datasets) {

        public String json() {
            try {
                return JSON.writeValueAsString(this);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What a bucket is called on the time axis: its minute, hour or day (UTC). */
    public static String label(Instant bucket, Resolution resolution) {
        String pattern = switch (resolution) {
            case MINUTE -> "HH:mm";
            case HOUR -> "MM-dd HH:00";
            case DAY, WEEK -> "yyyy-MM-dd";
        };
        return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(bucket);
    }

    public static Chart traffic(List<AnalyticsQueries.Point> points, Resolution resolution) {
        return new Chart("bar", true, "Calls", labels(points, resolution), List.of(
                dataset("2xx", "#2e7d32", points, AnalyticsQueries.Point::success),
                dataset("3xx", "#1565c0", points, AnalyticsQueries.Point::redirect),
                dataset("4xx", "#ef6c00", points, AnalyticsQueries.Point::clientError),
                dataset("5xx", "#c62828", points, AnalyticsQueries.Point::serverError)));
    }

    public static Chart latency(List<AnalyticsQueries.Point> points, Resolution resolution) {
        return new Chart("line", false, "Latency (ms)", labels(points, resolution), List.of(
                dataset("p50", "#2e7d32", points, p -> millis(p.p50())),
                dataset("p95", "#ef6c00", points, p -> millis(p.p95())),
                dataset("p99", "#c62828", points, p -> millis(p.p99()))));
    }

    /** Microseconds as milliseconds with up to three decimals; null stays null. */
    public static Double millis(Long micros) {
        return micros == null ? null : micros / 1000.0;
    }

    private static List<String> labels(List<AnalyticsQueries.Point> points, Resolution resolution) {
        return points.stream().map(p -> label(p.bucket(), resolution)).toList();
    }

    private static Dataset dataset(String label, String color, List<AnalyticsQueries.Point> points,
            Function<AnalyticsQueries.Point, ? extends Number> value) {
        return new Dataset(label, color, points.stream().map(p -> (Number) value.apply(p)).toList());
    }
}
