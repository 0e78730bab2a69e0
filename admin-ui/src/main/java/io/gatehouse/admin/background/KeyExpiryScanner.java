package io.gatehouse.admin.background;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import io.gatehouse.core.apikey.KeyExpiryNotices;

/**
 * Looks for keys about to stop working every {@code gatehouse.keys.expiry-scan-interval} (a minute by default) and
 * tells their consumers. The admin UI does the platform's background work; several admin UI nodes may run it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class KeyExpiryScanner {

    private static final Logger log = LoggerFactory.getLogger(KeyExpiryScanner.class);

    private final KeyExpiryNotices notices;

    KeyExpiryScanner(KeyExpiryNotices notices) {
        this.notices = notices;
    }

    @Scheduled(fixedDelayString = "${gatehouse.keys.expiry-scan-interval:60s}", initialDelayString = "${gatehouse.keys.expiry-scan-interval:60s}")
    void scan() {
        try {
            int told = notices.tellDue(Instant.now());
            if (told > 0) {
                log.info("Told consumers about {} key(s) that stop working soon", told);
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next scan tells whoever was not told.
            log.warn("Could not look for keys about to stop working: {}", e.getMessage());
        }
    }
}
