package io.gatehouse.gateway;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/**
 * A real upstream on 127.0.0.1 that answers with what it received (method, URI, query, selected headers) and counts
 * requests; {@code /slow} answers only when released, to make the gateway time out.
 */
final class EchoUpstream implements AutoCloseable {

    final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Undertow server;

    EchoUpstream() {
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(exchange -> {
            requests.incrementAndGet();
            if (exchange.getRequestPath().endsWith("/slow")) {
                exchange.dispatch(() -> {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.getResponseSender().send("late");
                });
                return;
            }
            StringBuilder echo = new StringBuilder();
            echo.append("method=").append(exchange.getRequestMethod()).append('\n');
            echo.append("uri=").append(exchange.getRequestURI()).append('\n');
            echo.append("query=").append(exchange.getQueryString()).append('\n');
            for (String header : new String[] {"X-API-Key", "X-Request-Id", "X-Gatehouse-Consumer-Id",
                    "X-Gatehouse-Application-Id"}) {
                echo.append(header.toLowerCase(Locale.ROOT)).append('=')
                        .append(exchange.getRequestHeaders().getFirst(HttpString.tryFromString(header))).append('\n');
            }
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
            exchange.getResponseSender().send(echo.toString());
        }).build();
        server.start();
    }

    String url(String basePath) {
        return "http://127.0.0.1:" + ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort()
                + basePath;
    }

    @Override
    public void close() {
        release.countDown();
        server.stop();
    }
}
