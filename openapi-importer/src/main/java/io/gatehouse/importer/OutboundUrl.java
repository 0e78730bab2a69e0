package io.gatehouse.importer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

/**
 * The rules for a URL a stranger gave, shared by every outbound request Gatehouse makes for one (import by URL,
 * webhook deliveries): http and https only, no user name or password, the host resolved once within the time limit,
 * and every address it resolves to public unless allow-listed. Each refusal is one sentence; {@link Wording} says
 * what is being fetched or sent, so the sentence names the right allow-list.
 */
final class OutboundUrl {

    /**
     * The ends of refusal sentences.
     *
     * @param onlyHttp after "is not an http or https URL;", e.g. "documents are fetched only over http and https"
     * @param onlyPublic after "is a loopback address, and", e.g. "documents are fetched only from public addresses
     *        unless the import allow-list includes them"
     * @param doing what is being done to a URL, as the start of a sentence with %s for the URL: "Fetching %s"
     * @param failed the start of a sentence saying it failed, with %s for the URL
     */
    record Wording(String onlyHttp, String onlyPublic, String doing, String failed) {
    }

    private final AllowList allowList;
    private final UrlDocumentFetcher.HostResolver resolver;
    private final Duration totalTimeout;
    private final Wording wording;

    OutboundUrl(AllowList allowList, UrlDocumentFetcher.HostResolver resolver, Duration totalTimeout,
            Wording wording) {
        this.allowList = allowList;
        this.resolver = resolver;
        this.totalTimeout = totalTimeout;
        this.wording = wording;
    }

    /** {@code text} (resolved against {@code base}, the URL that redirected to it, when not null) as a URI. */
    URI parse(String text, URI base) throws DocumentFetchException {
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
                    : "The server at " + base + " redirected to " + uri) + " is not an http or https URL; "
                    + wording.onlyHttp() + ".");
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
    InetAddress[] checkedAddresses(URI uri, boolean redirected, PinnedHttp.Deadline deadline)
            throws DocumentFetchException {
        String host = PinnedHttp.bareHost(uri);
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
                        ? "The URL redirected to " + uri + ", but " + subject + ", and " + wording.onlyPublic() + "."
                        : capitalised(subject) + ", and " + wording.onlyPublic() + ".");
            }
        }
        return addresses;
    }

    /** The platform's lookup has its own, longer timeouts; the request's time limit covers the lookup too. */
    private InetAddress[] lookUp(String host, PinnedHttp.Deadline deadline) throws DocumentFetchException {
        FutureTask<InetAddress[]> lookup = new FutureTask<>(() -> resolver.resolve(host));
        Thread thread = new Thread(lookup, "gatehouse-host-lookup");
        thread.setDaemon(true);
        thread.start();
        try {
            return lookup.get(Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new DocumentFetchException("Looking up the host " + host + " took longer than the limit of "
                    + duration(totalTimeout) + ".");
        } catch (ExecutionException e) {
            throw new DocumentFetchException("The host " + host + " could not be found.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocumentFetchException("Looking up " + host + " was interrupted.");
        }
    }

    /**
     * Sends {@code request} to the first of the checked {@code addresses} that accepts a connection, showing each to
     * {@code gate} first. Refused and timed-out connections move on to the next address while time is left.
     */
    PinnedHttp.Response exchange(URI uri, InetAddress[] addresses, PinnedHttp.Deadline deadline,
            Duration connectTimeout, PinnedHttp.Request request, int maxBodyBytes, UrlDocumentFetcher.ConnectGate gate)
            throws DocumentFetchException, PinnedHttp.TooLarge {
        IOException last = null;
        for (InetAddress address : addresses) {
            gate.beforeConnect(address);
            try {
                return PinnedHttp.exchange(uri, address, deadline, connectTimeout, request, maxBodyBytes);
            } catch (PinnedHttp.TooLarge e) {
                throw e;
            } catch (ConnectException e) {
                last = e; // the next address of the same host may accept
            } catch (SocketTimeoutException e) {
                if (deadline.remainingMillis() <= 0) {
                    throw new DocumentFetchException(String.format(Locale.ROOT, wording.doing(), uri)
                            + " took longer than the limit of " + duration(totalTimeout) + ".");
                }
                last = e;
            } catch (SSLException e) {
                throw new DocumentFetchException("A secure connection to " + uri.getHost()
                        + " could not be established: " + sentenceMiddle(e.getMessage()) + ".");
            } catch (IOException e) {
                throw new DocumentFetchException(String.format(Locale.ROOT, wording.failed(), uri) + ": "
                        + sentenceMiddle(e.getMessage()) + ".");
            }
        }
        if (last instanceof SocketTimeoutException) {
            throw new DocumentFetchException("The server at " + uri.getHost() + " did not answer within "
                    + duration(connectTimeout) + ".");
        }
        throw new DocumentFetchException("The server at " + uri.getHost() + " refused the connection.");
    }

    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + " milliseconds";
        }
        return millis == 1000 ? "1 second" : millis / 1000 + " seconds";
    }

    static String sentenceMiddle(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String line = message.strip().replaceAll("\\s+", " ");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
