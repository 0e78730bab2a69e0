package io.gatehouse.admin.background;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.gatehouse.core.alert.ErrorRateAlerts;
import io.gatehouse.core.alert.QuotaAlerts;

/**
 * Evaluates consumers' quota alerts and product owners' error-rate alerts every
 * {@code gatehouse.alerts.interval} (30 s by default), on the rollups as they stand. Any number of admin UI nodes
 * may run it: each alert is told once.
 */
@Component
class AlertScheduler {

    private static final Logger log = LoggerFactory.getLogger(AlertScheduler.class);

    private final QuotaAlerts quotaAlerts;
    private final ErrorRateAlerts errorRateAlerts;

    AlertScheduler(QuotaAlerts quotaAlerts, ErrorRateAlerts errorRateAlerts) {
        this.quotaAlerts = quotaAlerts;
        this.errorRateAlerts = errorRateAlerts;
    }

    @Scheduled(fixedDelayString = "${gatehouse.alerts.interval:30s}",
            initialDelayString = "${gatehouse.alerts.interval:30s}")
    void evaluate() {
        Instant now = Instant.now();
        try {
            int told = quotaAlerts.evaluate(now) + errorRateAlerts.evaluate(now);
            if (told > 0) {
                log.info("Told {} alert(s)", told);
            }
        } catch (RuntimeException e) {
            log.warn("Could not evaluate alerts: {}", e.getMessage());
        }
    }
}
