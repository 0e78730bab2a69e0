package io.gatehouse.core.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeyHasherTests {

    private static final String PEPPER = "p".repeat(32);

    @Test
    void theHashIsAKeyedSha256OfTheSecret() {
        ApiKeyHasher hasher = new ApiKeyHasher(PEPPER);
        String hash = hasher.hashHex("secret");
        assertThat(hash).hasSize(64).isEqualTo(hasher.hashHex("secret")).isNotEqualTo(hasher.hashHex("secreT"));
        assertThat(new ApiKeyHasher("q".repeat(32)).hashHex("secret")).isNotEqualTo(hash);
    }

    @Test
    void matchesComparesAgainstTheStoredHash() {
        ApiKeyHasher hasher = new ApiKeyHasher(PEPPER);
        byte[] stored = ApiKeyHasher.fromHex(hasher.hashHex("secret"));
        assertThat(hasher.matches("secret", stored)).isTrue();
        assertThat(hasher.matches("other", stored)).isFalse();
    }

    @Test
    void aShortPepperIsRefused() {
        assertThatThrownBy(() -> new ApiKeyHasher("too short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiKeyHasher(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
