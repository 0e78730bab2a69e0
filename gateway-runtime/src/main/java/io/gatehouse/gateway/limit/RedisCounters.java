package io.gatehouse.gateway.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.plan.QuotaWindow;
import io.gatehouse.core.plan.RateLimit;
import io.gatehouse.gateway.snapshot.PlanLimits;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Rate limits and quotas counted in Redis for every gateway node at once: one {@code EVALSHA} per request runs the
 * token bucket and the quota check-and-increment atomically, so the cluster allows exactly what the plan allows.
 * Lettuce's async API keeps IO threads free; every command has a short timeout (Lettuce's default is 60 s). After a
 * failure Redis is left alone until a probe on a timer succeeds, so a dead Redis costs at most one timeout, not one
 * per request.
 */
final class RedisCounters implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisCounters.class);

    /**
     * KEYS[1] the subscription's bucket (hash: tokens, at), KEYS[2] its quota counter for the current window. ARGV:
     * burst (0: no rate limit), tokens per period, period in ms, quota limit (-1: no quota), when the counter expires
     * (unix ms). Returns {outcome (0 allowed, 1 rate limited, 2 quota exhausted), tokens left, ms until the next
     * token, ms until the bucket is full, quota used}. Time is Redis's own clock, the same for every node. The order
     * is the local counters': an exhausted quota spends no token, a refused token uses no quota.
     */
    static final String SCRIPT = """
            local burst = tonumber(ARGV[1])
            local limit = tonumber(ARGV[4])
            local used = 0
            if limit >= 0 then
              used = tonumber(redis.call('GET', KEYS[2]) or '0')
              if used >= limit then
                return {2, 0, 0, 0, used}
              end
            end
            local tokens, full = 0, 0
            if burst > 0 then
              local perMs = tonumber(ARGV[2]) / tonumber(ARGV[3])
              local time = redis.call('TIME')
              local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
              local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
              local at = tonumber(state[2])
              tokens = tonumber(state[1])
              if tokens == nil or at == nil then
                tokens, at = burst, now
              elseif now > at then
                tokens, at = tokens + (now - at) * perMs, now
              end
              tokens = math.min(tokens, burst)
              if tokens < 1 then
                return {1, 0, math.ceil((1 - tokens) / perMs), math.ceil((burst - tokens) / perMs), used}
              end
              tokens = tokens - 1
              full = math.ceil((burst - tokens) / perMs)
              redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
              redis.call('PEXPIRE', KEYS[1], full + 1000)
            end
            if limit >= 0 then
              used = redis.call('INCR', KEYS[2])
              if used == 1 then
                redis.call('PEXPIREAT', KEYS[2], ARGV[5])
              end
            end
            return {0, math.floor(tokens), 0, full, used}
            """;

    /** A quota counter outlives its window by this much, so nodes whose clocks differ a little still share it. */
    private static final long EXPIRY_MARGIN_MILLIS = Duration.ofMinutes(10).toMillis();
    /** How often a probe tries Redis again while it is unusable. */
    private static final long RETRY_MILLIS = 500;

    private final ClientResources resources;
    private final HashedWheelTimer timer;
    private final RedisClient client;
    private final RedisURI uri;
    private final String prefix;
    private final AtomicBoolean available = new AtomicBoolean();
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile String sha;
    private volatile boolean closed;

    RedisCounters(String url, Duration timeout, String prefix) {
        this.prefix = prefix;
        this.uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        ThreadFactory timerThreads = new DefaultThreadFactory("gateway-redis-timer", true);
        // Lettuce's default timer ticks every 100 ms, too coarse for a 50 ms command timeout.
        this.timer = new HashedWheelTimer(timerThreads, 5, TimeUnit.MILLISECONDS);
        this.resources = DefaultClientResources.builder().ioThreadPoolSize(1).computationThreadPoolSize(1)
                .timer(timer).reconnectDelay(Delay.exponential(Duration.ofMillis(10),
                        Duration.ofMillis(RETRY_MILLIS), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // While disconnected, fail at once rather than queue: the caller falls back to local counting.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofMillis(Math.max(250,
                        timeout.toMillis()))).keepAlive(true).build())
                .build());
    }

    /** Connects in the background, waiting at most {@code wait} so that a healthy Redis counts from the first call. */
    void start(Duration wait) {
        CompletableFuture<Void> first = connect();
        try {
            first.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("Redis at {}:{} not usable yet; counting on this node until it is", uri.getHost(),
                    uri.getPort());
        }
    }

    boolean available() {
        return available.get();
    }

    /**
     * Counts one request of the subscription; the reply as {@link #decision} reads it. Fails (never hangs) within
     * the command timeout when Redis is down or slow; the caller then reports {@link #failed}.
     */
    CompletionStage<List<Object>> count(long subscriptionId, PlanLimits limits, QuotaWindow window) {
        RateLimit rate = limits.rateLimit();
        Quota quota = limits.quota();
        String tag = prefix + "{" + subscriptionId + "}:";
        String[] keys = {tag + "rate", tag + "quota:" + (window == null ? 0 : window.start().getEpochSecond())};
        String[] args = {
            rate == null ? "0" : Integer.toString(rate.burst()),
            rate == null ? "0" : Integer.toString(rate.requests()),
            rate == null ? "0" : Long.toString(rate.period().seconds() * 1000L),
            quota == null ? "-1" : Long.toString(quota.limit()),
            window == null ? "0" : Long.toString(window.end().toEpochMilli() + EXPIRY_MARGIN_MILLIS)};
        StatefulRedisConnection<String, String> current = connection;
        CompletionStage<List<Object>> reply = current.async().evalsha(sha, ScriptOutputType.MULTI, keys, args);
        // Redis forgets scripts when it restarts: send the script itself once, which caches it again.
        return reply.exceptionallyCompose(error -> error instanceof RedisNoScriptException
                || error.getCause() instanceof RedisNoScriptException
                ? current.async().<List<Object>>eval(SCRIPT, ScriptOutputType.MULTI, keys, args)
                : CompletableFuture.failedFuture(error));
    }

    /** The script's reply as a decision with the IETF header values. */
    static Decision decision(PlanLimits limits, QuotaWindow window, List<Object> reply, Instant now) {
        long outcome = (Long) reply.get(0);
        long tokens = (Long) reply.get(1);
        long nanosToRefill = (Long) reply.get(2) * 1_000_000L;
        long nanosToReset = (Long) reply.get(3) * 1_000_000L;
        long used = (Long) reply.get(4);
        if (outcome == 2) {
            return Decision.quotaExhausted(limits, window, used, now);
        }
        if (outcome == 1) {
            return Decision.rateLimited(limits, tokens, nanosToReset, nanosToRefill, window, used, now);
        }
        return Decision.allowed(limits, tokens, nanosToReset, window, used, now);
    }

    /** Redis failed a command: leave it alone until a probe succeeds. */
    void failed(Throwable error) {
        if (available.compareAndSet(true, false)) {
            log.warn("Redis counters unusable ({}); counting on this node, probing every {} ms", error.toString(),
                    RETRY_MILLIS);
            retryLater();
        }
    }

    private CompletableFuture<Void> connect() {
        return client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture().thenCompose(opened -> {
            connection = opened;
            return probe();
        }).whenComplete((ok, error) -> {
            if (error != null) {
                retryLater();
            }
        });
    }

    /** Loads the script (a round trip that also proves Redis answers); on success requests count in Redis again. */
    private CompletableFuture<Void> probe() {
        return connection.async().scriptLoad(SCRIPT).toCompletableFuture().thenAccept(loaded -> {
            sha = loaded;
            if (available.compareAndSet(false, true)) {
                log.info("Redis counters in use at {}:{}", uri.getHost(), uri.getPort());
            }
        });
    }

    private void retryLater() {
        if (closed) {
            return;
        }
        resources.eventExecutorGroup().schedule(() -> {
            if (closed) {
                return;
            }
            if (connection == null) {
                connect();
            } else {
                probe().whenComplete((ok, error) -> {
                    if (error != null) {
                        retryLater();
                    }
                });
            }
        }, RETRY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        available.set(false);
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
        timer.stop();
    }
}
