package io.gatehouse.gateway.policy;

import io.gatehouse.gateway.snapshot.Route;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** Last in the chain: mock mode answers from examples; otherwise the request goes to the Api's upstreams. */
public final class UpstreamPolicy implements HttpHandler {

    private final HttpHandler mock;

    public UpstreamPolicy(HttpHandler mock) {
        this.mock = mock;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Route route = GatewayExchange.route(exchange);
        if (route.mockMode()) {
            mock.handleRequest(exchange);
            return;
        }
        // Proxying to upstream targets (Undertow's ProxyHandler with LoadBalancingProxyClient) is the next step
        // of the gateway; until then an Api that is not in mock mode is refused honestly with 502.
        Problems.send(exchange, Failure.UPSTREAM_UNAVAILABLE);
    }
}
