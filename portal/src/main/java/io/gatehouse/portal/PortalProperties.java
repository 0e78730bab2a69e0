package io.gatehouse.portal;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gatehouse.portal.*}.
 *
 * @param gatewayUrl the gateway's address as consumers reach it, shown in docs and examples
 * @param tryItUrl where the portal itself sends Try it requests, and nowhere else: the gateway as the portal's own
 *        network reaches it (in docker-compose, the gateway's service name); empty: {@code gatewayUrl}
 */
@ConfigurationProperties("gatehouse.portal")
@Validated
public record PortalProperties(@NotBlank String gatewayUrl, String tryItUrl) {

    /** The gateway address Try it relays to. */
    public String tryItTarget() {
        return tryItUrl == null || tryItUrl.isBlank() ? gatewayUrl : tryItUrl;
    }
}
