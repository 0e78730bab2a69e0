package io.gatehouse.core.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTests {

    private static final String KEY = ApiKeyFormat.assemble("AbCdEf012345", "s".repeat(16) + "T".repeat(16));

    @Test
    void generatedKeysHaveThePrefixTheLengthAndAValidChecksum() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String key = ApiKeyFormat.generate(random);
            assertThat(key).startsWith("gth_").hasSize(ApiKeyFormat.LENGTH);
            ParsedApiKey parsed = ApiKeyFormat.parse(key);
            assertThat(parsed).isNotNull();
            assertThat(key).isEqualTo("gth_" + parsed.keyId() + "_" + parsed.secret() + key.substring(key.length() - 6));
            assertThat(parsed.lastFour()).isEqualTo(key.substring(key.length() - 4));
            seen.add(key);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void aSingleChangedCharacterAnywhereIsCaughtByTheChecksumOrTheShape() {
        for (int i = 0; i < KEY.length(); i++) {
            char original = KEY.charAt(i);
            char replacement = original == 'a' ? 'b' : 'a';
            String tampered = KEY.substring(0, i) + replacement + KEY.substring(i + 1);
            assertThat(ApiKeyFormat.parse(tampered)).as("changed at %d: %s", i, tampered).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "gth_", "ghp_AbCdEf012345_ssssssssssssssssTTTTTTTTTTTTTTTT000000", "not a key at all"})
    void malformedTextIsNotAKey(String text) {
        assertThat(ApiKeyFormat.parse(text)).isNull();
    }

    @Test
    void nullAndTruncatedOrExtendedKeysAreNotKeys() {
        assertThat(ApiKeyFormat.parse(null)).isNull();
        assertThat(ApiKeyFormat.parse(KEY.substring(0, KEY.length() - 1))).isNull();
        assertThat(ApiKeyFormat.parse(KEY + "x")).isNull();
        assertThat(ApiKeyFormat.parse(KEY)).isNotNull();
    }

    @Test
    void assembleRefusesPartsThatAreNotBase62OfTheRightLength() {
        assertThatThrownBy(() -> ApiKeyFormat.assemble("short", "s".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiKeyFormat.assemble("AbCdEf01234-", "s".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMaskedFormShowsTheKeyIdAndTheLastFourOnly() {
        ParsedApiKey parsed = ApiKeyFormat.parse(KEY);
        assertThat(ApiKeyFormat.masked(parsed.keyId(), parsed.lastFour()))
                .isEqualTo("gth_AbCdEf012345_…" + KEY.substring(KEY.length() - 4))
                .doesNotContain(parsed.secret());
        assertThat(parsed.toString()).doesNotContain(parsed.secret());
    }
}
