package io.gatehouse.portal.catalog;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * At most {@link #PER_MINUTE} Try it requests per consumer in each minute, so the portal cannot be used to multiply
 * traffic at the gateway. A fixed window per consumer that starts with their first request; the counts are per node
 * and in memory, which bounds the amplification well enough and needs no shared store.
 */
@Component
class TryItThrottle {

    static final int PER_MINUTE = 60;
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_TRACKED = 100_000;

    private final int limit;
    private final Cache<Long, AtomicInteger> windows;

    @Autowired
    TryItThrottle() {
        this(PER_MINUTE, Ticker.systemTicker());
    }

    TryItThrottle(int limit, Ticker ticker) {
        this.limit = limit;
        // Expiry counts from creation only: the window does not slide with every request.
        this.windows = Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(MAX_TRACKED).ticker(ticker).build();
    }

    /** Counts one request of {@code consumerId}; false when this one is over the limit. */
    boolean tryAcquire(long consumerId) {
        return windows.get(consumerId, id -> new AtomicInteger()).incrementAndGet() <= limit;
    }
}
