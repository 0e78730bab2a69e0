package io.gatehouse.gateway.policy;

import io.gatehouse.core.catalog.MockResponse;
import io.gatehouse.gateway.mock.MockOperation;
import io.gatehouse.gateway.mock.MockSelection;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/** Answers for an Api in mock mode from the examples in its OpenAPI document, with no upstream involved. */
public final class MockPolicy implements HttpHandler {

    private static final HttpString PREFER = HttpString.tryFromString("Prefer");

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        MockOperation operation = GatewayExchange.of(exchange).matchOperation(exchange);
        if (operation == null) {
            Problems.send(exchange, Failure.OPERATION_NOT_FOUND);
            return;
        }
        MockResponse response = MockSelection.response(operation.responses(),
                exchange.getRequestHeaders().getFirst(Headers.ACCEPT), exchange.getRequestHeaders().getFirst(PREFER));
        if (response == null) {
            exchange.setStatusCode(200);
            exchange.endExchange();
            return;
        }
        exchange.setStatusCode(response.status());
        if (response.contentType() != null) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, response.contentType());
        }
        if (response.body() == null) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(response.body());
        }
    }
}
