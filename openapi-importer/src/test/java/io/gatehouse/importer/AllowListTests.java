package io.gatehouse.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowListTests {

    private final AllowList allowList = AllowList.parse(List.of("10.20.0.0/16", "192.168.7.9", "fd00:1::/32",
            "Docs.Internal.Example"));

    @Test
    void allowsAddressesInsideItsRangesAndNothingNextToThem() throws Exception {
        assertThat(allowList.allows("x", InetAddress.getByName("10.20.0.1"))).isTrue();
        assertThat(allowList.allows("x", InetAddress.getByName("10.20.255.255"))).isTrue();
        assertThat(allowList.allows("x", InetAddress.getByName("10.21.0.1"))).isFalse();
        assertThat(allowList.allows("x", InetAddress.getByName("192.168.7.9"))).isTrue();
        assertThat(allowList.allows("x", InetAddress.getByName("192.168.7.10"))).isFalse();
        assertThat(allowList.allows("x", InetAddress.getByName("fd00:1:ffff::1"))).isTrue();
        assertThat(allowList.allows("x", InetAddress.getByName("fd00:2::1"))).isFalse();
        assertThat(allowList.allows("x", InetAddress.getByName("127.0.0.1"))).isFalse();
    }

    @Test
    void allowsANamedHostWhateverItResolvesTo() throws Exception {
        assertThat(allowList.allows("docs.internal.example", InetAddress.getByName("10.9.9.9"))).isTrue();
        assertThat(allowList.allows("DOCS.internal.example", InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(allowList.allows("evil.internal.example", InetAddress.getByName("10.9.9.9"))).isFalse();
    }

    @Test
    void anEmptyListAllowsNothing() throws Exception {
        assertThat(AllowList.parse(List.of()).allows("localhost", InetAddress.getByName("127.0.0.1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "::1/129", "10.0.0.0/x", "exa mple", "docs.internal/8", "", "-bad-"})
    void refusesMalformedEntriesWhenThePolicyIsMade(String entry) {
        assertThatThrownBy(() -> FetchPolicy.DEFAULTS.allowing(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allow-list entry");
    }
}
