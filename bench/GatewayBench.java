import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.gatehouse.core.apikey.ApiKeyFormat;
import io.gatehouse.core.apikey.ApiKeyHasher;
import io.gatehouse.core.apikey.ParsedApiKey;

/**
 * The helpers of bench/gateway.sh, run from source with platform-core on the class path:
 * <ul>
 * <li>{@code keys N}: N new API keys, made and hashed by platform-core's own ApiKeyFormat and ApiKeyHasher
 * (pepper from GATEHOUSE_KEYS_PEPPER), one "keyId secretHash lastFour plaintext" line each;</li>
 * <li>{@code rate URL KEYS RATE SECONDS WARMUP CONNECTIONS}: an open-loop load at a fixed rate, each request
 * rotating through the keys; latency is measured from the time the schedule says the request should have been
 * sent, so a stalled server is charged for the requests it held up (no coordinated omission);</li>
 * <li>{@code propagation ADMIN_URL TOKEN TRIALS_FILE GATEWAY_URL...}: for each "subscriptionId keyId plaintext"
 * line, approve through the admin REST API and poll every gateway every 10 ms until the key gets 200, then revoke
 * and poll until 401 (each change after a random pause of up to 500 ms, so that changes fall anywhere in the nodes'
 * poll cycles); prints the distributions.</li>
 * </ul>
 */
public final class GatewayBench {

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "keys" -> keys(Integer.parseInt(args[1]));
            case "rate" -> rate(URI.create(args[1]), Files.readAllLines(Path.of(args[2])), Double.parseDouble(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            case "propagation" -> propagation(args[1], args[2], Files.readAllLines(Path.of(args[3])),
                    Arrays.copyOfRange(args, 4, args.length));
            default -> {
                System.err.println("usage: keys N | rate URL KEYS RATE SECONDS WARMUP CONNECTIONS"
                        + " | propagation ADMIN_URL TOKEN TRIALS_FILE GATEWAY_URL...");
                System.exit(2);
            }
        }
    }

