package io.gatehouse.core.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.audit.AuditLog;
import io.gatehouse.core.notification.Recipient;

/**
 * A consumer's or admin user's webhook endpoints. Every method takes the owner and finds only the owner's
 * endpoints, so another owner's id finds nothing. Where a URL may point is checked when it is used (the dispatcher's
 * address rules), since a host name can resolve elsewhere later; here only its form.
 */
@Service
public class WebhookEndpoints {

    /** Endpoints per owner: enough for staging and production receivers, few enough to bound every fan-out. */
    public static final int MAX_PER_OWNER = 10;
    static final int MAX_URL = 2000;
    static final String SECRET_PREFIX = "whsec_";

    /** A delivery with its attempts, oldest first. */
    public record DeliveryView(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookAttemptRepository attempts;
    private final WebhookEvents events;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    WebhookEndpoints(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
            WebhookAttemptRepository attempts, WebhookEvents events, AuditLog audit) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.events = events;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpoint> of(Recipient owner) {
        return owner.consumerId() != null ? endpoints.findByConsumerIdOrderByIdAsc(owner.consumerId())
                : endpoints.findByAdminUserIdOrderByIdAsc(owner.adminUserId());
    }

    @Transactional(readOnly = true)
    public Optional<WebhookEndpoint> find(Recipient owner, long id) {
        return owner.consumerId() != null ? endpoints.findByIdAndConsumerId(id, owner.consumerId())
                : endpoints.findByIdAndAdminUserId(id, owner.adminUserId());
    }

    /** A new endpoint with a generated secret; refuses a malformed URL or no event types with one sentence. */
    @Transactional
    public WebhookEndpoint create(Recipient owner, String url, List<String> eventTypes, Actor actor) {
        String checkedUrl = checkedUrl(url);
        List<String> types = eventTypes == null ? List.of()
                : WebhookEvents.TYPES.stream().filter(eventTypes::contains).toList();
        if (types.isEmpty() || types.size() != eventTypes.stream().distinct().count()) {
            throw new IllegalArgumentException("Choose at least one of the offered event types.");
        }
        long existing = owner.consumerId() != null ? endpoints.countByConsumerId(owner.consumerId())
                : endpoints.countByAdminUserId(owner.adminUserId());
        if (existing >= MAX_PER_OWNER) {
            throw new IllegalArgumentException("You have " + MAX_PER_OWNER + " endpoints, the most there can be;"
                    + " delete one first.");
        }
        WebhookEndpoint endpoint = endpoints.save(new WebhookEndpoint(owner, checkedUrl, newSecret(), types));
        audit.record(actor, "webhook.created", "webhook_endpoint", endpoint.getId(), checkedUrl + " for "
                + String.join(", ", types));
        return endpoint;
    }

    /** A new secret: deliveries sent from now on are signed with it. */
    @Transactional
    public Optional<WebhookEndpoint> rotateSecret(Recipient owner, long id, Actor actor) {
        return find(owner, id).map(endpoint -> {
            endpoint.rotateSecret(newSecret());
            audit.record(actor, "webhook.secret-rotated", "webhook_endpoint", id, endpoint.getUrl());
            return endpoint;
        });
    }

    /** Pauses or resumes an endpoint; a paused endpoint gets no new events and its queued deliveries wait. */
    @Transactional
    public Optional<WebhookEndpoint> setActive(Recipient owner, long id, boolean active, Actor actor) {
        return find(owner, id).map(endpoint -> {
            endpoint.setActive(active);
            audit.record(actor, active ? "webhook.resumed" : "webhook.paused", "webhook_endpoint", id,
                    endpoint.getUrl());
            return endpoint;
        });
    }

    /** Deletes the endpoint with its deliveries and their attempts; false when the owner has no such endpoint. */
    @Transactional
    public boolean delete(Recipient owner, long id, Actor actor) {
        Optional<WebhookEndpoint> endpoint = find(owner, id);
        endpoint.ifPresent(e -> {
            endpoints.delete(e);
            audit.record(actor, "webhook.deleted", "webhook_endpoint", id, e.getUrl());
        });
        return endpoint.isPresent();
    }

    /** Queues a {@code ping} event for this endpoint only, whatever types it chose (paused ones wait). */
    @Transactional
    public Optional<WebhookDelivery> sendTest(Recipient owner, long id) {
        return find(owner, id).map(events::ping);
    }

    /** The endpoint's latest deliveries, newest first, each with its attempts. */
    @Transactional(readOnly = true)
    public List<DeliveryView> recentDeliveries(Recipient owner, long id) {
        if (find(owner, id).isEmpty()) {
            return List.of();
        }
        List<WebhookDelivery> latest = deliveries.findTop20ByEndpointIdOrderByCreatedAtDescIdDesc(id);
        Map<Long, List<WebhookAttempt>> byDelivery = attempts.findByDeliveryIdInOrderByAttemptedAtAscIdAsc(
                latest.stream().map(WebhookDelivery::getId).toList()).stream()
                .collect(Collectors.groupingBy(WebhookAttempt::getDeliveryId));
        return latest.stream().map(d -> new DeliveryView(d, byDelivery.getOrDefault(d.getId(), List.of()))).toList();
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return SECRET_PREFIX + HexFormat.of().formatHex(bytes);
    }

    static String checkedUrl(String url) {
        String text = url == null ? "" : url.strip();
        if (text.isEmpty() || text.length() > MAX_URL) {
            throw new IllegalArgumentException("Give the http or https URL that should receive the events (at most "
                    + MAX_URL + " characters).");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("That is not a URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Webhooks are sent over http or https only.");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("The URL needs a host, and no user name, password or #fragment.");
        }
        return text;
    }
}
