package io.gatehouse.gateway.policy;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/** The one place that turns a {@link Failure} into an RFC 9457 {@code application/problem+json} response. */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final HttpString WWW_AUTHENTICATE = Headers.WWW_AUTHENTICATE;

    private Problems() {
    }

    /** Ends the exchange with the failure; the request id is in the body as well as in X-Request-Id. */
    public static void send(HttpServerExchange exchange, Failure failure) {
        GatewayExchange state = GatewayExchange.of(exchange);
        state.failure = failure;
        if (failure.status() == 401) {
            exchange.getResponseHeaders().put(WWW_AUTHENTICATE,
                    "ApiKey realm=\"gatehouse\", header=\"" + state.keyHeader() + "\"");
        }
        if (failure == Failure.CONFIG_UNAVAILABLE) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
        }
        exchange.setStatusCode(failure.status());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
        exchange.getResponseSender().send(body(failure, exchange.getRequestPath(), state.requestId));
    }

    static String body(Failure failure, String instance, String requestId) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"type\":\"").append(failure.type())
                .append("\",\"title\":\"").append(failure.title())
                .append("\",\"status\":").append(failure.status())
                .append(",\"detail\":\"").append(failure.detail())
                .append("\",\"instance\":");
        quote(json, instance);
        json.append(",\"requestId\":");
        quote(json, requestId);
        return json.append('}').toString();
    }

    private static void quote(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
