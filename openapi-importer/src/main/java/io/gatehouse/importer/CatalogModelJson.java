package io.gatehouse.importer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The stored form of the catalog model: compact JSON, read back by the portal. */
public final class CatalogModelJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CatalogModelJson() {
    }

    public static String write(ImportedApi api) {
        try {
            return JSON.writeValueAsString(api);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the catalog model", e);
        }
    }

    public static ImportedApi read(String json) {
        try {
            return JSON.readValue(json, ImportedApi.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored catalog model is not readable", e);
        }
    }
}
