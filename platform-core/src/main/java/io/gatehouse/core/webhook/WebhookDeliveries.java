package io.gatehouse.core.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dispatcher's side of the outbox. {@link #claim} takes due deliveries one conditional update each, so of two
 * nodes asking at once exactly one gets a delivery; {@link #record} counts the attempt and schedules the next one.
 * A claim lasts a lease: a node that dies while sending leaves its deliveries to be claimed again afterwards, so a
 * receiver may, rarely, get one delivery twice and should de-duplicate on {@code Gatehouse-Delivery}.
 */
@Service
public class WebhookDeliveries {

    /** A claimed delivery with what it takes to send it. */
    public record Due(long deliveryId, String eventId, String eventType, String payload, String url, String secret) {

        @Override
        public String toString() {
            return "Due[" + deliveryId + ", " + eventType + " to " + url + "]";
        }
    }

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final WebhookAttemptRepository attempts;

    WebhookDeliveries(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints,
            WebhookAttemptRepository attempts) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.attempts = attempts;
    }

    /**
     * Claims up to {@code limit} due deliveries for {@code claimer} until {@code now + lease}. Not one transaction:
     * each claim commits on its own, so a claim is never held back by the others.
     */
    public List<Due> claim(String claimer, Instant now, Duration lease, int limit) {
        List<Long> claimed = new ArrayList<>();
        for (Long id : deliveries.findDueIds(now, PageRequest.of(0, limit))) {
            try {
                if (deliveries.claim(id, claimer, now, now.plus(lease)) == 1) {
                    claimed.add(id);
                }
            } catch (RuntimeException concurrentUpdate) {
                // Another node updated the row at the same moment (a database may say so instead of waiting): theirs.
            }
        }
        if (claimed.isEmpty()) {
            return List.of();
        }
        List<WebhookDelivery> rows = deliveries.findAllById(claimed);
        Map<Long, WebhookEndpoint> byId = endpoints.findAllById(rows.stream().map(WebhookDelivery::getEndpointId)
                .distinct().toList()).stream().collect(Collectors.toMap(WebhookEndpoint::getId, Function.identity()));
        return rows.stream().filter(d -> byId.containsKey(d.getEndpointId()))
                .map(d -> {
                    WebhookEndpoint endpoint = byId.get(d.getEndpointId());
                    return new Due(d.getId(), d.getEventId(), d.getEventType(), d.getPayload(), endpoint.getUrl(),
                            endpoint.getSecret());
                }).toList();
    }

    /**
     * Records one attempt by {@code claimer}: DELIVERED on a 2xx answer; otherwise due again after the schedule's
     * next delay, or FAILED after its last. False, and nothing recorded, when the claim is no longer theirs (the
     * endpoint was deleted, or the lease ran out and another node took the delivery).
     */
    @Transactional
    public boolean record(long deliveryId, String claimer, Integer httpStatus, String error, Duration took,
            Instant now, RetrySchedule schedule) {
        WebhookDelivery delivery = deliveries.findById(deliveryId).orElse(null);
        if (delivery == null || !Objects.equals(delivery.getClaimedBy(), claimer)
                || delivery.getStatus() != DeliveryStatus.PENDING) {
            return false;
        }
        boolean succeeded = httpStatus != null && httpStatus >= 200 && httpStatus <= 299;
        attempts.save(new WebhookAttempt(deliveryId, now, httpStatus, error, took.toMillis()));
        Instant retryAt = schedule.afterFailures(delivery.getAttempts() + 1).map(now::plus).orElse(null);
        delivery.attempted(succeeded, now, retryAt);
        return true;
    }
}
