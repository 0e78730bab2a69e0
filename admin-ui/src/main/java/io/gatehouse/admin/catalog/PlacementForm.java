package io.gatehouse.admin.catalog;

import java.util.Arrays;
import java.util.List;

import io.gatehouse.core.catalog.NewApi;

/**
 * Where a previewed document goes: the only fields an import confirmation binds (no lifecycle, no id).
 *
 * @param upstreams one URL per line; ignored in mock mode
 * @param connectTimeoutMillis the gateway's connect timeout for the upstreams; empty for its default
 * @param responseTimeoutMillis the gateway's response timeout for the upstreams; empty for its default
 */
record PlacementForm(String draftId, String contextPath, boolean mockMode, String upstreams, Long ownerId,
        Integer connectTimeoutMillis, Integer responseTimeoutMillis) {

    List<String> upstreamList() {
        if (upstreams == null) {
            return List.of();
        }
        return Arrays.stream(upstreams.split("\\R")).map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    NewApi toNewApi() {
        return new NewApi(contextPath, mockMode, mockMode ? List.of() : upstreamList(), ownerId,
                connectTimeoutMillis, responseTimeoutMillis);
    }
}
