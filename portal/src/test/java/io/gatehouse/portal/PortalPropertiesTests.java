package io.gatehouse.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortalPropertiesTests {

    @Test
    void tryItGoesToTheInternalGatewayAddressWhenOneIsSetElseToThePublicOne() {
        assertThat(new PortalProperties("http://localhost:8000", "http://gateway-1:8000").tryItTarget())
                .isEqualTo("http://gateway-1:8000");
        assertThat(new PortalProperties("http://localhost:8000", "").tryItTarget()).isEqualTo("http://localhost:8000");
        assertThat(new PortalProperties("http://localhost:8000", null).tryItTarget()).isEqualTo("http://localhost:8000");
    }
}
