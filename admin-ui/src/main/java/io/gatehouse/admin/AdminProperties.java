package io.gatehouse.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gatehouse.admin.*}.
 *
 * @param demo seed demo content (accounts, APIs, plans, a subscription with a known key) into an empty database
 * @param bootstrapUsername with {@code bootstrapPassword}: the first admin account, created when none exists
 */
@ConfigurationProperties("gatehouse.admin")
public record AdminProperties(@DefaultValue("false") boolean demo, String bootstrapUsername, String bootstrapPassword) {

    @Override
    public String toString() {
        return "AdminProperties[demo=" + demo + ", bootstrapUsername=" + bootstrapUsername + "]";
    }
}
