package io.gatehouse.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.sun.net.httpserver.HttpServer;

import io.gatehouse.testsupport.Canary;

/**
 * Posts to a receiver on 127.0.0.1 that is allow-listed, and to a canary that must never see a connection. Addresses
 * outside the loopback range appear only in URLs that must be refused before any connection is attempted, and every
 * poster here fails the test before it would connect anywhere but loopback.
 */
class OutboundPostIT {

    private static HttpServer receiver;
    private static int port;
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    private Canary canary;

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        port = receiver.getAddress().getPort();
        receiver.createContext("/hook", exchange -> {
            RECEIVED.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("X-Test") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/hook");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @BeforeEach
    void startCanary() {
        canary = new Canary();
        RECEIVED.clear();
    }

    @AfterEach
    void stopCanary() throws IOException {
        canary.close();
    }

    @Test
    void postsTheBodyAndHeadersAndReadsOnlyTheStatus() {
        OutboundPost.Outcome outcome = poster(List.of("127.0.0.1/32")).post("http://127.0.0.1:" + port + "/hook",
                Map.of("X-Test", "yes", "Content-Type", "application/json"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(outcome.status()).isEqualTo(202);
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.error()).isNull();
        assertThat(RECEIVED).containsExactly("POST yes {\"a\":1}");
    }

    @Test
    void doesNotFollowARedirect() {
        OutboundPost.Outcome outcome = poster(List.of("127.0.0.1/32")).post("http://127.0.0.1:" + port + "/moved",
                Map.of(), new byte[] {1});
        assertThat(outcome.status()).isEqualTo(302);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(RECEIVED).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://127.0.0.1:{canary}/hook          | The address 127.0.0.1 is a loopback address
            http://localhost:{canary}/hook          | The host localhost resolves to 127.0.0.1, a loopback address
            http://2130706433:{canary}/hook         | The host 2130706433 resolves to 127.0.0.1, a loopback address
            http://[::ffff:127.0.0.1]:{canary}/hook | The address 127.0.0.1 is a loopback address
            http://169.254.169.254/latest/meta-data | The address 169.254.169.254 is the link-local address of cloud metadata services
            http://10.0.0.1/hook                    | The address 10.0.0.1 is a private address
            https://192.168.1.1:{canary}/hook       | The address 192.168.1.1 is a private address
            http://240.0.0.1/hook                   | The address 240.0.0.1 is a reserved address
            """)
    void refusesInternalAddressesWithoutConnecting(String url, String reason) {
        OutboundPost.Outcome outcome = poster(List.of()).post(url.replace("{canary}", String.valueOf(canary.port())),
                Map.of(), new byte[] {1});
        assertThat(outcome.status()).isZero();
        assertThat(outcome.error()).isEqualTo(reason + ", and webhooks are delivered only to public addresses unless"
                + " the webhook allow-list includes them.");
        assertThat(canary.connections()).isZero();
    }

    @Test
    void refusesOtherSchemes() {
        assertThat(poster(List.of()).post("file:///etc/passwd", Map.of(), new byte[0]).error())
                .isEqualTo("The URL file:///etc/passwd is not an http or https URL; webhooks are delivered only over"
                        + " http and https.");
    }

    @Test
    void givesUpOnAReceiverThatNeverAnswers() {
        OutboundPost poster = new OutboundPost(List.of("127.0.0.1"), Duration.ofMillis(500), Duration.ofMillis(500),
                InetAddress::getAllByName, OutboundPostIT::loopbackOnly);
        OutboundPost.Outcome outcome = poster.post("http://127.0.0.1:" + canary.port() + "/", Map.of(), new byte[0]);
        assertThat(outcome.error()).isEqualTo("Sending to http://127.0.0.1:" + canary.port()
                + "/ took longer than the limit of 500 milliseconds.");
        assertThat(outcome.duration()).isLessThan(Duration.ofSeconds(3));
        assertThat(canary.connections()).isOne();
    }

    private static OutboundPost poster(List<String> allowList) {
        return new OutboundPost(allowList, Duration.ofSeconds(2), Duration.ofSeconds(5), InetAddress::getAllByName,
                OutboundPostIT::loopbackOnly);
    }

    private static void loopbackOnly(InetAddress address) {
        if (!address.isLoopbackAddress()) {
            throw new AssertionError("a connection to " + address + " was about to be made");
        }
    }
}
