package io.gatehouse.portal;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gatehouse.portal.*}.
 *
 * @param gatewayUrl the gateway's address as consumers reach it, shown in docs and examples; Try it requests go
 *        there and nowhere else, so the portal must reach the gateway at this address too
 */
@ConfigurationProperties("gatehouse.portal")
@Validated
public record PortalProperties(@NotBlank String gatewayUrl) {
}
