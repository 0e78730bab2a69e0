package io.gatehouse.core.catalog;

import java.util.Set;

/** DRAFT -> PUBLISHED -> DEPRECATED -> RETIRED. Only published and deprecated Apis are served and listed. */
public enum ApiLifecycle {
    DRAFT,
    PUBLISHED,
    DEPRECATED,
    RETIRED;

    public Set<ApiLifecycle> next() {
        return switch (this) {
            case DRAFT -> Set.of(PUBLISHED);
            case PUBLISHED -> Set.of(DEPRECATED);
            case DEPRECATED -> Set.of(RETIRED);
            case RETIRED -> Set.of();
        };
    }

    public boolean canMoveTo(ApiLifecycle target) {
        return next().contains(target);
    }

    public boolean isServed() {
        return this == PUBLISHED || this == DEPRECATED;
    }
}
