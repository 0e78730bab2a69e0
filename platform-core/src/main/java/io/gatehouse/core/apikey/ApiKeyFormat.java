package io.gatehouse.core.apikey;

import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * The shape of a Gatehouse API key: {@code gth_<key id>_<secret><checksum>}.
 * <ul>
 * <li>{@code gth_}: a fixed prefix, so secret scanners can recognise leaked keys;</li>
 * <li>key id: 12 base62 characters, public, used to look the key up and to show it;</li>
 * <li>secret: 32 base62 characters (190 bits from {@link SecureRandom});</li>
 * <li>checksum: CRC32 of everything before it, 6 base62 characters, so a mistyped or made-up key is
 * rejected without any lookup.</li>
 * </ul>
 */
public final class ApiKeyFormat {

    public static final String PREFIX = "gth_";
    public static final int KEY_ID_LENGTH = 12;
    public static final int SECRET_LENGTH = 32;
    public static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = PREFIX.length() + KEY_ID_LENGTH + 1 + SECRET_LENGTH + CHECKSUM_LENGTH;

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int KEY_ID_START = PREFIX.length();
    private static final int SEPARATOR = KEY_ID_START + KEY_ID_LENGTH;
    private static final int SECRET_START = SEPARATOR + 1;
    private static final int CHECKSUM_START = SECRET_START + SECRET_LENGTH;

    private ApiKeyFormat() {
    }

    /** A new random key. */
    public static String generate(SecureRandom random) {
        return assemble(randomBase62(random, KEY_ID_LENGTH), randomBase62(random, SECRET_LENGTH));
    }

    /** A key from a chosen key id and secret (both base62, of the right lengths), with its checksum. */
    public static String assemble(String keyId, String secret) {
        if (keyId.length() != KEY_ID_LENGTH || !isBase62(keyId, 0, keyId.length())
                || secret.length() != SECRET_LENGTH || !isBase62(secret, 0, secret.length())) {
            throw new IllegalArgumentException("a key id is " + KEY_ID_LENGTH + " and a secret "
                    + SECRET_LENGTH + " base62 characters");
        }
        String body = PREFIX + keyId + "_" + secret;
        return body + checksum(body, body.length());
    }

    /**
     * The key's parts, or null when the text is not a well-formed key with a correct checksum. Cheap and
     * allocation-light: the gateway calls it for every request before any lookup.
     */
    public static ParsedApiKey parse(CharSequence text) {
        if (text == null || text.length() != LENGTH || !startsWithPrefix(text) || text.charAt(SEPARATOR) != '_'
                || !isBase62(text, KEY_ID_START, SEPARATOR) || !isBase62(text, SECRET_START, LENGTH)) {
            return null;
        }
        String expected = checksum(text, CHECKSUM_START);
        for (int i = 0; i < CHECKSUM_LENGTH; i++) {
            if (text.charAt(CHECKSUM_START + i) != expected.charAt(i)) {
                return null;
            }
        }
        String key = text.toString();
        return new ParsedApiKey(key.substring(KEY_ID_START, SEPARATOR), key.substring(SECRET_START, CHECKSUM_START),
                key.substring(LENGTH - 4));
    }

    /** How a key is shown after its one display: the public part and its last four characters. */
    public static String masked(String keyId, String lastFour) {
        return PREFIX + keyId + "_…" + lastFour;
    }

    private static boolean startsWithPrefix(CharSequence text) {
        for (int i = 0; i < PREFIX.length(); i++) {
            if (text.charAt(i) != PREFIX.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String checksum(CharSequence text, int end) {
        CRC32 crc = new CRC32();
        for (int i = 0; i < end; i++) {
            crc.update(text.charAt(i));
        }
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(digits);
    }

    private static boolean isBase62(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }

    private static String randomBase62(SecureRandom random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = BASE62.charAt(random.nextInt(BASE62.length()));
        }
        return new String(chars);
    }
}
