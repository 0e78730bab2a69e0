package io.gatehouse.importer;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A JSON schema as the portal shows it. A node that is a reference carries only {@code ref}: the name of a schema
 * in {@link ImportedApi#schemas()}, so shared and recursive schemas are stored once and expanded at display time
 * with a depth limit.
 */
public record SchemaNode(String ref, String type, String format, String title, String description,
        List<String> enumValues, Map<String, SchemaNode> properties, List<String> required, SchemaNode items,
        List<SchemaNode> allOf, List<SchemaNode> oneOf, List<SchemaNode> anyOf, SchemaNode additionalProperties,
        String example, boolean nullable, boolean deprecated, boolean readOnly, boolean writeOnly) {

    public SchemaNode {
        enumValues = Copies.list(enumValues);
        properties = Copies.map(properties);
        required = Copies.list(required);
        allOf = Copies.list(allOf);
        oneOf = Copies.list(oneOf);
        anyOf = Copies.list(anyOf);
    }

    public static SchemaNode reference(String name) {
        return new SchemaNode(name, null, null, null, null, null, null, null, null, null, null, null, null, null,
                false, false, false, false);
    }

    @JsonIgnore
    public boolean isReference() {
        return ref != null;
    }

    /** A short type label: "string (date-time)", "array of Pet", "object", "Pet". */
    public String label() {
        if (ref != null) {
            return ref;
        }
        if ("array".equals(type) && items != null) {
            return "array of " + items.label();
        }
        String base = type != null ? type : !allOf.isEmpty() ? "all of" : !oneOf.isEmpty() ? "one of"
                : !anyOf.isEmpty() ? "any of" : properties.isEmpty() ? "any" : "object";
        return format == null ? base : base + " (" + format + ")";
    }
}
