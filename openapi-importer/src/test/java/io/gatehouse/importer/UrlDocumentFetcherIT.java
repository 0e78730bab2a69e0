package io.gatehouse.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.gatehouse.testsupport.Canary;

/**
 * Import by URL against real sockets on 127.0.0.1: a document server that is allow-listed, and a canary that must
 * never see a connection. Addresses outside the loopback range appear only in URLs that must be refused before any
 * connection is attempted.
 */
class UrlDocumentFetcherIT {

    private static final String DOCUMENT = """
            openapi: 3.0.3
            info: {title: Fetched Pets, version: '2'}
            paths:
              /pets: {get: {responses: {'200': {description: ok}}}}
            """;

    private static HttpServer server;
    private static int port;
    private static final List<String> HOST_HEADERS = new CopyOnWriteArrayList<>();

    private Canary canary;

    @BeforeAll
    static void startDocumentServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        port = server.getAddress().getPort();
        server.createContext("/petstore.yaml", exchange -> send(exchange, 200, DOCUMENT.getBytes(StandardCharsets.UTF_8),
                false));
        server.createContext("/chunked.yaml", exchange -> send(exchange, 200,
                DOCUMENT.getBytes(StandardCharsets.UTF_8), true));
        server.createContext("/gzip.yaml", exchange -> {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(DOCUMENT.getBytes(StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            send(exchange, 200, zipped.toByteArray(), false);
        });
        server.createContext("/missing", exchange -> send(exchange, 404, "no".getBytes(StandardCharsets.UTF_8),
                false));
        server.createContext("/redirect", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            exchange.getResponseHeaders().add("Location", query.substring("to=".length()));
            send(exchange, 302, new byte[0], false);
        });
        server.createContext("/loop", exchange -> {
            int hop = Integer.parseInt(exchange.getRequestURI().getPath().substring("/loop/".length()));
            exchange.getResponseHeaders().add("Location", "/loop/" + (hop + 1));
            send(exchange, 302, new byte[0], false);
        });
        server.createContext("/declared-too-large", exchange -> {
            exchange.sendResponseHeaders(200, 10L * 1024 * 1024 + 1);
            exchange.close();
        });
        server.createContext("/streamed-too-large", exchange -> send(exchange, 200, new byte[5_000], true));
        server.start();
    }

    @AfterAll
    static void stopDocumentServer() {
        server.stop(0);
    }

    @BeforeEach
    void startCanary() {
        canary = new Canary();
        HOST_HEADERS.clear();
    }

