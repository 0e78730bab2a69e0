package io.gatehouse.gateway;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.xnio.IoUtils;

import io.undertow.Undertow;
import io.undertow.util.Headers;

/**
 * A real upstream on 127.0.0.1 whose behaviour a test switches while it runs: answer, answer late (without blocking
 * a thread), drop the connection after reading the request, or be stopped and started again on the same port.
 * Counts every request that reached it, by method.
 */
final class ScriptedUpstream implements AutoCloseable {

    enum Mode {
        ANSWER, DELAY, DROP
    }

    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger posts = new AtomicInteger();
    final AtomicInteger gets = new AtomicInteger();
    volatile Mode mode = Mode.ANSWER;
    volatile long delayMillis = 1000;
    private final int port;
    private Undertow server;

    ScriptedUpstream() {
        server = start(0);
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Closes the port: connections are refused until {@link #restart()}. */
    synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    synchronized void restart() {
        if (server == null) {
            server = start(port);
        }
    }

    private Undertow start(int onPort) {
        Undertow undertow = Undertow.builder().setIoThreads(1).addHttpListener(onPort, "127.0.0.1")
                .setHandler(exchange -> {
                    requests.incrementAndGet();
                    if (exchange.getRequestMethod().equalToString("POST")) {
                        posts.incrementAndGet();
                    } else if (exchange.getRequestMethod().equalToString("GET")) {
                        gets.incrementAndGet();
                    }
                    switch (mode) {
                        case DROP -> IoUtils.safeClose(exchange.getConnection());
                        case DELAY -> {
                            exchange.dispatch();
                            exchange.getIoThread().executeAfter(() -> {
                                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                                exchange.getResponseSender().send("late");
                            }, delayMillis, TimeUnit.MILLISECONDS);
                        }
                        default -> {
                            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                            exchange.getResponseSender().send("ok " + exchange.getRequestPath());
                        }
                    }
                }).build();
        undertow.start();
        return undertow;
    }

    @Override
    public void close() {
        stop();
    }
}
