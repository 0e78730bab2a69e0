package io.gatehouse.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.gatehouse.gateway.policy.Failure;
import io.gatehouse.gateway.policy.UpstreamPolicy;
import io.gatehouse.gateway.snapshot.Route;
import io.gatehouse.gateway.snapshot.SnapshotStore;
import io.gatehouse.gateway.upstream.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Gateway meters, registered once so the request path only increments pre-built counters. Per-Api meters are built
 * on an Api's first request and found again by its context path: labels are the context path and the status class,
 * latency buckets are fixed, so the series stay bounded by the number of Apis.
 */
@Component
public class GatewayMetrics implements UpstreamPolicy.CircuitObserver {

    static final String NO_API = "none";
    private static final Duration[] UPSTREAM_BUCKETS = millis(1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000,
            30000);
    private static final Duration[] GATEWAY_BUCKETS = {Duration.ofNanos(100_000), Duration.ofNanos(250_000),
        Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(100)};

    private final Counter passed;
    private final Map<Failure, Counter> refused = new EnumMap<>(Failure.class);
    private final MeterRegistry registry;
    private final Timer gatewayLatency;
    private final Map<String, ApiMeters> apis = new ConcurrentHashMap<>();
    private final Map<String, List<Meter>> circuitGauges = new ConcurrentHashMap<>();

    GatewayMetrics(MeterRegistry registry, SnapshotStore snapshots) {
        this.registry = registry;
        this.gatewayLatency = Timer.builder("gatehouse.gateway.added.latency")
                .description("Time a request spends in the gateway itself: its whole time less the upstream's")
                .serviceLevelObjectives(GATEWAY_BUCKETS).register(registry);
        this.passed = Counter.builder("gatehouse.gateway.requests").tag("outcome", "passed")
                .description("Requests handled, by outcome: passed, or the problem type that refused them")
                .register(registry);
        for (Failure failure : Failure.values()) {
            refused.put(failure, Counter.builder("gatehouse.gateway.requests")
                    .tag("outcome", failure.id())
                    .register(registry));
        }
        Gauge.builder("gatehouse.gateway.snapshot.revision", snapshots, s -> s.current().revision())
                .description("Config revision of the snapshot in use").register(registry);
        Gauge.builder("gatehouse.gateway.snapshot.age", snapshots,
                s -> (System.currentTimeMillis() - s.lastSuccessfulPoll().toEpochMilli()) / 1000.0)
                .baseUnit("seconds").description("Time since the config database last answered").register(registry);
        Gauge.builder("gatehouse.gateway.snapshot.keys", snapshots, s -> s.current().keyCount())
                .description("Usable API keys in the snapshot").register(registry);
    }

    public void record(Failure failure) {
        (failure == null ? passed : refused.get(failure)).increment();
    }

    /**
     * One finished request: its Api (null when no route matched), status, whole time in the gateway and the part of
     * it spent waiting for the upstream (negative when it never went to one).
     */
    public void record(Route route, int status, long totalNanos, long upstreamNanos) {
        ApiMeters meters = apis.get(route == null ? NO_API : route.contextPath());
        if (meters == null) {
            meters = apis.computeIfAbsent(route == null ? NO_API : route.contextPath(), this::apiMeters);
        }
        int statusClass = status / 100;
        meters.byStatusClass[statusClass >= 1 && statusClass <= 5 ? statusClass - 1 : 5].increment();
        if (upstreamNanos >= 0) {
            meters.upstreamLatency.record(upstreamNanos, TimeUnit.NANOSECONDS);
        }
        gatewayLatency.record(Math.max(0, totalNanos - Math.max(0, upstreamNanos)), TimeUnit.NANOSECONDS);
    }

    /** The circuit-state gauge of each target of an Api (0 closed, 1 open, 2 half-open), replacing earlier ones. */
    @Override
    public void targets(String contextPath, Map<String, CircuitBreaker> breakersByTarget) {
        List<Meter> gauges = new ArrayList<>();
        breakersByTarget.forEach((target, breaker) -> gauges.add(Gauge.builder("gatehouse.gateway.circuit.state",
                breaker, b -> b.state().ordinal()).tag("api", contextPath).tag("target", target)
                .description("Circuit breaker of an upstream target: 0 closed, 1 open, 2 half-open")
                .strongReference(true).register(registry)));
        List<Meter> previous = circuitGauges.put(contextPath, gauges);
        if (previous != null) {
            previous.stream().filter(meter -> !gauges.contains(meter)).forEach(registry::remove);
        }
    }

    private ApiMeters apiMeters(String api) {
        Counter[] byStatusClass = new Counter[6];
        String[] classes = {"1xx", "2xx", "3xx", "4xx", "5xx", "other"};
        for (int i = 0; i < classes.length; i++) {
            byStatusClass[i] = Counter.builder("gatehouse.gateway.api.requests").tag("api", api)
                    .tag("status", classes[i]).description("Requests by Api (context path) and status class")
                    .register(registry);
        }
        Timer upstream = Timer.builder("gatehouse.gateway.upstream.latency").tag("api", api)
                .description("Time from handing a request to the proxy until its exchange ended (connect included)")
                .serviceLevelObjectives(UPSTREAM_BUCKETS).register(registry);
        return new ApiMeters(byStatusClass, upstream);
    }

    private static Duration[] millis(long... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofMillis(values[i]);
        }
        return durations;
    }

    private record ApiMeters(Counter[] byStatusClass, Timer upstreamLatency) {
    }
}
