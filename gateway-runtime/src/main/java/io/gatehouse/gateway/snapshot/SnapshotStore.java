package io.gatehouse.gateway.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.gatehouse.gateway.GatewayProperties;

/**
 * Holds the current snapshot and refreshes it when the config revision moves. When the database is unreachable
 * it keeps the last snapshot (known keys keep working) and reports itself degraded.
 */
@Component
public class SnapshotStore implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);

    private final SnapshotLoader loader;
    private final Duration pollInterval;
    private final AtomicReference<ConfigSnapshot> current = new AtomicReference<>(ConfigSnapshot.EMPTY);
    private volatile boolean databaseReachable;
    private volatile Instant lastSuccessfulPoll = Instant.EPOCH;
    private ScheduledExecutorService poller;

    SnapshotStore(SnapshotLoader loader, GatewayProperties properties) {
        this.loader = loader;
        this.pollInterval = properties.snapshotPollInterval();
    }

    public ConfigSnapshot current() {
        return current.get();
    }

    public boolean isDatabaseReachable() {
        return databaseReachable;
    }

    public Instant lastSuccessfulPoll() {
        return lastSuccessfulPoll;
    }

    /** Polls once: reloads when the revision differs from the snapshot's. Never throws. */
    public void refresh() {
        try {
            long revision = loader.revision();
            if (revision != current.get().revision()) {
                ConfigSnapshot next = loader.load(revision);
                current.set(next);
                log.debug("config snapshot {} loaded: {} routes, {} keys", revision, next.routeCount(), next.keyCount());
            }
            lastSuccessfulPoll = Instant.now();
            if (!databaseReachable) {
                log.info("config database reachable; serving snapshot {}", current.get().revision());
            }
            databaseReachable = true;
        } catch (RuntimeException e) {
            loader.reconnect();
            if (databaseReachable || !current.get().isLoaded()) {
                log.warn("config database unreachable, serving the last snapshot ({}): {}", current.get().revision(),
                        e.getMessage());
            }
            databaseReachable = false;
        }
    }

    @Override
    public void start() {
        refresh();
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gateway-snapshot-poller");
            thread.setDaemon(true);
            return thread;
        });
        long millis = pollInterval.toMillis();
        poller.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    /** Before the server starts, after it stops. */
    @Override
    public int getPhase() {
        return 0;
    }
}
