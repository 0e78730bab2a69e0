package io.gatehouse.importer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable copies for the model records, reading a missing collection (null, as stored JSON omits it) as empty. */
final class Copies {

    private Copies() {
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Keeps the order of the entries, as documents list properties and schemas in a meaningful order. */
    static <V> Map<String, V> map(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
