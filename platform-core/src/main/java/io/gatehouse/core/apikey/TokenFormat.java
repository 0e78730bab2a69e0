package io.gatehouse.core.apikey;

import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * The shape of Gatehouse's secrets (API keys, admin access tokens): {@code <prefix><id>_<secret><checksum>}.
 * <ul>
 * <li>a fixed prefix per kind of secret, so secret scanners can recognise leaked ones;</li>
 * <li>key id: 12 base62 characters, public, used to look the key up and to show it;</li>
 * <li>secret: 32 base62 characters (190 bits from {@link SecureRandom});</li>
 * <li>checksum: CRC32 of everything before it, 6 base62 characters, so a mistyped or made-up key is
 * rejected without any lookup.</li>
 * </ul>
 */
public final class TokenFormat {

    public static final int KEY_ID_LENGTH = 12;
    public static final int SECRET_LENGTH = 32;
    public static final int CHECKSUM_LENGTH = 6;

    /** What a parsed secret is turned into, so parsing allocates only the result. */
    @FunctionalInterface
    public interface Parts<T> {
        T of(String id, String secret, String lastFour);
    }

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final boolean[] BASE62_CHARS = new boolean[128];

    static {
        for (int i = 0; i < BASE62.length(); i++) {
            BASE62_CHARS[BASE62.charAt(i)] = true;
        }
    }
    private final String prefix;
    private final int length;
    private final int keyIdStart;
    private final int separator;
    private final int secretStart;
    private final int checksumStart;

    public TokenFormat(String prefix) {
        this.prefix = prefix;
        this.keyIdStart = prefix.length();
        this.separator = keyIdStart + KEY_ID_LENGTH;
        this.secretStart = separator + 1;
        this.checksumStart = secretStart + SECRET_LENGTH;
        this.length = checksumStart + CHECKSUM_LENGTH;
    }

    public String prefix() {
        return prefix;
    }

    public int length() {
        return length;
    }

    /** A new random key. */
    public String generate(SecureRandom random) {
        return assemble(randomBase62(random, KEY_ID_LENGTH), randomBase62(random, SECRET_LENGTH));
    }

    /** A key from a chosen key id and secret (both base62, of the right lengths), with its checksum. */
    public String assemble(String keyId, String secret) {
        if (keyId.length() != KEY_ID_LENGTH || !isBase62(keyId, 0, keyId.length())
                || secret.length() != SECRET_LENGTH || !isBase62(secret, 0, secret.length())) {
            throw new IllegalArgumentException("a key id is " + KEY_ID_LENGTH + " and a secret "
                    + SECRET_LENGTH + " base62 characters");
        }
        String body = prefix + keyId + "_" + secret;
        return body + checksum(body, body.length());
    }

    /**
     * The secret's parts, or null when the text is not well formed with a correct checksum. Cheap and
     * allocation-light: the gateway calls it for every request before any lookup.
     */
    public <T> T parse(CharSequence text, Parts<T> parts) {
        if (text == null || text.length() != length || !startsWithPrefix(text) || text.charAt(separator) != '_'
                || !isBase62(text, keyIdStart, separator) || !isBase62(text, secretStart, length)) {
            return null;
        }
        String expected = checksum(text, checksumStart);
        for (int i = 0; i < CHECKSUM_LENGTH; i++) {
            if (text.charAt(checksumStart + i) != expected.charAt(i)) {
                return null;
            }
        }
        String key = text.toString();
        return parts.of(key.substring(keyIdStart, separator), key.substring(secretStart, checksumStart),
                key.substring(length - 4));
    }

    /** How a secret is shown after its one display: the public part and its last four characters. */
    public String masked(String keyId, String lastFour) {
        return prefix + keyId + "_…" + lastFour;
    }

    private boolean startsWithPrefix(CharSequence text) {
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String checksum(CharSequence text, int end) {
        // The text is ASCII (checked before, or made here): its chars are its bytes, and CRC32 takes them in one call.
        byte[] bytes = new byte[end];
        for (int i = 0; i < end; i++) {
            bytes[i] = (byte) text.charAt(i);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, end);
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
            if (c >= BASE62_CHARS.length || !BASE62_CHARS[c]) {
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
