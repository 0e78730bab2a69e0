package io.gatehouse.gateway.policy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.function.BooleanSupplier;

import io.gatehouse.core.apikey.ApiKeyFormat;
import io.gatehouse.core.apikey.ApiKeyHasher;
import io.gatehouse.core.apikey.ParsedApiKey;
import io.gatehouse.gateway.snapshot.KeyEntry;
import io.gatehouse.gateway.snapshot.Route;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

/**
 * Finds the key in the header the Api's OpenAPI document declares (else the configured default header), or in
 * the configured query parameter; rejects a malformed key by its checksum before any lookup; then compares the
 * keyed hash in constant time. The key is removed from the request so it never reaches the upstream. A key the
 * snapshot does not know while the database cannot be reached may be a new one: it gets 503 rather than 401.
 */
public final class ApiKeyPolicy implements HttpHandler {

    private final ApiKeyHasher hasher;
    private final String defaultHeader;
    private final String queryParameter;
    private final HttpHandler next;
    private final BooleanSupplier configReachable;

    public ApiKeyPolicy(ApiKeyHasher hasher, String defaultHeader, String queryParameter,
            BooleanSupplier configReachable, HttpHandler next) {
        this.hasher = hasher;
        this.configReachable = configReachable;
        this.defaultHeader = defaultHeader;
        this.queryParameter = queryParameter == null || queryParameter.isBlank() ? null : queryParameter;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        GatewayExchange state = GatewayExchange.of(exchange);
        Route route = state.route;
        String header = route.apiKeyHeader() != null ? route.apiKeyHeader() : defaultHeader;
        state.keyHeader = header;
        HttpString headerName = HttpString.tryFromString(header);
        String presented = exchange.getRequestHeaders().getFirst(headerName);
        exchange.getRequestHeaders().remove(headerName);
        if (presented == null && queryParameter != null) {
            Deque<String> values = exchange.getQueryParameters().get(queryParameter);
            presented = values == null ? null : values.peekFirst();
            if (values != null) {
                exchange.getQueryParameters().remove(queryParameter);
                // The proxy forwards the raw query string: take the key out of it too.
                exchange.setQueryString(withoutParameter(exchange.getQueryString(), queryParameter));
            }
        }
        if (presented == null || presented.isEmpty()) {
            Problems.send(exchange, Failure.API_KEY_MISSING);
            return;
        }
        ParsedApiKey parsed = ApiKeyFormat.parse(presented);
        if (parsed == null) {
            Problems.send(exchange, Failure.API_KEY_INVALID);
            return;
        }
        KeyEntry key = state.snapshot.key(parsed.keyId());
        if (key == null && !configReachable.getAsBoolean()) {
            Problems.send(exchange, Failure.CONFIG_UNAVAILABLE);
            return;
        }
        if (key == null || !hasher.matches(parsed.secret(), key.secretHash())
                || !key.isUsableAt(System.currentTimeMillis())) {
            Problems.send(exchange, Failure.API_KEY_INVALID);
            return;
        }
        state.key = key;
        next.handleRequest(exchange);
    }

    static String withoutParameter(String query, String name) {
        StringBuilder kept = new StringBuilder(query.length());
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String pairName = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (!pair.isEmpty() && !pairName.equals(name)) {
                kept.append(kept.length() == 0 ? "" : "&").append(pair);
            }
        }
        return kept.toString();
    }
}
