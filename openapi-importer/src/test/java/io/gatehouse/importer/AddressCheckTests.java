package io.gatehouse.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which addresses a document may not be fetched from; every address here is a literal, nothing is looked up. */
class AddressCheckTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1          | a loopback address
            127.255.0.9        | a loopback address
            ::1                | a loopback address
            10.0.0.1           | a private address
            172.16.0.1         | a private address
            172.31.255.255     | a private address
            192.168.1.1        | a private address
            fc00::1            | a private address
            fd12:3456::1       | a private address
            169.254.169.254    | the link-local address of cloud metadata services
            169.254.1.1        | a link-local address
            fe80::1            | a link-local address
            0.0.0.0            | the unspecified address
            ::                 | the unspecified address
            224.0.0.1          | a multicast address
            ff02::1            | a multicast address
            0.1.2.3            | a reserved address
            240.0.0.1          | a reserved address
            255.255.255.255    | a reserved address
            198.18.0.1         | a reserved address
            100.64.0.1         | a shared address of a carrier's network
            ::ffff:127.0.0.1   | a loopback address
            ::ffff:10.1.2.3    | a private address
            ::ffff:169.254.169.254 | the link-local address of cloud metadata services
            ::127.0.0.1        | a loopback address (127.0.0.1 inside an IPv6 address)
            64:ff9b::a00:1     | a private address (10.0.0.1 inside an IPv6 address)
            2002:7f00:1::1     | a loopback address (127.0.0.1 inside an IPv6 address)
            2002:a9fe:a9fe::   | the link-local address of cloud metadata services (169.254.169.254 inside an IPv6 address)
            """)
    void refusesInternalAddresses(String address, String kind) throws Exception {
        assertThat(AddressCheck.internalKind(InetAddress.getByName(address))).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "1.1.1.1", "2606:4700:4700::1111",
            "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8", "64:ff9b::808:808"})
    void acceptsPublicAddresses(String address) throws Exception {
        assertThat(AddressCheck.internalKind(InetAddress.getByName(address))).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2130706433     | 127.0.0.1
            0x7f000001     | 127.0.0.1
            0X7F000001     | 127.0.0.1
            0177.0.0.1     | 127.0.0.1
            0x7f.1         | 127.0.0.1
            127.1          | 127.0.0.1
            127.0.1        | 127.0.0.1
            10.0.0.1       | 10.0.0.1
            2852039166     | 169.254.169.254
            0xa9.0xfe.0xa9.0xfe | 169.254.169.254
            """)
    void readsHostsWrittenAsNumbersAsTheAddressesTheyStandFor(String host, String address) {
        assertThat(AddressCheck.numericIpv4(host).getHostAddress()).isEqualTo(address);
    }

    @ParameterizedTest
    @CsvSource({"example.com", "1.2.3.4.5", "256.1.1.1", "4294967296", "08.1.1.1", "0x", "1..2", "docs.internal",
            "0x7f000001.example.com"})
    void leavesHostNamesToTheResolver(String host) {
        if (host.equals("0x")) {
            // "0x" alone is zero in the browsers' reading, and so here.
            assertThat(AddressCheck.numericIpv4(host).getHostAddress()).isEqualTo("0.0.0.0");
            return;
        }
        assertThat(AddressCheck.numericIpv4(host)).isNull();
    }
}
