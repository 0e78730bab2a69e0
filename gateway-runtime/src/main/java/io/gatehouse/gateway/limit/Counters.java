package io.gatehouse.gateway.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.plan.QuotaWindow;
import io.gatehouse.gateway.GatewayProperties;
import io.gatehouse.gateway.snapshot.PlanLimits;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Where requests are counted: in Redis for the whole cluster when {@code gatehouse.gateway.redis-url} is set,
 * otherwise in this node's memory, seeded at start-up with the quota usage the analytics events record. With Redis
 * down or slow it fails open to this node's counters and counts every such bypass.
 */
@Component
public class Counters implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Counters.class);

    private final LocalCounters local = new LocalCounters();
    private final RedisCounters redis;
    private final JdbcTemplate jdbc;
    private final Counter bypass;
    private volatile boolean running;

    Counters(GatewayProperties properties, JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.redis = properties.redisUrl().isBlank() ? null
                : new RedisCounters(properties.redisUrl(), properties.redisTimeout(), properties.redisKeyPrefix());
        this.bypass = Counter.builder("gatehouse.gateway.counter.bypass")
                .description("Limited requests counted on this node only because Redis was down or slow")
                .register(registry);
        if (redis != null) {
            Gauge.builder("gatehouse.gateway.counter.redis.up", redis, r -> r.available() ? 1 : 0)
                    .description("1 while rate limits and quotas are counted in Redis").register(registry);
        }
    }

    /** Whether this request is counted in Redis, answering later, rather than here and now. */
    public boolean shared(PlanLimits limits) {
        return redis != null && (limits.rateLimit() != null || limits.quota() != null) && redis.available();
    }

    /** Counts on this node. With Redis configured that is a bypass of the cluster-wide count, and counted as one. */
    public Decision consumeHere(long subscriptionId, PlanLimits limits, Instant now) {
        if (redis != null && (limits.rateLimit() != null || limits.quota() != null)) {
            bypass.increment();
        }
        return local.consume(subscriptionId, limits, now);
    }

    /** Counts in Redis. Never fails and never waits longer than the command timeout. */
    public CompletionStage<Decision> consumeShared(long subscriptionId, PlanLimits limits, Instant now) {
        Quota quota = limits.quota();
        QuotaWindow window = quota == null ? null : local.window(quota.period(), now);
        CompletionStage<List<Object>> reply;
        try {
            reply = redis.count(subscriptionId, limits, window);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        return reply.handle((counted, error) -> {
            if (error != null) {
                // Fail open: refusing or holding traffic because the counter store is away would be worse than a
                // limit enforced per node for a while.
                redis.failed(error);
                bypass.increment();
                return local.consume(subscriptionId, limits, now);
            }
            if (quota != null) {
                local.observe(subscriptionId, quota.period(), (Long) counted.get(4), now);
            }
            return RedisCounters.decision(limits, window, counted, now);
        });
    }

    /** {@code UP} or {@code DOWN} for Redis, or null when the counters are this node's own. */
    public String redisState() {
        return redis == null ? null : redis.available() ? "UP" : "DOWN";
    }

    public long bypassed() {
        return (long) bypass.count();
    }

    @Override
    public void start() {
        if (redis != null) {
            redis.start(Duration.ofSeconds(3));
        } else {
            try {
                QuotaSeed seed = QuotaSeed.load(jdbc, Instant.now());
                local.seed(seed);
                log.info("Quota usage of {} subscriptions restored from analytics events", seed.subscriptions());
            } catch (DataAccessException e) {
                log.warn("Quota usage not restored, counting from zero: {}", e.getMessage());
            }
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Ready before the server takes traffic (phase 100), closed after it has drained. */
    @Override
    public int getPhase() {
        return 60;
    }
}
