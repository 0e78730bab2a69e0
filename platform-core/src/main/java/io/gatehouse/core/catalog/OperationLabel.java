package io.gatehouse.core.catalog;

import java.util.Locale;

/**
 * How analytics name an operation: its operationId, or "METHOD /path" when the document gives none. The gateway
 * records calls under this label, and the dashboards and the re-import impact find them by it.
 */
public final class OperationLabel {

    private OperationLabel() {
    }

    public static String of(String method, String path, String operationId) {
        return operationId == null || operationId.isBlank() ? method.toUpperCase(Locale.ROOT) + " " + path
                : operationId;
    }
}
