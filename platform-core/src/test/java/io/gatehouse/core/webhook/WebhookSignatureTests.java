package io.gatehouse.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    private static final String SECRET = "whsec_test";
    private static final byte[] BODY = "{\"id\":\"e1\",\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheTimeAndTheBodyWithHmacSha256() {
        // Computed independently: printf '1700000000.{"id":"e1","type":"ping"}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSignature.header(SECRET, 1_700_000_000L, BODY))
                .isEqualTo("t=1700000000,v1=0d7f29c442e994b76c9163904aacfae80dae69fb454d6ac294faf86e90470181");
    }

    @Test
    void verifiesItsOwnSignatureWithinTheTolerance() {
        String header = WebhookSignature.header(SECRET, 1_700_000_000L, BODY);
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_700_000_100L, 300)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_700_000_301L, 300)).as("too old").isFalse();
    }

    @Test
    void refusesAnotherSecretBodyOrTime() {
        String header = WebhookSignature.header(SECRET, 1_700_000_000L, BODY);
        assertThat(WebhookSignature.verify("whsec_other", header, BODY, 1_700_000_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, "{}".getBytes(StandardCharsets.UTF_8), 1_700_000_000L, 300))
                .isFalse();
        String movedTime = header.replace("t=1700000000", "t=1700000001");
        assertThat(WebhookSignature.verify(SECRET, movedTime, BODY, 1_700_000_000L, 300)).isFalse();
    }

    @Test
    void refusesMalformedHeaders() {
        assertThat(WebhookSignature.verify(SECRET, null, BODY, 0, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "v1=abcd", BODY, 0, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=x,v1=abcd", BODY, 0, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=0,v1=zz", BODY, 0, 300)).isFalse();
    }

    @Test
    void acceptsAnyOfSeveralV1Signatures() {
        String header = WebhookSignature.header(SECRET, 5L, BODY);
        String both = "t=5,v1=" + "00".repeat(32) + "," + header.substring(header.indexOf("v1="));
        assertThat(WebhookSignature.verify(SECRET, both, BODY, 5L, 0)).isTrue();
    }
}
