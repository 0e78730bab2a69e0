package io.gatehouse.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

import io.gatehouse.core.apikey.ApiKeyHasher;
import io.gatehouse.gateway.analytics.AnalyticsPipeline;
import io.gatehouse.gateway.management.ManagementHandler;
import io.gatehouse.gateway.policy.ApiKeyPolicy;
import io.gatehouse.gateway.limit.Counters;
import io.gatehouse.gateway.policy.GatewayExchange;
import io.gatehouse.gateway.policy.LimitPolicy;
import io.gatehouse.gateway.policy.MockPolicy;
import io.gatehouse.gateway.policy.RequestIdPolicy;
import io.gatehouse.gateway.policy.RoutePolicy;
import io.gatehouse.gateway.policy.SubscriptionPolicy;
import io.gatehouse.gateway.policy.UpstreamPolicy;
import io.gatehouse.gateway.snapshot.SnapshotStore;
import io.gatehouse.gateway.upstream.UpstreamCall;
import io.gatehouse.gateway.upstream.UpstreamClient;
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
    private final Counters counters;
    private Undertow undertow;
    private Undertow management;
    private XnioWorker worker;
    private GracefulShutdownHandler graceful;
    private int port;
    private int managementPort;

    GatewayServer(GatewayProperties properties, SnapshotStore snapshots, ApiKeyHasher hasher, GatewayMetrics metrics,
            PrometheusMeterRegistry prometheus, AnalyticsPipeline analytics, Counters counters) {
        this.properties = properties;
        this.snapshots = snapshots;
        this.hasher = hasher;
        this.metrics = metrics;
        this.prometheus = prometheus;
        this.analytics = analytics;
        this.counters = counters;
    }

    HttpHandler chain() {
        HttpHandler upstream = new UpstreamPolicy(new MockPolicy(),
                new UpstreamPolicy.Timeouts((int) properties.upstreamConnectTimeout().toMillis(),
                        (int) properties.upstreamTimeout().toMillis()),
                properties.upstreamConnectionsPerThread(),
                new UpstreamClient.CircuitSettings(properties.circuitFailureThreshold(),
                        properties.circuitFailureWindow(), properties.circuitOpenDuration()),
                metrics);
        HttpHandler limits = new LimitPolicy(counters, upstream);
        HttpHandler subscription = new SubscriptionPolicy(limits);
        HttpHandler apiKey = new ApiKeyPolicy(hasher, properties.apiKeyHeader(), properties.apiKeyQueryParameter(),
                snapshots::isDatabaseReachable, subscription);
        HttpHandler route = new RoutePolicy(snapshots, apiKey);
        HttpHandler requestId = new RequestIdPolicy(route);
        return exchange -> {
            GatewayExchange state = GatewayExchange.begin(exchange, System.nanoTime());
            exchange.addExchangeCompleteListener((done, nextListener) -> {
                long ended = System.nanoTime();
                UpstreamCall call = UpstreamCall.of(done);
                metrics.record(state.failure());
                metrics.record(state.route(), done.getStatusCode(), ended - state.startedNanos(),
                        call == null ? -1 : ended - call.startedNanos());
                analytics.offer(state.event(done));
                nextListener.proceed();
            });
            requestId.handleRequest(exchange);
        };
    }

    @Override
    public void start() {
        graceful = new GracefulShutdownHandler(chain());
        // One worker under both ports, owned here: closing the traffic port then leaves its open exchanges running.
        try {
            worker = Xnio.getInstance(Undertow.class.getClassLoader()).createWorker(OptionMap.builder()
                    .set(Options.WORKER_NAME, "gateway")
                    .set(Options.WORKER_IO_THREADS, properties.ioThreads())
                    .set(Options.WORKER_TASK_CORE_THREADS, properties.ioThreads() * 8)
                    .set(Options.WORKER_TASK_MAX_THREADS, properties.ioThreads() * 8)
                    .set(Options.CONNECTION_HIGH_WATER, 1_000_000).set(Options.CONNECTION_LOW_WATER, 1_000_000)
                    .set(Options.TCP_NODELAY, true).set(Options.CORK, true).getMap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        undertow = Undertow.builder().setWorker(worker)
                .addListener(new Undertow.ListenerBuilder().setType(Undertow.ListenerType.HTTP)
                        .setHost(properties.host()).setPort(properties.port()).setRootHandler(graceful))
                .build();
        management = Undertow.builder().setWorker(worker)
                .addListener(new Undertow.ListenerBuilder().setType(Undertow.ListenerType.HTTP)
                        .setHost(properties.host()).setPort(properties.managementPort())
                        .setRootHandler(new ManagementHandler(snapshots, prometheus, counters)))
                .build();
        undertow.start();
        management.start();
        port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        managementPort = ((InetSocketAddress) management.getListenerInfo().get(0).getAddress()).getPort();
        log.info("Gatehouse gateway listening on {}:{} (management on port {})", properties.host(), port,
                managementPort);
    }

    /**
     * Closes the traffic port (new connections are refused; a request on a kept-alive connection gets 503), lets
     * in-flight requests finish within the grace period, then closes the rest. The analytics pipeline stops after
     * this (a lower phase) and writes their events.
     */
    @Override
    public void stop() {
        if (undertow == null) {
            return;
        }
        graceful.shutdown();
        undertow.stop();
        try {
            if (!graceful.awaitShutdown(properties.shutdownGracePeriod().toMillis())) {
                log.warn("requests still running after the shutdown grace period of {}; closing them",
                        properties.shutdownGracePeriod());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        management.stop();
        worker.shutdownNow();
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
