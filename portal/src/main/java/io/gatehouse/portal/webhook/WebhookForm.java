package io.gatehouse.portal.webhook;

import java.util.List;

/** What the endpoint form may set: the URL and the event types, nothing else. */
record WebhookForm(String url, List<String> eventTypes) {
}
