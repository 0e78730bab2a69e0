package io.gatehouse.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Gatehouse-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}, keyed with the endpoint's
 * secret. The time is signed with the body, so a receiver that also checks it is recent refuses replays.
 */
public final class WebhookSignature {

    public static final String EVENT_HEADER = "Gatehouse-Event";
    public static final String DELIVERY_HEADER = "Gatehouse-Delivery";
    public static final String SIGNATURE_HEADER = "Gatehouse-Signature";

    private WebhookSignature() {
    }

    public static String header(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, unixSeconds, body));
    }

    /**
     * True when {@code header} carries a v1 signature of {@code body} by {@code secret} whose time lies within
     * {@code toleranceSeconds} of {@code nowSeconds}. Compared in constant time.
     */
    public static boolean verify(String secret, String header, byte[] body, long nowSeconds, long toleranceSeconds) {
        if (header == null) {
            return false;
        }
        Long time = null;
        for (String part : header.split(",")) {
            String item = part.strip();
            if (item.startsWith("t=") && time == null) {
                try {
                    time = Long.parseLong(item.substring(2));
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        if (time == null || Math.abs(nowSeconds - time) > toleranceSeconds) {
            return false;
        }
        byte[] expected = hmac(secret, time, body);
        boolean matched = false;
        for (String part : header.split(",")) {
            String item = part.strip();
            if (item.startsWith("v1=")) {
                try {
                    matched |= MessageDigest.isEqual(expected, HexFormat.of().parseHex(item.substring(3)));
                } catch (IllegalArgumentException notHex) {
                    // another signature in the header may still match
                }
            }
        }
        return matched;
    }

    private static byte[] hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
