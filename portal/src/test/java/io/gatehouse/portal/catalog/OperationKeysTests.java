package io.gatehouse.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.gatehouse.importer.ImportedOperation;

class OperationKeysTests {

    @Test
    void aUsableUniqueOperationIdIsTheKeyAndEverythingElseGetsMethodAndPosition() {
        List<String> keys = OperationKeys.of(List.of(
                operation("GET", "/pets", "listPets"),
                operation("POST", "/pets", null),
                operation("GET", "/pets/{id}", "get pet/by id"),
                operation("PUT", "/pets/{id}", "same"),
                operation("PATCH", "/pets/{id}", "same"),
                operation("DELETE", "/pets/{id}", "remove.pet_v2~x")));
        assertThat(keys).containsExactly("listPets", "post-1", "get-2", "put-3", "patch-4", "remove.pet_v2~x");
    }

    @Test
    void anOperationIdThatLooksLikeAPositionalKeyIsNeverShadowed() {
        List<String> keys = OperationKeys.of(List.of(
                operation("GET", "/a", null),
                operation("GET", "/b", "get-0")));
        assertThat(keys).containsExactly("get-0_", "get-0").doesNotHaveDuplicates();
    }

    private static ImportedOperation operation(String method, String path, String operationId) {
        return new ImportedOperation(method, path, operationId, null, null, List.of(), false, List.of(), null,
                List.of(), List.of());
    }
}
