package io.gatehouse.admin.webhook;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import io.gatehouse.core.webhook.RetrySchedule;
import io.gatehouse.core.webhook.WebhookDeliveries;
import io.gatehouse.core.webhook.WebhookSignature;
import io.gatehouse.importer.OutboundPost;

/**
 * Sends due webhook deliveries every {@code gatehouse.webhooks.poll-interval}: claims a batch, signs and posts each
 * one under the address rules of import by URL ({@link OutboundPost}), and records the attempt. Background work is
 * the admin UI's; several admin UI nodes may run this at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveries deliveries;
    private final WebhookProperties properties;
    private final RetrySchedule schedule;
    private final OutboundPost poster;
    private final Clock clock;
    /** This node's name on its claims: the host and a random part, so two processes on one host differ. */
    private final String node;

    @Autowired
    WebhookDispatcher(WebhookDeliveries deliveries, WebhookProperties properties) {
        this(deliveries, properties, new OutboundPost(properties.allowList(), properties.connectTimeout(),
                properties.timeout()), Clock.systemUTC());
    }

    WebhookDispatcher(WebhookDeliveries deliveries, WebhookProperties properties, OutboundPost poster, Clock clock) {
        this.deliveries = deliveries;
        this.properties = properties;
        this.schedule = properties.retrySchedule();
        this.poster = poster;
        this.clock = clock;
        this.node = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Scheduled(fixedDelayString = "${gatehouse.webhooks.poll-interval:5s}", initialDelayString = "${gatehouse.webhooks.poll-interval:5s}")
    void poll() {
        if (!properties.dispatch()) {
            return;
        }
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            // The database may be away for a moment; claims not recorded run out and are taken again.
            log.warn("Could not send webhook deliveries: {}", e.getMessage());
        }
    }

    /** Claims and sends one batch; returns how many attempts were recorded. */
    int dispatchDue() {
        List<WebhookDeliveries.Due> due = deliveries.claim(node, clock.instant(), properties.lease(),
                properties.batchSize());
        int recorded = 0;
        for (WebhookDeliveries.Due delivery : due) {
            byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
            Instant now = clock.instant();
            OutboundPost.Outcome outcome = poster.post(delivery.url(), Map.of(
                    "Content-Type", "application/json",
                    "User-Agent", "Gatehouse-Webhooks",
                    WebhookSignature.EVENT_HEADER, delivery.eventType(),
                    WebhookSignature.DELIVERY_HEADER, delivery.eventId(),
                    WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(delivery.secret(), now.getEpochSecond(),
                            body)), body);
            String error = outcome.error();
            if (error == null && outcome.status() >= 300 && outcome.status() <= 399) {
                error = "Redirects are not followed; give the URL the receiver answers at.";
            }
            if (deliveries.record(delivery.deliveryId(), node, outcome.status() == 0 ? null : outcome.status(), error,
                    outcome.duration(), clock.instant(), schedule)) {
                recorded++;
            }
        }
        return recorded;
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > 50 ? name.substring(0, 50) : name;
        } catch (java.io.IOException e) {
            return "node";
        }
    }
}
