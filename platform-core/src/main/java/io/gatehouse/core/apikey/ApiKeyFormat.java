package io.gatehouse.core.apikey;

import java.security.SecureRandom;

/**
 * The shape of a Gatehouse API key: {@code gth_<key id>_<secret><checksum>} ({@link TokenFormat}): a 12-character
 * public key id, a 32-character base62 secret (190 bits) and a CRC32 checksum, so a mistyped or made-up key is
 * rejected without any lookup.
 */
public final class ApiKeyFormat {

    public static final String PREFIX = "gth_";
    private static final TokenFormat FORMAT = new TokenFormat(PREFIX);
    public static final int LENGTH = FORMAT.length();

    private ApiKeyFormat() {
    }

    /** A new random key. */
    public static String generate(SecureRandom random) {
        return FORMAT.generate(random);
    }

    /** A key from a chosen key id and secret (both base62, of the right lengths), with its checksum. */
    public static String assemble(String keyId, String secret) {
        return FORMAT.assemble(keyId, secret);
    }

    /** The key's parts, or null when the text is not a well-formed key with a correct checksum. */
    public static ParsedApiKey parse(CharSequence text) {
        return FORMAT.parse(text, ParsedApiKey::new);
    }

    /** How a key is shown after its one display: the public part and its last four characters. */
    public static String masked(String keyId, String lastFour) {
        return FORMAT.masked(keyId, lastFour);
    }
}
