package io.gatehouse.core.apikey;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gatehouse.keys.*}: the pepper of the keyed key hash, the same secret on every component that issues or
 * checks keys (environment variable GATEHOUSE_KEYS_PEPPER), and how long before a rotated key stops working its
 * consumer is told ({@code expiry-notice}).
 */
@ConfigurationProperties("gatehouse.keys")
@Validated
public record ApiKeyProperties(
        @NotNull(message = "set gatehouse.keys.pepper (GATEHOUSE_KEYS_PEPPER) to a secret of at least 32 characters")
        @Size(min = ApiKeyHasher.MIN_PEPPER_LENGTH, message = "gatehouse.keys.pepper (GATEHOUSE_KEYS_PEPPER) must be at least 32 characters")
        String pepper,
        @DefaultValue("1h") @NotNull Duration expiryNotice) {

    @Override
    public String toString() {
        return "ApiKeyProperties[pepper=(hidden)]";
    }
}