    @AfterEach
    void stopCanary() throws IOException {
        canary.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://127.0.0.1:{canary}/openapi.yaml         | The address 127.0.0.1 is a loopback address
            http://localhost:{canary}/openapi.yaml         | The host localhost resolves to 127.0.0.1, a loopback address
            http://2130706433:{canary}/openapi.yaml        | The host 2130706433 resolves to 127.0.0.1, a loopback address
            http://0x7f000001:{canary}/openapi.yaml        | The host 0x7f000001 resolves to 127.0.0.1, a loopback address
            http://0177.0.0.1:{canary}/openapi.yaml        | The host 0177.0.0.1 resolves to 127.0.0.1, a loopback address
            http://[::ffff:127.0.0.1]:{canary}/openapi.yaml | The address 127.0.0.1 is a loopback address
            http://[::1]:{canary}/openapi.yaml             | The address 0:0:0:0:0:0:0:1 is a loopback address
            http://0.0.0.0:{canary}/openapi.yaml           | The address 0.0.0.0 is the unspecified address
            http://169.254.169.254/latest/meta-data/       | The address 169.254.169.254 is the link-local address of cloud metadata services
            http://10.0.0.1/openapi.yaml                   | The address 10.0.0.1 is a private address
            http://192.168.0.1:{canary}/openapi.yaml       | The address 192.168.0.1 is a private address
            https://172.16.5.4/openapi.yaml                | The address 172.16.5.4 is a private address
            http://[fd00::1]/openapi.yaml                  | The address fd00:0:0:0:0:0:0:1 is a private address
            http://[fe80::1]/openapi.yaml                  | The address fe80:0:0:0:0:0:0:1 is a link-local address
            """)
    void refusesInternalAddressesInEveryFormWithoutConnecting(String url, String reason) {
        String target = url.replace("{canary}", String.valueOf(canary.port()));
        assertThatThrownBy(() -> fetcher(quick(List.of())).fetch(target))
                .isInstanceOf(DocumentFetchException.class)
                .hasMessage(reason + ", and documents are fetched only from public addresses unless the import"
                        + " allow-list includes them.");
        assertThat(canary.connections()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://127.0.0.1:{canary}/x.yaml", "jar:file:/x.jar!/a.yaml",
            "gopher://127.0.0.1:{canary}/", "/etc/passwd", "//127.0.0.1:{canary}/x.yaml"})
    void refusesEverySchemeButHttpAndHttps(String url) {
        String target = url.replace("{canary}", String.valueOf(canary.port()));
        assertThatThrownBy(() -> fetcher(quick(List.of("127.0.0.1"))).fetch(target))
                .isInstanceOf(DocumentFetchException.class)
                .hasMessageContaining("documents are fetched only over http and https");
        assertThat(canary.connections()).isZero();
    }

    @Test
    void refusesUrlsWithCredentialsAndUrlsWithoutAHostItCanRead() {
        UrlDocumentFetcher fetcher = fetcher(quick(List.of("127.0.0.0/8")));
        assertThatThrownBy(() -> fetcher.fetch("http://user:secret@127.0.0.1:" + canary.port() + "/x.yaml"))
                .isInstanceOf(DocumentFetchException.class).hasMessageContaining("user name or password")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> fetcher.fetch("http://127.1:" + canary.port() + "/x.yaml"))
                .isInstanceOf(DocumentFetchException.class).hasMessageContaining("names no host");
        assertThatThrownBy(() -> fetcher.fetch("127.0.0.1:" + canary.port()))
                .isInstanceOf(DocumentFetchException.class).hasMessage("The text 127.0.0.1:" + canary.port()
                        + " is not a URL.");
        assertThat(canary.connections()).isZero();
    }

    @Test
    void fetchesFromAnAllowListedServerAndTheDocumentImports() throws Exception {
        UrlDocumentFetcher fetcher = fetcher(quick(List.of("127.0.0.1/32")));
        for (String path : List.of("/petstore.yaml", "/chunked.yaml", "/gzip.yaml")) {
            byte[] document = fetcher.fetch("http://127.0.0.1:" + port + path);
            ImportedApi api = new OpenApiImporter().read(document);
            assertThat(api.title()).as(path).isEqualTo("Fetched Pets");
            assertThat(api.operations()).extracting(ImportedOperation::path).containsExactly("/pets");
        }
        assertThat(canary.connections()).isZero();
    }

    @Test
    void followsARelativeRedirectOnTheSameAllowedServer() throws Exception {
        byte[] document = fetcher(quick(List.of("127.0.0.1"))).fetch(
                "http://127.0.0.1:" + port + "/redirect?to=/petstore.yaml");
        assertThat(new String(document, StandardCharsets.UTF_8)).isEqualTo(DOCUMENT);
    }

    @Test
    void refusesARedirectFromAnAllowedServerToTheCanary() {
        // The server is allowed by its host name; the canary's address is not on the list.
        UrlDocumentFetcher fetcher = fetcher(quick(List.of("docs.internal.test")),
                host -> resolveOnly("docs.internal.test", host, new AtomicInteger()));
        String canaryUrl = "http://127.0.0.1:" + canary.port() + "/x.yaml";
        assertThatThrownBy(() -> fetcher.fetch("http://docs.internal.test:" + port + "/redirect?to=" + canaryUrl))
                .isInstanceOf(DocumentFetchException.class)
                .hasMessage("The URL redirected to " + canaryUrl + ", but the address 127.0.0.1 is a loopback"
                        + " address, and documents are fetched only from public addresses unless the import"
                        + " allow-list includes them.");
        assertThat(canary.connections()).isZero();
        assertThat(HOST_HEADERS).containsExactly("docs.internal.test:" + port);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://169.254.169.254/latest/meta-data/        | the address 169.254.169.254 is the link-local address of cloud metadata services
            http://2130706433:{canary}/x.yaml               | the host 2130706433 resolves to 127.0.0.1, a loopback address
            http://[::ffff:127.0.0.1]:{canary}/x.yaml       | the address 127.0.0.1 is a loopback address
            file:///etc/passwd                              | documents are fetched only over http and https
            """)
    void refusesRedirectsToRefusedAddressesAndSchemes(String location, String reason) {
        UrlDocumentFetcher fetcher = fetcher(quick(List.of("docs.internal.test")),
                host -> resolveOnly("docs.internal.test", host, new AtomicInteger()));
        String target = location.replace("{canary}", String.valueOf(canary.port()));
        assertThatThrownBy(() -> fetcher.fetch("http://docs.internal.test:" + port + "/redirect?to=" + target))
                .isInstanceOf(DocumentFetchException.class).hasMessageContaining(reason);
        assertThat(canary.connections()).isZero();
    }

    @Test
    void followsAtMostFiveRedirects() {
        assertThatThrownBy(() -> fetcher(quick(List.of("127.0.0.1"))).fetch(
                "http://127.0.0.1:" + port + "/loop/0")).isInstanceOf(DocumentFetchException.class)
                .hasMessage("The URL http://127.0.0.1:" + port + "/loop/0 redirected more than 5 times.");
    }

