package io.gatehouse.importer;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Fetches an OpenAPI document by URL for a user who may be a stranger, so that the URL cannot make Gatehouse reach
 * into its own network: http and https only; the host is resolved once and every address it resolves to must be
 * public (loopback, private, link-local, metadata, unspecified, multicast and reserved addresses, also inside IPv6,
 * are refused unless on the {@link FetchPolicy#allowList() allow-list}); the connection goes to a checked address and
 * nowhere else ({@link PinnedHttp}); redirects are followed by hand, each hop checked again; size and time are
 * limited. Every refusal is one sentence.
 */
public final class UrlDocumentFetcher {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final OutboundUrl.Wording WORDING = new OutboundUrl.Wording(
            "documents are fetched only over http and https",
            "documents are fetched only from public addresses unless the import allow-list includes them",
            "Fetching %s", "The document could not be downloaded from %s");

    /** Looks a host name up; replaceable so a test can see how often it is asked. */
    interface HostResolver {

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Sees each address just before it is connected to; tests use it to make sure only loopback is ever reached. */
    interface ConnectGate {

        void beforeConnect(InetAddress address);
    }

    private final FetchPolicy policy;
    private final OutboundUrl rules;
    private final ConnectGate gate;

    public UrlDocumentFetcher() {
        this(FetchPolicy.DEFAULTS);
    }

    public UrlDocumentFetcher(FetchPolicy policy) {
        this(policy, InetAddress::getAllByName);
    }

    UrlDocumentFetcher(FetchPolicy policy, HostResolver resolver) {
        this(policy, resolver, address -> {
        });
    }

    UrlDocumentFetcher(FetchPolicy policy, HostResolver resolver, ConnectGate gate) {
        this.policy = policy;
        this.rules = new OutboundUrl(AllowList.parse(policy.allowList()), resolver, policy.totalTimeout(), WORDING);
        this.gate = gate;
    }

    /** The document's bytes, for {@link OpenApiImporter#read(byte[])}. */
    public byte[] fetch(String url) throws DocumentFetchException {
        PinnedHttp.Deadline deadline = PinnedHttp.Deadline.in(policy.totalTimeout());
        URI current = rules.parse(url, null);
        for (int redirects = 0;; redirects++) {
            InetAddress[] addresses = rules.checkedAddresses(current, redirects > 0, deadline);
            PinnedHttp.Response response = get(current, addresses, deadline);
            if (REDIRECTS.contains(response.status())) {
                String location = response.header("location");
                if (location == null || location.isBlank()) {
                    throw new DocumentFetchException("The server at " + current + " answered with a redirect ("
                            + response.status() + ") but did not say where to.");
                }
                if (redirects >= policy.maxRedirects()) {
                    throw new DocumentFetchException("The URL " + url + " redirected more than "
                            + policy.maxRedirects() + " times.");
                }
                current = rules.parse(location.strip(), current);
                continue;
            }
            if (response.status() < 200 || response.status() > 299) {
                throw new DocumentFetchException("The server answered " + response.status()
                        + (response.reason().isBlank() ? "" : " " + response.reason()) + " for " + current + ".");
            }
            return response.body();
        }
    }

    private PinnedHttp.Response get(URI uri, InetAddress[] addresses, PinnedHttp.Deadline deadline)
            throws DocumentFetchException {
        try {
            return rules.exchange(uri, addresses, deadline, policy.connectTimeout(), PinnedHttp.GET_DOCUMENT,
                    policy.maxBytes(), gate);
        } catch (PinnedHttp.TooLarge e) {
            throw new DocumentFetchException("The document at " + uri + " is larger than the limit of "
                    + ImportLimits.describeBytes(policy.maxBytes()) + ".");
        }
    }
}
