package io.gatehouse.gateway.snapshot;

import java.time.Instant;
import java.util.Map;

/**
 * Everything the request path needs, immutable and swapped whole: requests never see a half-applied change
 * and never touch the database.
 */
public final class ConfigSnapshot {

    public static final ConfigSnapshot EMPTY = new ConfigSnapshot(-1, Instant.EPOCH, Map.of(), Map.of(), Map.of());

    private final long revision;
    private final Instant loadedAt;
    private final Map<String, Route> routesByContextPath;
    private final Map<String, KeyEntry> keysById;
    private final Map<Long, PlanLimits> limitsByPlan;

    public ConfigSnapshot(long revision, Instant loadedAt, Map<String, Route> routesByContextPath,
            Map<String, KeyEntry> keysById, Map<Long, PlanLimits> limitsByPlan) {
        this.revision = revision;
        this.loadedAt = loadedAt;
        this.routesByContextPath = Map.copyOf(routesByContextPath);
        this.keysById = Map.copyOf(keysById);
        this.limitsByPlan = Map.copyOf(limitsByPlan);
    }

    /** The plan's limits; {@link PlanLimits#NONE} for an unknown or unlimited plan. */
    public PlanLimits limits(long planId) {
        return limitsByPlan.getOrDefault(planId, PlanLimits.NONE);
    }

    public boolean isLoaded() {
        return revision >= 0;
    }

    public long revision() {
        return revision;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public int routeCount() {
        return routesByContextPath.size();
    }

    public int keyCount() {
        return keysById.size();
    }

    /** The route with the longest context path covering {@code path}: tries the path, then each shorter prefix. */
    public Route route(String path) {
        String candidate = path;
        while (!candidate.isEmpty()) {
            Route route = routesByContextPath.get(candidate);
            if (route != null) {
                return route;
            }
            int slash = candidate.lastIndexOf('/');
            candidate = slash <= 0 ? "" : candidate.substring(0, slash);
        }
        return null;
    }

    public KeyEntry key(String keyId) {
        return keysById.get(keyId);
    }
}
