package io.gatehouse.core.apikey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash stored for a key's secret: HMAC-SHA-256 with a server-side pepper, compared in constant time.
 * A stolen database alone does not let anyone test guessed keys.
 */
public final class ApiKeyHasher {

    private static final String ALGORITHM = "HmacSHA256";
    public static final int MIN_PEPPER_LENGTH = 32;

    private final ThreadLocal<Mac> macs;

    public ApiKeyHasher(String pepper) {
        if (pepper == null || pepper.length() < MIN_PEPPER_LENGTH) {
            throw new IllegalArgumentException("the key pepper must be at least " + MIN_PEPPER_LENGTH + " characters");
        }
        SecretKeySpec keySpec = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(keySpec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA-256 is not available", e);
            }
        });
        macs.get();
    }

    public byte[] hash(String secret) {
        return macs.get().doFinal(secret.getBytes(StandardCharsets.US_ASCII));
    }

    public String hashHex(String secret) {
        return HexFormat.of().formatHex(hash(secret));
    }

    public boolean matches(String secret, byte[] expectedHash) {
        return MessageDigest.isEqual(hash(secret), expectedHash);
    }

    public static byte[] fromHex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
