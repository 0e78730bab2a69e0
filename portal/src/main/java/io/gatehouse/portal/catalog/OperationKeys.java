package io.gatehouse.portal.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.gatehouse.importer.ImportedOperation;

/**
 * The URL segment naming an operation of a document: its operationId when that is URL-safe and unique in the
 * document (so links survive a re-import), else its method and position, "get-12". Keys never collide and go into
 * a URL as they are.
 */
final class OperationKeys {

    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9._~-]{1,120}");

    private OperationKeys() {
    }

    /** One key per operation, in the same order. */
    static List<String> of(List<ImportedOperation> operations) {
        Map<String, Integer> idCounts = new HashMap<>();
        for (ImportedOperation operation : operations) {
            if (usable(operation.operationId())) {
                idCounts.merge(operation.operationId(), 1, Integer::sum);
            }
        }
        Set<String> taken = new HashSet<>();
        String[] keys = new String[operations.size()];
        for (int i = 0; i < operations.size(); i++) {
            String id = operations.get(i).operationId();
            if (usable(id) && idCounts.get(id) == 1) {
                keys[i] = id;
                taken.add(id);
            }
        }
        for (int i = 0; i < operations.size(); i++) {
            if (keys[i] == null) {
                String key = operations.get(i).method().toLowerCase(Locale.ROOT) + "-" + i;
                // An operationId may look like a positional key; step aside rather than collide.
                while (!taken.add(key)) {
                    key = key + "_";
                }
                keys[i] = key;
            }
        }
        return new ArrayList<>(List.of(keys));
    }

    private static boolean usable(String operationId) {
        return operationId != null && URL_SAFE.matcher(operationId).matches();
    }
}
