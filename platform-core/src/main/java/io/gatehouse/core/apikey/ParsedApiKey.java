package io.gatehouse.core.apikey;

/** A well-formed key split into its public key id, its secret and the last four characters shown for it. */
public record ParsedApiKey(String keyId, String secret, String lastFour) {

    @Override
    public String toString() {
        return "ParsedApiKey[" + ApiKeyFormat.masked(keyId, lastFour) + "]";
    }
}
