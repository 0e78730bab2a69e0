package io.gatehouse.portal.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import io.gatehouse.importer.SchemaNode;

/**
 * Expands a schema into rows for display. References to named schemas are followed, at most {@link #MAX_DEPTH} levels
 * deep and never into a schema already open on the same path (recursive schemas stop with "see Pet"). Expansion is
 * breadth-first within a budget of {@link #MAX_ROWS} rows, so a huge schema shows all of its shallow levels
 * rather than one deep branch; a row whose children do not fit stops with "see Pet" too.
 */
final class SchemaTree {

    static final int MAX_DEPTH = 5;
    static final int MAX_ROWS = 400;
    /** More reference hops than any sane document needs; only a chain of aliases without properties gets here. */
    private static final int MAX_HOPS = 32;

    private final Map<String, SchemaNode> schemas;
    private final int maxDepth;
    private final int maxRows;

    private SchemaTree(Map<String, SchemaNode> schemas, int maxDepth, int maxRows) {
        this.schemas = schemas;
        this.maxDepth = maxDepth;
        this.maxRows = maxRows;
    }

    static SchemaRow of(SchemaNode root, Map<String, SchemaNode> schemas) {
        return of(root, schemas, MAX_DEPTH, MAX_ROWS);
    }

    static SchemaRow of(SchemaNode root, Map<String, SchemaNode> schemas, int maxDepth, int maxRows) {
        return new SchemaTree(schemas, maxDepth, maxRows).expand(root);
    }

    /** The named schemas open on the way from the root to a row. */
    private record Path(String name, Path parent) {

        static boolean contains(Path path, String name) {
            for (Path p = path; p != null; p = p.parent) {
                if (p.name.equals(name)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Work(SchemaRow row, SchemaNode node, Path path) {
    }

    private record Child(SchemaRow.Role role, String name, boolean required, SchemaNode node) {
    }

    private SchemaRow expand(SchemaNode root) {
        SchemaRow top = new SchemaRow(SchemaRow.Role.ROOT, null, false, unwrapped(root).label(), 0);
        describe(top, root);
        Deque<Work> queue = new ArrayDeque<>();
        queue.add(new Work(top, root, null));
        int rows = 1;
        while (!queue.isEmpty()) {
            Work work = queue.poll();
            SchemaRow row = work.row();
            SchemaNode node = work.node();
            Path path = work.path();
            String lastRef = null;
            boolean stopped = false;
            // Follow references, and an array's items, to the schema whose insides this row shows.
            for (int hops = 0; hops < MAX_HOPS; hops++) {
                SchemaNode inner = unwrapped(node);
                if (inner != node) {
                    node = inner;
                    if (!node.isReference()) {
                        describe(row, node);
                    }
                } else if (node.isReference()) {
                    String name = node.ref();
                    SchemaNode target = schemas.get(name);
                    if (Path.contains(path, name)) {
                        row.stop(SchemaRow.Stop.CYCLE, name);
                        stopped = true;
                        break;
                    }
                    if (target == null) {
                        row.stop(SchemaRow.Stop.MISSING, name);
                        stopped = true;
                        break;
                    }
                    row.refersTo(name);
                    describe(row, target);
                    path = new Path(name, path);
                    lastRef = name;
                    node = target;
                } else if (node.items() != null) {
                    node = node.items();
                    if (!node.isReference()) {
                        row.describe(null, null, node.enumValues(), null, false, false, false, false);
                    }
                } else {
                    break;
                }
            }
            if (stopped) {
                continue;
            }
            List<Child> children = children(node);
            if (children.isEmpty()) {
                continue;
            }
            if (row.getDepth() >= maxDepth) {
                row.stop(SchemaRow.Stop.DEPTH, lastRef);
                continue;
            }
            if (row != top && rows + children.size() > maxRows) {
                row.stop(SchemaRow.Stop.SIZE, lastRef);
                continue;
            }
            for (Child child : children) {
                SchemaRow childRow = new SchemaRow(child.role(), child.name(), child.required(),
                        unwrapped(child.node()).label(), row.getDepth() + 1);
                describe(childRow, child.node());
                row.getChildren().add(childRow);
                queue.add(new Work(childRow, child.node(), path));
                rows++;
            }
        }
        return top;
    }

    /**
     * The schema inside "allOf: [ X ]" when the wrapper adds nothing but words: documents use it to give a reference
     * its own description, and readers want to see X.
     */
    static SchemaNode unwrapped(SchemaNode node) {
        SchemaNode current = node;
        for (int hops = 0; hops < MAX_HOPS && current.allOf().size() == 1 && current.properties().isEmpty()
                && current.oneOf().isEmpty() && current.anyOf().isEmpty() && current.items() == null
                && current.additionalProperties() == null && current.enumValues().isEmpty()
                && (current.type() == null || "object".equals(current.type())); hops++) {
            current = current.allOf().get(0);
        }
        return current;
    }

    private static List<Child> children(SchemaNode node) {
        List<Child> children = new ArrayList<>();
        node.properties().forEach((name, property) -> children.add(
                new Child(SchemaRow.Role.PROPERTY, name, node.required().contains(name), property)));
        if (node.additionalProperties() != null) {
            children.add(new Child(SchemaRow.Role.ADDITIONAL, null, false, node.additionalProperties()));
        }
        alternatives(children, SchemaRow.Role.ALL_OF, node.allOf());
        alternatives(children, SchemaRow.Role.ONE_OF, node.oneOf());
        alternatives(children, SchemaRow.Role.ANY_OF, node.anyOf());
        return children;
    }

    private static void alternatives(List<Child> children, SchemaRow.Role role, List<SchemaNode> nodes) {
        for (int i = 0; i < nodes.size(); i++) {
            children.add(new Child(role, String.valueOf(i + 1), false, nodes.get(i)));
        }
    }

    private static void describe(SchemaRow row, SchemaNode node) {
        row.describe(node.description(), node.title(), node.enumValues(), node.example(), node.nullable(),
                node.deprecated(), node.readOnly(), node.writeOnly());
    }
}
