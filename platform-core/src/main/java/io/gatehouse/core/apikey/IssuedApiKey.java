package io.gatehouse.core.apikey;

/**
 * A freshly issued key with its plaintext: the one moment the full key exists outside the client. Show it once,
 * never store or log it; {@link #toString()} masks it.
 */
public record IssuedApiKey(String plaintext, ApiKey key) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + key.masked() + "]";
    }
}
