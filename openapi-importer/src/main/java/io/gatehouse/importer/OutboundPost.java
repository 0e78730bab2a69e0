package io.gatehouse.importer;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Posts to a URL a stranger gave (a webhook endpoint) under the same rules as import by URL ({@link OutboundUrl}):
 * http and https only, the host resolved once and every address checked against the allow-list, the connection made
 * to a checked address only ({@link PinnedHttp}), explicit time limits. Redirects are not followed: a 3xx answer is
 * an outcome like any other. Only the status line and header fields of the answer are read, never its body. Nothing
 * is thrown: every outcome, a refusal included, is an {@link Outcome}.
 */
public final class OutboundPost {

    private static final OutboundUrl.Wording WORDING = new OutboundUrl.Wording(
            "webhooks are delivered only over http and https",
            "webhooks are delivered only to public addresses unless the webhook allow-list includes them",
            "Sending to %s", "Sending to %s failed");

    /**
     * What a post came to.
     *
     * @param status the HTTP status of the answer, or 0 when there was none
     * @param error one sentence when there was no answer (refused URL, no connection, timeout), else null
     * @param duration from the start of the lookup to the end of the answer
     */
    public record Outcome(int status, String error, Duration duration) {

        /** A 2xx answer. */
        public boolean succeeded() {
            return status >= 200 && status <= 299;
        }
    }

    private final OutboundUrl rules;
    private final Duration connectTimeout;
    private final Duration totalTimeout;
    private final UrlDocumentFetcher.ConnectGate gate;

    /**
     * @param allowList CIDR ranges, addresses or host names that may be posted to although internal, as for
     *        {@link FetchPolicy#allowList()}
     */
    public OutboundPost(List<String> allowList, Duration connectTimeout, Duration totalTimeout) {
        this(allowList, connectTimeout, totalTimeout, InetAddress::getAllByName, address -> {
        });
    }

    OutboundPost(List<String> allowList, Duration connectTimeout, Duration totalTimeout,
            UrlDocumentFetcher.HostResolver resolver, UrlDocumentFetcher.ConnectGate gate) {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || totalTimeout.compareTo(connectTimeout) < 0) {
            throw new IllegalArgumentException("the connect timeout must be positive and within the total timeout");
        }
        this.rules = new OutboundUrl(AllowList.parse(allowList), resolver, totalTimeout, WORDING);
        this.connectTimeout = connectTimeout;
        this.totalTimeout = totalTimeout;
        this.gate = gate;
    }

    /** Posts {@code body} with the given header fields (Host, Content-Length and Connection are set here). */
    public Outcome post(String url, Map<String, String> headers, byte[] body) {
        long start = System.nanoTime();
        PinnedHttp.Deadline deadline = PinnedHttp.Deadline.in(totalTimeout);
        try {
            URI uri = rules.parse(url, null);
            InetAddress[] addresses = rules.checkedAddresses(uri, false, deadline);
            PinnedHttp.Response answer = rules.exchange(uri, addresses, deadline, connectTimeout,
                    new PinnedHttp.Request("POST", headers, body), 0, gate);
            return new Outcome(answer.status(), null, since(start));
        } catch (DocumentFetchException refusedOrFailed) {
            return new Outcome(0, refusedOrFailed.getMessage(), since(start));
        } catch (PinnedHttp.TooLarge impossible) {
            throw new IllegalStateException("no body is read", impossible);
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
