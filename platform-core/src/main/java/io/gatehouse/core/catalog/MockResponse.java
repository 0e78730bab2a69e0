package io.gatehouse.core.catalog;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One example response of an operation, as the gateway serves it in mock mode. Stored as a JSON list per
 * operation; this class owns that format for the importer side and the gateway side alike.
 */
public record MockResponse(int status, String contentType, String name, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<MockResponse>> LIST = new TypeReference<>() {
    };

    public static String toJson(List<MockResponse> responses) {
        try {
            return JSON.writeValueAsString(responses);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise mock responses", e);
        }
    }

    public static List<MockResponse> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(json, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored mock responses are not valid JSON", e);
        }
    }
}