    static void keys(int count) {
        ApiKeyHasher hasher = new ApiKeyHasher(System.getenv("GATEHOUSE_KEYS_PEPPER"));
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String plaintext = ApiKeyFormat.generate(random);
            ParsedApiKey key = ApiKeyFormat.parse(plaintext);
            out.append(key.keyId()).append(' ').append(hasher.hashHex(key.secret())).append(' ')
                    .append(plaintext.substring(plaintext.length() - 4)).append(' ').append(plaintext).append('\n');
        }
        System.out.print(out);
    }

    // ---- fixed-rate load ---------------------------------------------------------------------------------------

    /** One keep-alive connection with at most one request in flight. */
    private static final class Connection {
        final SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocate(1 << 16);
        long intended;
        long sent;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }

    static void rate(URI uri, List<String> keys, double rate, int seconds, int warmup, int connections)
            throws IOException {
        String host = uri.getHost();
        int port = uri.getPort();
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[][] requests = keys.stream().filter(k -> !k.isBlank()).map(k -> ("GET " + path + " HTTP/1.1\r\nHost: "
                + host + ":" + port + "\r\nX-API-Key: " + k.trim() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII))
                .toArray(byte[][]::new);
        Selector selector = Selector.open();
        ArrayDeque<Connection> idle = new ArrayDeque<>();
        for (int i = 0; i < connections; i++) {
            idle.push(open(selector, host, port));
        }
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, (long) (rate * seconds * 1.05) + 1024);
        long[] corrected = new long[capacity];
        long[] service = new long[capacity];
        int recorded = 0;
        long scheduled = 0;
        long measuredSent = 0;
        long non2xx = 0;
        long failed = 0;
        int inFlight = 0;
        int maxBacklog = 0;
        while (true) {
            long now = System.nanoTime();
            long intended = start + scheduled * interval;
            while (intended < end && intended <= now && !idle.isEmpty()) {
                Connection c = idle.pop();
                c.intended = intended;
                c.sent = now;
                c.in.clear();
                ByteBuffer out = ByteBuffer.wrap(requests[(int) (scheduled % requests.length)]);
                while (out.hasRemaining()) {
                    c.channel.write(out);
                }
                inFlight++;
                scheduled++;
                if (intended >= measureFrom) {
                    measuredSent++;
                }
                intended = start + scheduled * interval;
            }
            if (intended <= now && intended < end) {
                maxBacklog = (int) Math.max(maxBacklog, (now - intended) / interval + 1);
            }
            if (now >= end && inFlight == 0 || now >= end + 5_000_000_000L) {
                failed += inFlight;
                break;
            }
            // Spin: the load generator has a core of its own, and sleeping would blur the schedule.
            if (selector.selectNow() == 0) {
                Thread.onSpinWait();
                continue;
            }
            var ready = selector.selectedKeys().iterator();
            while (ready.hasNext()) {
                SelectionKey key = ready.next();
                ready.remove();
                Connection c = (Connection) key.attachment();
                int read = c.channel.read(c.in);
                int status = read < 0 ? -1 : complete(c.in);
                if (status == 0) {
                    continue;
                }
                long done = System.nanoTime();
                inFlight--;
                if (status < 0) {
                    // Closed by the server: count the request as failed and replace the connection.
                    failed++;
                    key.cancel();
                    c.channel.close();
                    idle.push(open(selector, host, port));
                    continue;
                }
                if (status < 200 || status > 299) {
                    non2xx++;
                }
                if (c.intended >= measureFrom && recorded < capacity) {
                    corrected[recorded] = done - c.intended;
                    service[recorded] = done - c.sent;
                    recorded++;
                }
                idle.push(c);
            }
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        Arrays.sort(corrected, 0, recorded);
        Arrays.sort(service, 0, recorded);
        System.out.printf(Locale.ROOT, "target_rate %.0f%nsent %d%ncompleted %d%nachieved_rate %.0f%nnon2xx %d%n"
                + "failed %d%nmax_backlog %d%n", rate, measuredSent, recorded, recorded / (double) seconds, non2xx,
                failed, maxBacklog);
        for (double p : new double[] {50, 90, 99, 99.9, 100}) {
            System.out.printf(Locale.ROOT, "p%s_ms %.3f%nservice_p%s_ms %.3f%n", label(p),
                    percentile(corrected, recorded, p) / 1e6, label(p), percentile(service, recorded, p) / 1e6);
        }
    }

    private static Connection open(Selector selector, String host, int port) throws IOException {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress(host, port));
        channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        Connection c = new Connection(channel);
        channel.register(selector, SelectionKey.OP_READ, c);
        return c;
    }

    /** The status code once a whole response is in the buffer, 0 while it is not. Allocates nothing. */
    static int complete(ByteBuffer in) {
        byte[] b = in.array();
        int length = in.position();
        int headerEnd = indexOf(b, length, "\r\n\r\n", 0);
        if (headerEnd < 0) {
            return 0;
        }
        int status = (b[9] - '0') * 100 + (b[10] - '0') * 10 + (b[11] - '0');
        int bodyStart = headerEnd + 4;
        int cl = indexOfIgnoreCase(b, headerEnd, "\ncontent-length:");
        if (cl >= 0) {
            int contentLength = 0;
            for (int i = cl + 16; i < headerEnd && b[i] != '\r'; i++) {
                if (b[i] >= '0' && b[i] <= '9') {
                    contentLength = contentLength * 10 + (b[i] - '0');
                }
            }
            return length >= bodyStart + contentLength ? status : 0;
        }
        if (indexOfIgnoreCase(b, headerEnd, "\ntransfer-encoding: chunked") >= 0) {
            return length >= bodyStart + 5 && indexOf(b, length, "0\r\n\r\n", length - 5) >= 0 ? status : 0;
        }
        return status;
    }

    private static int indexOfIgnoreCase(byte[] b, int length, String lowerCaseNeedle) {
        outer:
        for (int i = 0; i <= length - lowerCaseNeedle.length(); i++) {
            for (int j = 0; j < lowerCaseNeedle.length(); j++) {
                int c = b[i + j];
                if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != lowerCaseNeedle.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int indexOf(byte[] b, int length, String needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= length - needle.length(); i++) {
            for (int j = 0; j < needle.length(); j++) {
                if (b[i + j] != needle.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static long percentile(long[] sorted, int count, double p) {
        if (count == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))];
    }

    private static String label(double p) {
        return p == 100 ? "100" : p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p).replace('.', '_');
    }

    // ---- propagation ---------------------------------------------------------------------------------------------

    static void propagation(String admin, String token, List<String> trials, String[] gateways) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        int nodes = gateways.length;
        List<long[]> approve = new ArrayList<>();
        List<long[]> revoke = new ArrayList<>();
        List<Long> approveAnswered = new ArrayList<>();
        List<Long> revokeAnswered = new ArrayList<>();
        int n = 0;
        Random random = new Random();
        for (String line : trials) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            String subscriptionId = f[0];
            String keyId = f[1];
            String plaintext = f[2];
            n++;
            // Back to back, every change would land just after the nodes' last poll: start at a random point instead.
            Thread.sleep(random.nextInt(500));
            approve.add(change(http, admin + "/subscriptions/" + subscriptionId + "/approve", token, gateways,
                    plaintext, 200, approveAnswered));
            Thread.sleep(random.nextInt(500));
            revoke.add(change(http, admin + "/keys/" + keyId + "/revoke", token, gateways, plaintext, 401,
                    revokeAnswered));
            System.err.printf(Locale.ROOT, "trial %d: approve %s ms, revoke %s ms%n", n,
                    Arrays.toString(approve.get(n - 1)), Arrays.toString(revoke.get(n - 1)));
        }
        System.out.printf("%-36s %6s %6s %6s %6s %6s %6s %8s%n", "change (ms from the admin request)", "trials",
                "min", "p50", "p90", "p99", "max", "over_1s");
        print("approve: admin API answered", approveAnswered.stream().mapToLong(Long::longValue).toArray(), n);
        print("approve -> 200, each node", flatten(approve), n * nodes);
        print("approve -> 200, all nodes", maxPerTrial(approve), n);
        print("revoke: admin API answered", revokeAnswered.stream().mapToLong(Long::longValue).toArray(), n);
        print("revoke -> 401, each node", flatten(revoke), n * nodes);
        print("revoke -> 401, all nodes", maxPerTrial(revoke), n);
    }

    /**
     * Makes the change and returns, per gateway, the milliseconds from just before the admin request until that
     * gateway first answered with the expected status (polled every 10 ms; -1 when it did not within 5 s); adds how
     * long the admin request itself took to {@code answered}.
     */
    private static long[] change(HttpClient http, String url, String token, String[] gateways, String key,
            int expected, List<Long> answered) throws Exception {
        long[] elapsed = new long[gateways.length];
        Arrays.fill(elapsed, -1);
        long t0 = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        answered.add((System.nanoTime() - t0) / 1_000_000);
        int pending = gateways.length;
        for (int poll = 0; pending > 0 && poll < 500; poll++) {
            long due = t0 + poll * 10_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            for (int g = 0; g < gateways.length; g++) {
                if (elapsed[g] >= 0) {
                    continue;
                }
                int status = http.send(HttpRequest.newBuilder(URI.create(gateways[g])).timeout(Duration.ofSeconds(2))
                        .header("X-API-Key", key).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == expected) {
                    elapsed[g] = (System.nanoTime() - t0) / 1_000_000;
                    pending--;
                }
            }
        }
        return elapsed;
    }

    private static long[] flatten(List<long[]> trials) {
        return trials.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private static long[] maxPerTrial(List<long[]> trials) {
        return trials.stream().mapToLong(t -> Arrays.stream(t).anyMatch(v -> v < 0) ? -1
                : Arrays.stream(t).max().orElse(-1)).toArray();
    }

    private static void print(String label, long[] values, int count) {
        long missing = Arrays.stream(values).filter(v -> v < 0).count();
        long[] sorted = Arrays.stream(values).map(v -> v < 0 ? Long.MAX_VALUE : v).sorted().toArray();
        long over = Arrays.stream(values).filter(v -> v < 0 || v > 1000).count();
        System.out.printf("%-36s %6d %6s %6s %6s %6s %6s %8d%n", label, count, ms(sorted, 0), ms(sorted, 50),
                ms(sorted, 90), ms(sorted, 99), ms(sorted, 100), over);
        if (missing > 0) {
            System.out.printf("  %d never changed within 5 s%n", missing);
        }
    }

    private static String ms(long[] sorted, double p) {
        long v = p == 0 ? sorted[0] : percentile(sorted, sorted.length, p);
        return v == Long.MAX_VALUE ? ">5000" : String.valueOf(v);
    }
}
