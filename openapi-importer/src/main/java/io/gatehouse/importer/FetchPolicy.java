package io.gatehouse.importer;

import java.time.Duration;
import java.util.List;

/**
 * How {@link UrlDocumentFetcher} may fetch a document.
 *
 * @param allowList CIDR ranges ({@code 10.20.0.0/16}, {@code ::1/128}), single addresses or host names that may be
 *        fetched from although they are loopback, private, link-local or reserved: for documents served inside an
 *        on-premise network. Empty by default.
 * @param connectTimeout how long to wait for a connection to be accepted
 * @param totalTimeout how long the whole fetch may take, redirects included
 * @param maxRedirects how many redirects are followed, each checked like the first URL
 * @param maxBytes the largest document downloaded; reading stops just past it
 */
public record FetchPolicy(List<String> allowList, Duration connectTimeout, Duration totalTimeout, int maxRedirects,
        int maxBytes) {

    public static final FetchPolicy DEFAULTS = new FetchPolicy(List.of(), Duration.ofSeconds(5),
            Duration.ofSeconds(20), 5, ImportLimits.DEFAULTS.maxDocumentBytes());

    public FetchPolicy {
        allowList = List.copyOf(allowList);
        AllowList.parse(allowList); // refuses a malformed entry when the policy is made, not at the first fetch
        if (connectTimeout.isNegative() || connectTimeout.isZero() || totalTimeout.isNegative()
                || totalTimeout.isZero() || maxRedirects < 0 || maxBytes < 1) {
            throw new IllegalArgumentException("fetch timeouts and limits must be positive");
        }
    }

    /** The same policy with these entries allowed although internal. */
    public FetchPolicy allowing(List<String> entries) {
        return new FetchPolicy(entries, connectTimeout, totalTimeout, maxRedirects, maxBytes);
    }
}
