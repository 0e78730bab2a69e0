package io.gatehouse.admin.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.gatehouse.core.webhook.RetrySchedule;

/**
 * {@code gatehouse.webhooks.*}: how the admin UI delivers webhook events.
 *
 * @param dispatch whether this node sends deliveries at all (several nodes may; they never send one twice at once)
 * @param pollInterval how often the outbox is read for due deliveries
 * @param batchSize the most deliveries one node claims per poll
 * @param retryDelays the waits after the first, second, ... failed attempt; after the last one's attempt, FAILED
 * @param connectTimeout how long a receiver may take to accept the connection
 * @param timeout how long one attempt may take in all, from the host lookup to the answer's status line
 * @param lease how long a claim holds; must cover a whole batch, or a slow batch's last deliveries could be
 *        claimed and sent by another node as well
 * @param allowList networks (CIDR), addresses or host names that deliveries may reach although internal (loopback,
 *        private, link-local): for receivers inside an on-premise network. Empty: public addresses only.
 */
@ConfigurationProperties("gatehouse.webhooks")
public record WebhookProperties(@DefaultValue("true") boolean dispatch, @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("10") int batchSize, @DefaultValue({"30s", "2m", "10m", "1h", "6h"}) List<Duration> retryDelays,
        @DefaultValue("3s") Duration connectTimeout, @DefaultValue("10s") Duration timeout,
        @DefaultValue("5m") Duration lease, @DefaultValue("") List<String> allowList) {

    public WebhookProperties {
        allowList = allowList.stream().map(String::trim).filter(entry -> !entry.isEmpty()).toList();
        if (batchSize < 1 || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("gatehouse.webhooks.batch-size and poll-interval must be positive");
        }
        if (lease.compareTo(timeout.multipliedBy(batchSize)) <= 0) {
            throw new IllegalArgumentException("gatehouse.webhooks.lease (" + lease + ") must be longer than"
                    + " batch-size times timeout (" + timeout.multipliedBy(batchSize) + ")");
        }
        new RetrySchedule(retryDelays); // refuses a zero or negative delay at start-up
    }

    RetrySchedule retrySchedule() {
        return new RetrySchedule(retryDelays);
    }
}
