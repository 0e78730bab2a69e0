package io.gatehouse.core.catalog;

import java.util.List;

/** Where and how a new Api is served: its context path, its upstreams or mock mode, and its owner. */
public record NewApi(String contextPath, boolean mockMode, List<String> upstreams, Long ownerId) {

    public NewApi {
        upstreams = List.copyOf(upstreams);
    }
}
