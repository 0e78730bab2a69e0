package io.gatehouse.core.catalog;

import java.util.List;

/**
 * Where and how a new Api is served: its context path, its upstreams or mock mode, its owner, and its upstream
 * timeouts in milliseconds (null: the gateway's defaults).
 */
public record NewApi(String contextPath, boolean mockMode, List<String> upstreams, Long ownerId,
        Integer connectTimeoutMillis, Integer responseTimeoutMillis) {

    public NewApi {
        upstreams = List.copyOf(upstreams);
    }

    public NewApi(String contextPath, boolean mockMode, List<String> upstreams, Long ownerId) {
        this(contextPath, mockMode, upstreams, ownerId, null, null);
    }
}
