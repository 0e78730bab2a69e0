package io.gatehouse.importer;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Says whether an address is internal: anything a server inside a network can reach but a stranger on the internet
 * should not make it reach. IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by
 * the IPv4 address they carry.
 */
final class AddressCheck {

    private AddressCheck() {
    }

    /** What kind of internal address this is ("a loopback address"), or null when it is public. */
    static String internalKind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return address.getHostAddress().equals("169.254.169.254")
                    ? "the link-local address of cloud metadata services" : "a link-local address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            if (first == 0 || first >= 240 || (first == 192 && second == 0 && (b[2] & 0xFF) == 0)
                    || (first == 198 && (second & 0xFE) == 18)) {
                return "a reserved address";
            }
            if (first == 100 && (second & 0xC0) == 64) {
                return "a shared address of a carrier's network";
            }
            return null;
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return "a private address";
            }
            InetAddress carried = carriedIpv4(b);
            if (carried != null) {
                String kind = internalKind(carried);
                return kind == null ? null : kind + " (" + carried.getHostAddress() + " inside an IPv6 address)";
            }
        }
        return null;
    }

    /**
     * The IPv4 address a host written as numbers stands for, as browsers and C resolvers read it: 2130706433,
     * 0x7f000001, 0177.0.0.1 and 127.1 are all 127.0.0.1. Null when the host is not such a number.
     */
    static InetAddress numericIpv4(String host) {
        String[] parts = (host.endsWith(".") ? host.substring(0, host.length() - 1) : host).split("\\.", -1);
        if (parts.length == 0 || parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = number(parts[i]);
            if (values[i] < 0) {
                return null;
            }
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            return null;
        }
        address |= last;
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (address >>> 24), (byte) (address >>> 16),
                    (byte) (address >>> 8), (byte) address});
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** A decimal, 0x-hexadecimal or 0-octal number of at most 32 bits, or -1. */
    private static long number(String part) {
        String digits = part;
        int radix = 10;
        if (part.startsWith("0x") || part.startsWith("0X")) {
            digits = part.substring(2);
            radix = 16;
            if (digits.isEmpty()) {
                return 0;
            }
        } else if (part.length() > 1 && part.startsWith("0")) {
            digits = part.substring(1);
            radix = 8;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                return -1;
            }
        }
        if (digits.isEmpty() || digits.length() > 32) {
            return -1;
        }
        long value = Long.parseLong(digits, radix);
        return value > 0xFFFFFFFFL ? -1 : value;
    }

    /** The IPv4 address inside ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d or 2002:aabb:ccdd::, else null. */
    private static InetAddress carriedIpv4(byte[] b) {
        int from = -1;
        if (zeros(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
            from = 12;
        } else if (zeros(b, 0, 12)) {
            from = 12;
        } else if (b[0] == 0 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B
                && zeros(b, 4, 12)) {
            from = 12;
        } else if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) {
            from = 2;
        }
        if (from < 0) {
            return null;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]});
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
