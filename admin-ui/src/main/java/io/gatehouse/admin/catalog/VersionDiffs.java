package io.gatehouse.admin.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.gatehouse.core.catalog.ApiVersion;

/** Diffs are costly on big documents and never change: keep the most recent ones. */
@Component
class VersionDiffs {

    private static final int KEPT = 32;

    private final Map<String, VersionDiff> recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, VersionDiff> eldest) {
            return size() > KEPT;
        }
    });

    VersionDiff between(ApiVersion previous, ApiVersion next) {
        return recent.computeIfAbsent(previous.getId() + ">" + next.getId(),
                key -> VersionDiff.between(previous.getDocument(), next.getDocument()));
    }
}
