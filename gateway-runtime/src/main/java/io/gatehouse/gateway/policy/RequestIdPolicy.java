package io.gatehouse.gateway.policy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

/** First in the chain: accepts a sane {@code X-Request-Id} or mints one, echoes it, and passes it upstream. */
public final class RequestIdPolicy implements HttpHandler {

    public static final HttpString HEADER = HttpString.tryFromString("X-Request-Id");
    private static final int MAX_LENGTH = 64;
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private final HttpHandler next;

    public RequestIdPolicy(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String offered = exchange.getRequestHeaders().getFirst(HEADER);
        String requestId = isSane(offered) ? offered : mint();
        GatewayExchange.of(exchange).requestId = requestId;
        exchange.getRequestHeaders().put(HEADER, requestId);
        exchange.getResponseHeaders().put(HEADER, requestId);
        next.handleRequest(exchange);
    }

    static boolean isSane(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** 128 random bits as 32 lower-case hex digits, written straight into the one string. */
    private static String mint() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] id = new byte[32];
        hex(id, 0, random.nextLong());
        hex(id, 16, random.nextLong());
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    private static void hex(byte[] into, int at, long bits) {
        for (int i = 15; i >= 0; i--) {
            into[at + i] = HEX_DIGITS[(int) (bits & 0xf)];
            bits >>>= 4;
        }
    }
}
