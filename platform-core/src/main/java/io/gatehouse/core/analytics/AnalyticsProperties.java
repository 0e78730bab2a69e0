package io.gatehouse.core.analytics;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gatehouse.analytics.*}: how often the rollups catch up with the raw events, and how long each level is
 * kept. Raw events are kept only as long as needed for the quota usage a restarted gateway recounts and for
 * looking into single calls; dashboards read the rollups.
 *
 * @param rollupInterval pause between two rollup runs
 * @param rawRetention how long raw events are kept (never deleted before they are counted)
 * @param minuteRetention how long minute rollups are kept
 * @param hourRetention how long hour rollups are kept
 * @param dayRetention how long day rollups are kept
 */
@ConfigurationProperties("gatehouse.analytics")
@Validated
public record AnalyticsProperties(
        @DefaultValue("2s") @NotNull Duration rollupInterval,
        @DefaultValue("35d") @NotNull Duration rawRetention,
        @DefaultValue("3d") @NotNull Duration minuteRetention,
        @DefaultValue("100d") @NotNull Duration hourRetention,
        @DefaultValue("800d") @NotNull Duration dayRetention) {

    /** How long rollups of this resolution are kept; weeks as long as days. */
    public Duration retention(Resolution resolution) {
        return switch (resolution) {
            case MINUTE -> minuteRetention;
            case HOUR -> hourRetention;
            case DAY, WEEK -> dayRetention;
        };
    }
}
