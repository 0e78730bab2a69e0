package io.gatehouse.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TryItRelayTests {

    private static final String KEY = "gth_abcdefghijkl_0123456789abcdefghijklmnopqrstuv123456";

    @ParameterizedTest(name = "declared {0} -> {1}")
    @CsvSource(nullValues = "null", value = {
            "X-Shop-Key, X-Shop-Key",
            "api_key, api_key",
            "null, X-API-Key",
            "'', X-API-Key",
            "'Bad Header', X-API-Key",
            "'X-Key\r\nHost: evil', X-API-Key"})
    void theKeyGoesInTheHeaderTheApisSchemeNamesElseTheGatewaysDefault(String declared, String expected) {
        assertThat(TryItRelay.keyHeader(declared)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} sendable: {1}")
    @CsvSource({
            "X-Trace-Id, true",
            "Accept-Language, true",
            "Host, false",
            "host, false",
            "Content-Length, false",
            "Transfer-Encoding, false",
            "Connection, false",
            "Content-Type, false",
            "X-Shop-Key, false",
            "x-shop-key, false",
            "'Bad Name', false"})
    void headerParametersThatWouldRedirectOrReframeTheCallAreNotOffered(String name, boolean sendable) {
        assertThat(TryItRelay.sendable(name, "X-Shop-Key")).isEqualTo(sendable);
    }

    @Test
    void theCurlCommandLeavesTheKeyToAVariableAndQuotesEverythingElse() {
        TryItRelay.Call call = new TryItRelay.Call("POST", URI.create("http://gw.test/shop/v1/pets?tag=a%20b"),
                "X-Shop-Key", KEY, List.of(Map.entry("X-Note", "it's $HOME")), "application/json",
                "{\"name\": \"Rex's bone\"}");

        String curl = TryItRelay.curl(call);

        assertThat(curl).doesNotContain(KEY)
                .startsWith("curl -i -X POST 'http://gw.test/shop/v1/pets?tag=a%20b'")
                .contains("-H \"X-Shop-Key: $API_KEY\"")
                .contains("-H 'X-Note: it'\\''s $HOME'")
                .contains("-H 'Content-Type: application/json'")
                .endsWith("--data-raw '{\"name\": \"Rex'\\''s bone\"}'");
    }

    @Test
    void aGetHasNoMethodFlagAndAnOddKeyHeaderIsQuoted() {
        String curl = TryItRelay.curl(new TryItRelay.Call("GET", URI.create("http://gw.test/a"), "X$Key", KEY,
                List.of(), "", null));

        assertThat(curl).isEqualTo("curl -i 'http://gw.test/a' \\\n  -H 'X$Key: '\"$API_KEY\"");
    }

    @Test
    void theKeyIsMaskedWhereverAnAnswerEchoesIt() {
        assertThat(TryItRelay.mask("{\"echo\": \"" + KEY + "\", \"again\": \"" + KEY + "\"}", KEY))
                .isEqualTo("{\"echo\": \"$API_KEY\", \"again\": \"$API_KEY\"}");
        // Too short to be a key: masking it would garble the body.
        assertThat(TryItRelay.mask("a cat", "a")).isEqualTo("a cat");
    }

    @Test
    void aBodyWithinTheLimitIsKeptWhole() {
        Fed fed = feed(new CappedBody(10), "hello", "world");

        assertThat(fed.body().truncated()).isFalse();
        assertThat(new String(fed.body().bytes(), StandardCharsets.UTF_8)).isEqualTo("helloworld");
        assertThat(fed.cancelled()).isFalse();
    }

    @Test
    void aBodyPastTheLimitIsCutAtItMarkedTruncatedAndTheRestIsNotRead() {
        CappedBody capped = new CappedBody(8);
        Fed fed = feed(capped, "hello", "world", "never read");

        assertThat(fed.body().truncated()).isTrue();
        assertThat(new String(fed.body().bytes(), StandardCharsets.UTF_8)).isEqualTo("hellowor");
        assertThat(fed.cancelled()).isTrue();
        assertThat(fed.delivered()).as("chunks handed over").isEqualTo(2);
    }

    record Fed(CappedBody.Bytes body, boolean cancelled, int delivered) {
    }

    /** Plays the HTTP client's part: hands over one chunk per request until cancelled, then completes. */
    private static Fed feed(CappedBody body, String... chunks) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicLong requested = new AtomicLong();
        body.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                requested.addAndGet(n);
            }

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        });
        int delivered = 0;
        for (String chunk : chunks) {
            if (cancelled.get() || requested.get() == 0) {
                break;
            }
            requested.decrementAndGet();
            delivered++;
            body.onNext(List.of(ByteBuffer.wrap(chunk.getBytes(StandardCharsets.UTF_8))));
        }
        if (!cancelled.get()) {
            body.onComplete();
        }
        return new Fed(body.getBody().toCompletableFuture().join(), cancelled.get(), delivered);
    }
}