    @Test
    void connectsToTheAddressItCheckedWithoutLookingTheNameUpAgain() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        UrlDocumentFetcher fetcher = fetcher(quick(List.of("docs.internal.test")),
                host -> resolveOnly("docs.internal.test", host, lookups));
        // The platform's resolver does not know this name: only the checked address can have been used.
        byte[] document = fetcher.fetch("http://docs.internal.test:" + port + "/redirect?to=/petstore.yaml");
        assertThat(new String(document, StandardCharsets.UTF_8)).isEqualTo(DOCUMENT);
        assertThat(lookups).as("one lookup per hop").hasValue(2);
        assertThat(HOST_HEADERS).containsExactly("docs.internal.test:" + port, "docs.internal.test:" + port);
    }

    @Test
    void refusesADocumentLargerThanTheLimitWhetherDeclaredOrStreamed() {
        UrlDocumentFetcher fetcher = fetcher(quick(List.of("127.0.0.1")));
        assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + port + "/declared-too-large"))
                .isInstanceOf(DocumentFetchException.class)
                .hasMessage("The document at http://127.0.0.1:" + port + "/declared-too-large is larger than the"
                        + " limit of 10 MB.");
        FetchPolicy small = new FetchPolicy(List.of("127.0.0.1"), Duration.ofSeconds(2), Duration.ofSeconds(5), 5,
                4_096);
        assertThatThrownBy(() -> fetcher(small).fetch("http://127.0.0.1:" + port
                + "/streamed-too-large")).isInstanceOf(DocumentFetchException.class)
                .hasMessageEndingWith("is larger than the limit of 4,096 bytes.");
    }

    @Test
    void givesUpOnAServerThatNeverAnswersAtTheTimeLimit() {
        // The canary accepts connections in its backlog but never answers; here it is allowed, so it is reached.
        FetchPolicy patient = new FetchPolicy(List.of("127.0.0.1"), Duration.ofSeconds(1), Duration.ofSeconds(1), 5,
                1024);
        assertThatThrownBy(() -> fetcher(patient).fetch("http://127.0.0.1:" + canary.port() + "/"))
                .isInstanceOf(DocumentFetchException.class)
                .hasMessage("Fetching http://127.0.0.1:" + canary.port() + "/ took longer than the limit of 1 second.");
        assertThat(canary.connections()).isOne();
    }

    @Test
    void countsAHostLookupThatHangsAgainstTheTimeLimit() {
        CountDownLatch never = new CountDownLatch(1);
        FetchPolicy patient = new FetchPolicy(List.of(), Duration.ofSeconds(1), Duration.ofSeconds(1), 5, 1024);
        UrlDocumentFetcher fetcher = fetcher(patient, host -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        });
        try {
            assertThatThrownBy(() -> fetcher.fetch("http://slow.test/openapi.yaml"))
                    .isInstanceOf(DocumentFetchException.class)
                    .hasMessage("Looking up the host slow.test took longer than the limit of 1 second.");
        } finally {
            never.countDown();
        }
    }

    @Test
    void reportsTheServersAnswerWhenItIsNotADocument() {
        assertThatThrownBy(() -> fetcher(quick(List.of("127.0.0.1"))).fetch(
                "http://127.0.0.1:" + port + "/missing")).isInstanceOf(DocumentFetchException.class)
                .hasMessage("The server answered 404 Not Found for http://127.0.0.1:" + port + "/missing.");
    }

    @Test
    void runsTlsOverThePinnedConnectionForHttps() throws Exception {
        // A server that answers the TLS greeting in plain text: the handshake fails on the checked address's socket.
        try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread answer = new Thread(() -> {
                try (Socket client = plain.accept()) {
                    client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(
                            StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    // the test's assertion tells what went wrong
                }
            });
            answer.start();
            assertThatThrownBy(() -> fetcher(quick(List.of("127.0.0.1"))).fetch(
                    "https://127.0.0.1:" + plain.getLocalPort() + "/petstore.yaml"))
                    .isInstanceOf(DocumentFetchException.class)
                    .hasMessageStartingWith("A secure connection to 127.0.0.1 could not be established: ");
            answer.join();
        }
    }

    /**
     * Every fetcher here may connect to loopback only: should the address check ever break, the test fails before
     * a connection to any other address is even attempted.
     */
    private static UrlDocumentFetcher fetcher(FetchPolicy policy) {
        return fetcher(policy, InetAddress::getAllByName);
    }

    private static UrlDocumentFetcher fetcher(FetchPolicy policy, UrlDocumentFetcher.HostResolver resolver) {
        return new UrlDocumentFetcher(policy, resolver, address -> {
            if (!address.isLoopbackAddress()) {
                throw new AssertionError("a connection to " + address + " was about to be made");
            }
        });
    }

    private static FetchPolicy quick(List<String> allowList) {
        return new FetchPolicy(allowList, Duration.ofSeconds(2), Duration.ofSeconds(5), 5,
                ImportLimits.DEFAULTS.maxDocumentBytes());
    }

    private static InetAddress[] resolveOnly(String name, String host, AtomicInteger lookups)
            throws UnknownHostException {
        lookups.incrementAndGet();
        if (!host.equals(name)) {
            return InetAddress.getAllByName(host);
        }
        return new InetAddress[] {InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1})};
    }

    private static void send(HttpExchange exchange, int status, byte[] body, boolean chunked) throws IOException {
        HOST_HEADERS.add(exchange.getRequestHeaders().getFirst("Host"));
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

}
