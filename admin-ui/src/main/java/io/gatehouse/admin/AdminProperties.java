package io.gatehouse.admin;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gatehouse.admin.*}.
 *
 * @param demo seed demo content (accounts, APIs, plans, a subscription with a known key) into an empty database
 * @param bootstrapUsername with {@code bootstrapPassword}: the first admin account, created when none exists
 * @param importAllowList networks (CIDR), addresses or host names that import by URL may reach although they are
 *        internal (loopback, private, link-local): for documents served on-premise. Empty: public addresses only.
 */
@ConfigurationProperties("gatehouse.admin")
public record AdminProperties(@DefaultValue("false") boolean demo, String bootstrapUsername, String bootstrapPassword,
        @DefaultValue("") List<String> importAllowList) {

    public AdminProperties {
        importAllowList = importAllowList.stream().map(String::trim).filter(entry -> !entry.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "AdminProperties[demo=" + demo + ", bootstrapUsername=" + bootstrapUsername + ", importAllowList="
                + importAllowList + "]";
    }
}
