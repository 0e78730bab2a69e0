package io.gatehouse.admin.background;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.gatehouse.core.analytics.AnalyticsProperties;
import io.gatehouse.core.analytics.AnalyticsRollups;

/**
 * Keeps the analytics rollups a few seconds behind the gateways' events ({@code gatehouse.analytics.rollup-interval})
 * and deletes what is past its retention once an hour. Any number of admin UI nodes may run it.
 */
@Component
class AnalyticsRollupScheduler {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsRollupScheduler.class);
    private static final int EVENTS_PER_RUN = 50_000;

    private final AnalyticsRollups rollups;
    private final AnalyticsProperties properties;

    AnalyticsRollupScheduler(AnalyticsRollups rollups, AnalyticsProperties properties) {
        this.rollups = rollups;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${gatehouse.analytics.rollup-interval:2s}",
            initialDelayString = "${gatehouse.analytics.rollup-interval:2s}")
    void rollUp() {
        try {
            // Catch up within one run when the gateways were busy, a bounded chunk at a time.
            for (int run = 0; run < 20 && rollups.rollUp(EVENTS_PER_RUN) == EVENTS_PER_RUN; run++) {
                log.debug("Rollups are catching up");
            }
        } catch (RuntimeException e) {
            log.warn("Could not update the analytics rollups: {}", e.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forget() {
        try {
            int deleted = rollups.forget(Instant.now(), properties);
            if (deleted > 0) {
                log.info("Deleted {} analytics rows past their retention", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("Could not delete old analytics rows: {}", e.getMessage());
        }
    }
}
