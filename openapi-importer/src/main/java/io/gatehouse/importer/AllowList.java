package io.gatehouse.importer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The internal addresses and host names an administrator allows documents to be fetched from. */
final class AllowList {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private final List<Range> ranges;
    private final Set<String> hostNames;

    private AllowList(List<Range> ranges, Set<String> hostNames) {
        this.ranges = ranges;
        this.hostNames = hostNames;
    }

    static AllowList parse(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        Set<String> hostNames = new HashSet<>();
        for (String raw : entries) {
            String entry = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            int slash = entry.indexOf('/');
            String addressPart = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress address = literal(addressPart);
            if (address == null) {
                if (slash >= 0 || !HOST_NAME.matcher(entry).matches()) {
                    throw new IllegalArgumentException("The allow-list entry '" + raw
                            + "' is neither an address range such as 10.0.0.0/8 nor a host name.");
                }
                hostNames.add(entry);
                continue;
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("The allow-list entry '" + raw + "' has a prefix length"
                            + " outside 0 to " + bits + ".");
                }
            }
            ranges.add(new Range(address.getAddress(), prefix));
        }
        return new AllowList(List.copyOf(ranges), Set.copyOf(hostNames));
    }

    boolean allows(String host, InetAddress address) {
        if (hostNames.contains(host.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return ranges.stream().anyMatch(range -> range.contains(address.getAddress()));
    }

    /** An IP address written out, or null for anything else; never a name lookup. */
    static InetAddress literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IPV4.matcher(bare).matches() && !bare.contains(":")) {
            return null;
        }
        try {
            // A dotted quad or a text with a colon is parsed as a literal by InetAddress, without any lookup.
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
