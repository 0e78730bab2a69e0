package io.gatehouse.gateway;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.gatehouse.gateway.policy.Failure;
import io.gatehouse.gateway.snapshot.SnapshotStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Gateway meters, registered once so the request path only increments pre-built counters. */
@Component
public class GatewayMetrics {

    private final Counter passed;
    private final Map<Failure, Counter> refused = new EnumMap<>(Failure.class);

    GatewayMetrics(MeterRegistry registry, SnapshotStore snapshots) {
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
}
