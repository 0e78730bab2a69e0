package io.gatehouse.core.webhook;

/** Whose webhook endpoints these are: exactly one of a consumer and an admin user. */
public record WebhookOwner(Long consumerId, Long adminUserId) {

    public WebhookOwner {
        if ((consumerId == null) == (adminUserId == null)) {
            throw new IllegalArgumentException("an endpoint belongs to a consumer or to an admin user");
        }
    }

    public static WebhookOwner consumer(long consumerId) {
        return new WebhookOwner(consumerId, null);
    }

    public static WebhookOwner adminUser(long adminUserId) {
        return new WebhookOwner(null, adminUserId);
    }
}
