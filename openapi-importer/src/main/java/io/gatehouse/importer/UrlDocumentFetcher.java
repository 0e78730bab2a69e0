package io.gatehouse.importer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

/**
 * Fetches an OpenAPI document by URL for a user who may be a stranger, so that the URL cannot make Gatehouse reach
 * into its own network: http and https only; the host is resolved once and every address it resolves to must be
 * public (loopback, private, link-local, metadata, unspecified, multicast and reserved addresses, also inside IPv6,
 * are refused unless on the {@link FetchPolicy#allowList() allow-list}); the connection goes to a checked address and
 * nowhere else ({@link PinnedHttpGet}); redirects are followed by hand, each hop checked again; size and time are
 * limited. Every refusal is one sentence.
 */
public final class UrlDocumentFetcher {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String ONLY_PUBLIC = "documents are fetched only from public addresses unless the import"
            + " allow-list includes them";

    /** Looks a host name up; replaceable so a test can see how often it is asked. */
    interface HostResolver {

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Sees each address just before it is connected to; tests use it to make sure only loopback is ever reached. */
    interface ConnectGate {

        void beforeConnect(InetAddress address);
    }

    private final FetchPolicy policy;
    private final AllowList allowList;
    private final HostResolver resolver;
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
        this.allowList = AllowList.parse(policy.allowList());
        this.resolver = resolver;
        this.gate = gate;
    }

    /** The document's bytes, for {@link OpenApiImporter#read(byte[])}. */
    public byte[] fetch(String url) throws DocumentFetchException {
        PinnedHttpGet.Deadline deadline = PinnedHttpGet.Deadline.in(policy.totalTimeout());
        URI current = parse(url, null);
        for (int redirects = 0;; redirects++) {
            InetAddress[] addresses = checkedAddresses(current, redirects > 0, deadline);
            PinnedHttpGet.Response response = get(current, addresses, deadline);
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
                current = parse(location.strip(), current);
                continue;
            }
            if (response.status() < 200 || response.status() > 299) {
                throw new DocumentFetchException("The server answered " + response.status()
                        + (response.reason().isBlank() ? "" : " " + response.reason()) + " for " + current + ".");
            }
            return response.body();
        }
    }

    private URI parse(String text, URI base) throws DocumentFetchException {
        URI uri;
        try {
            uri = base == null ? new URI(text == null ? "" : text.strip()) : base.resolve(new URI(text));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new DocumentFetchException(base == null ? "The text " + text + " is not a URL."
                    : "The server at " + base + " redirected to " + text + ", which is not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new DocumentFetchException((base == null ? "The URL " + text
                    : "The server at " + base + " redirected to " + uri) + " is not an http or https URL; documents"
                    + " are fetched only over http and https.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new DocumentFetchException("The URL " + uri + " names no host Gatehouse can read.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new DocumentFetchException("The URL " + uri.getScheme() + "://" + uri.getHost()
                    + "/... carries a user name or password; such URLs are not fetched.");
        }
        return uri;
    }

    /** Resolves the host once; refuses if any address it resolves to is internal and not allowed. */
    private InetAddress[] checkedAddresses(URI uri, boolean redirected, PinnedHttpGet.Deadline deadline)
            throws DocumentFetchException {
        String host = PinnedHttpGet.bareHost(uri);
        InetAddress numeric = AddressCheck.numericIpv4(host);
        // A host written as a number is read as the address it stands for, whatever the platform's resolver
        // would make of it, so that it is checked and connected to as that address.
        InetAddress[] addresses = numeric != null ? new InetAddress[] {numeric} : lookUp(host, deadline);
        if (addresses == null || addresses.length == 0) {
            throw new DocumentFetchException("The host " + host + " could not be found.");
        }
        for (InetAddress address : addresses) {
            String kind = AddressCheck.internalKind(address);
            if (kind != null && !allowList.allows(host, address)) {
                String subject = AllowList.literal(host) != null
                        ? "the address " + address.getHostAddress() + " is " + kind
                        : "the host " + host + " resolves to " + address.getHostAddress() + ", " + kind;
                throw new DocumentFetchException(redirected
                        ? "The URL redirected to " + uri + ", but " + subject + ", and " + ONLY_PUBLIC + "."
                        : capitalised(subject) + ", and " + ONLY_PUBLIC + ".");
            }
        }
        return addresses;
    }

    /** The platform's lookup has its own, longer timeouts; the fetch's time limit covers the lookup too. */
    private InetAddress[] lookUp(String host, PinnedHttpGet.Deadline deadline) throws DocumentFetchException {
        FutureTask<InetAddress[]> lookup = new FutureTask<>(() -> resolver.resolve(host));
        Thread thread = new Thread(lookup, "gatehouse-host-lookup");
        thread.setDaemon(true);
        thread.start();
        try {
            return lookup.get(Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new DocumentFetchException("Looking up the host " + host + " took longer than the limit of "
                    + duration(policy.totalTimeout()) + ".");
        } catch (ExecutionException e) {
            throw new DocumentFetchException("The host " + host + " could not be found.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocumentFetchException("Fetching from " + host + " was interrupted.");
        }
    }

    private PinnedHttpGet.Response get(URI uri, InetAddress[] addresses, PinnedHttpGet.Deadline deadline)
            throws DocumentFetchException {
        IOException last = null;
        for (InetAddress address : addresses) {
            gate.beforeConnect(address);
            try {
                return PinnedHttpGet.get(uri, address, deadline, policy);
            } catch (PinnedHttpGet.TooLarge e) {
                throw new DocumentFetchException("The document at " + uri + " is larger than the limit of "
                        + ImportLimits.describeBytes(policy.maxBytes()) + ".");
            } catch (ConnectException e) {
                last = e; // the next address of the same host may accept
            } catch (SocketTimeoutException e) {
                if (deadline.remainingMillis() <= 0) {
                    throw new DocumentFetchException("Fetching " + uri + " took longer than the limit of "
                            + duration(policy.totalTimeout()) + ".");
                }
                last = e;
            } catch (SSLException e) {
                throw new DocumentFetchException("A secure connection to " + uri.getHost()
                        + " could not be established: " + sentenceMiddle(e.getMessage()) + ".");
            } catch (IOException e) {
                throw new DocumentFetchException("The document could not be downloaded from " + uri + ": "
                        + sentenceMiddle(e.getMessage()) + ".");
            }
        }
        if (last instanceof SocketTimeoutException) {
            throw new DocumentFetchException("The server at " + uri.getHost() + " did not answer within "
                    + duration(policy.connectTimeout()) + ".");
        }
        throw new DocumentFetchException("The server at " + uri.getHost() + " refused the connection.");
    }

    private static String duration(java.time.Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + " milliseconds";
        }
        return millis == 1000 ? "1 second" : millis / 1000 + " seconds";
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String sentenceMiddle(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String line = message.strip().replaceAll("\\s+", " ");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
