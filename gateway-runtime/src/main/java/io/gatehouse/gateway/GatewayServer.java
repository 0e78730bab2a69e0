package io.gatehouse.gateway;

import java.net.InetSocketAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.gatehouse.core.apikey.ApiKeyHasher;
import io.gatehouse.gateway.analytics.AnalyticsPipeline;
import io.gatehouse.gateway.management.ManagementHandler;
import io.gatehouse.gateway.policy.ApiKeyPolicy;
import io.gatehouse.gateway.limit.LocalCounters;
import io.gatehouse.gateway.policy.GatewayExchange;
import io.gatehouse.gateway.policy.LimitPolicy;
import io.gatehouse.gateway.policy.MockPolicy;
import io.gatehouse.gateway.policy.RequestIdPolicy;
import io.gatehouse.gateway.policy.RoutePolicy;
import io.gatehouse.gateway.policy.SubscriptionPolicy;
import io.gatehouse.gateway.policy.UpstreamPolicy;
import io.gatehouse.gateway.snapshot.SnapshotStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;

/**
 * The data plane and the management port on one Undertow. The policy chain, in its fixed order:
 * request id -> route -> API key -> subscription -> rate limit and quota -> mock or upstream (Undertow's proxy);
 * when the exchange completes, whatever its outcome, an analytics event goes to a bounded queue. Each step either ends the exchange with a
 * problem response or calls the next.
 */
@Component
public class GatewayServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);

    private final GatewayProperties properties;
    private final SnapshotStore snapshots;
    private final ApiKeyHasher hasher;
    private final GatewayMetrics metrics;
    private final PrometheusMeterRegistry prometheus;
    private final AnalyticsPipeline analytics;
    private Undertow undertow;
    private GracefulShutdownHandler graceful;
    private int port;
    private int managementPort;

    GatewayServer(GatewayProperties properties, SnapshotStore snapshots, ApiKeyHasher hasher, GatewayMetrics metrics,
            PrometheusMeterRegistry prometheus, AnalyticsPipeline analytics) {
        this.properties = properties;
        this.snapshots = snapshots;
        this.hasher = hasher;
        this.metrics = metrics;
        this.prometheus = prometheus;
        this.analytics = analytics;
    }

    HttpHandler chain() {
        HttpHandler upstream = new UpstreamPolicy(new MockPolicy(), (int) properties.upstreamTimeout().toMillis(),
                properties.upstreamConnectionsPerThread());
        HttpHandler limits = new LimitPolicy(new LocalCounters(), upstream);
        HttpHandler subscription = new SubscriptionPolicy(limits);
        HttpHandler apiKey = new ApiKeyPolicy(hasher, properties.apiKeyHeader(), properties.apiKeyQueryParameter(),
                subscription);
        HttpHandler route = new RoutePolicy(snapshots, apiKey);
        HttpHandler requestId = new RequestIdPolicy(route);
        return exchange -> {
            long started = System.nanoTime();
            exchange.addExchangeCompleteListener((done, nextListener) -> {
                metrics.record(GatewayExchange.failure(done));
                analytics.offer(GatewayExchange.event(done, started));
                nextListener.proceed();
            });
            requestId.handleRequest(exchange);
        };
    }

    @Override
    public void start() {
        graceful = new GracefulShutdownHandler(chain());
        undertow = Undertow.builder()
                .setIoThreads(properties.ioThreads())
                .addListener(new Undertow.ListenerBuilder().setType(Undertow.ListenerType.HTTP)
                        .setHost(properties.host()).setPort(properties.port()).setRootHandler(graceful))
                .addListener(new Undertow.ListenerBuilder().setType(Undertow.ListenerType.HTTP)
                        .setHost(properties.host()).setPort(properties.managementPort())
                        .setRootHandler(new ManagementHandler(snapshots, prometheus)))
                .build();
        undertow.start();
        port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        managementPort = ((InetSocketAddress) undertow.getListenerInfo().get(1).getAddress()).getPort();
        log.info("Gatehouse gateway listening on {}:{} (management on port {})", properties.host(), port,
                managementPort);
    }

    /** Stops taking requests, lets in-flight ones finish within the grace period, then closes. */
    @Override
    public void stop() {
        if (undertow == null) {
            return;
        }
        graceful.shutdown();
        try {
            graceful.awaitShutdown(properties.shutdownGracePeriod().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        undertow.stop();
        undertow = null;
    }

    @Override
    public boolean isRunning() {
        return undertow != null;
    }

    /** After the snapshot store has started, before it stops. */
    @Override
    public int getPhase() {
        return 100;
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

}
