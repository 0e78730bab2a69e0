package io.gatehouse.portal.catalog;

import java.util.ArrayList;
import java.util.List;

/** One line of a rendered schema tree: a property, the items of an array, or one alternative of a composition. */
final class SchemaRow {

    /** What a row is to its parent. */
    enum Role {
        ROOT(""),
        PROPERTY(""),
        ADDITIONAL("additional properties"),
        ALL_OF("all of"),
        ONE_OF("one of"),
        ANY_OF("any of");

        private final String text;

        Role(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Why a row that has more inside is not expanded. */
    enum Stop {
        /** the schema contains itself on this path */
        CYCLE,
        /** the tree is as deep as it is shown */
        DEPTH,
        /** the page shows enough rows already */
        SIZE,
        /** the reference names no schema of the document */
        MISSING
    }

    private final Role role;
    private final String name;
    private final boolean required;
    private final String label;
    private final int depth;
    private final List<SchemaRow> children = new ArrayList<>();
    private String description;
    private String title;
    private List<String> enumValues = List.of();
    private String example;
    private boolean nullable;
    private boolean deprecated;
    private boolean readOnly;
    private boolean writeOnly;
    private String refName;
    private Stop stop;

    SchemaRow(Role role, String name, boolean required, String label, int depth) {
        this.role = role;
        this.name = name;
        this.required = required;
        this.label = label;
        this.depth = depth;
    }

    public Role getRole() {
        return role;
    }

    /** The property name, or for a composition alternative its position ("1", "2"); null for the root. */
    public String getName() {
        return name;
    }

    public boolean isRequired() {
        return required;
    }

    /** The type as the document writes it: "string (date-time)", "array of Pet", "Pet". */
    public String getLabel() {
        return label;
    }

    public int getDepth() {
        return depth;
    }

    public List<SchemaRow> getChildren() {
        return children;
    }

    /** Markdown. */
    public String getDescription() {
        return description;
    }

    public String getTitle() {
        return title;
    }

    public List<String> getEnumValues() {
        return enumValues;
    }

    public String getExample() {
        return example;
    }

    public boolean isNullable() {
        return nullable;
    }

    public boolean isDeprecated() {
        return deprecated;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public boolean isWriteOnly() {
        return writeOnly;
    }

    /** The named schema this row shows (or would show, when stopped), or null for an inline schema. */
    public String getRefName() {
        return refName;
    }

    /** Why the row is not expanded although its schema has more inside; null when nothing is left out. */
    public Stop getStop() {
        return stop;
    }

    void describe(String description, String title, List<String> enumValues, String example, boolean nullable,
            boolean deprecated, boolean readOnly, boolean writeOnly) {
        if (this.description == null || this.description.isBlank()) {
            this.description = description;
        }
        if (this.title == null) {
            this.title = title;
        }
        if (this.enumValues.isEmpty() && enumValues != null) {
            this.enumValues = List.copyOf(enumValues);
        }
        if (this.example == null) {
            this.example = example;
        }
        this.nullable |= nullable;
        this.deprecated |= deprecated;
        this.readOnly |= readOnly;
        this.writeOnly |= writeOnly;
    }

    void refersTo(String schemaName) {
        if (refName == null) {
            refName = schemaName;
        }
    }

    void stop(Stop reason, String schemaName) {
        this.stop = reason;
        this.refName = schemaName;
    }

    /** Rows in this subtree, this one included. */
    int size() {
        int size = 1;
        for (SchemaRow child : children) {
            size += child.size();
        }
        return size;
    }
}
