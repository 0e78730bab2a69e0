package io.gatehouse.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gatehouse.importer.InvalidDocumentException;
import io.gatehouse.importer.OpenApiImporter;
import io.gatehouse.importer.SchemaNode;

class SchemaTreeTests {

    @Test
    void mutualRecursionIsExpandedOnceAroundTheLoopAndThenPointsBack() {
        Map<String, SchemaNode> schemas = schemas("""
                A:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    b: {$ref: '#/components/schemas/B'}
                B:
                  type: object
                  properties:
                    value: {type: integer}
                    a: {$ref: '#/components/schemas/A'}
                """);
        SchemaRow root = SchemaTree.of(SchemaNode.reference("A"), schemas);
        assertThat(root.getLabel()).isEqualTo("A");
        assertThat(names(root)).containsExactly("name", "b");
        assertThat(root.getChildren().get(0).isRequired()).isTrue();
        SchemaRow b = root.getChildren().get(1);
        assertThat(b.getLabel()).isEqualTo("B");
        assertThat(names(b)).containsExactly("value", "a");
        SchemaRow a = b.getChildren().get(1);
        assertThat(a.getStop()).isEqualTo(SchemaRow.Stop.CYCLE);
        assertThat(a.getRefName()).isEqualTo("A");
        assertThat(a.getChildren()).isEmpty();
    }

    @Test
    void anArrayOfItselfStopsAtTheArray() {
        Map<String, SchemaNode> schemas = schemas("""
                Inner:
                  properties:
                    myProp:
                      type: array
                      items: {$ref: '#/components/schemas/Inner'}
                """);
        SchemaRow root = SchemaTree.of(SchemaNode.reference("Inner"), schemas);
        SchemaRow myProp = root.getChildren().get(0);
        assertThat(myProp.getLabel()).isEqualTo("array of Inner");
        assertThat(myProp.getStop()).isEqualTo(SchemaRow.Stop.CYCLE);
        assertThat(myProp.getRefName()).isEqualTo("Inner");
    }

    @Test
    void expansionStopsAtTheDepthCapWithTheNameOfWhatIsLeft() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            yaml.append("L").append(i).append(":\n  type: object\n  properties:\n    next: {$ref: '#/components/schemas/L")
                    .append(i + 1).append("'}\n");
        }
        yaml.append("L9:\n  type: object\n  properties:\n    end: {type: string}\n");
        SchemaRow row = SchemaTree.of(SchemaNode.reference("L0"), schemas(yaml.toString()));
        for (int depth = 1; depth <= SchemaTree.MAX_DEPTH; depth++) {
            assertThat(row.getChildren()).hasSize(1);
            row = row.getChildren().get(0);
            assertThat(row.getDepth()).isEqualTo(depth);
        }
        assertThat(row.getChildren()).isEmpty();
        assertThat(row.getStop()).isEqualTo(SchemaRow.Stop.DEPTH);
        assertThat(row.getRefName()).isEqualTo("L" + SchemaTree.MAX_DEPTH);
    }

    @Test
    void aBigTreeShowsItsShallowLevelsFirstAndStopsWhereTheRowsRunOut() {
        StringBuilder big = new StringBuilder("Big:\n  type: object\n  properties:\n");
        for (int i = 0; i < 50; i++) {
            big.append("    p").append(i).append(": {type: string}\n");
        }
        Map<String, SchemaNode> schemas = schemas(big + """
                Root:
                  type: object
                  properties:
                    first: {$ref: '#/components/schemas/Big'}
                    second: {$ref: '#/components/schemas/Big'}
                    third: {type: string}
                """);
        SchemaRow root = SchemaTree.of(SchemaNode.reference("Root"), schemas, 5, 60);
        assertThat(names(root)).containsExactly("first", "second", "third");
        assertThat(root.getChildren().get(0).getChildren()).hasSize(50);
        SchemaRow second = root.getChildren().get(1);
        assertThat(second.getChildren()).isEmpty();
        assertThat(second.getStop()).isEqualTo(SchemaRow.Stop.SIZE);
        assertThat(second.getRefName()).isEqualTo("Big");
        assertThat(root.size()).isLessThanOrEqualTo(60);
    }

    @Test
    void aReferenceToNothingSaysSo() {
        Map<String, SchemaNode> schemas = schemas("""
                Holder:
                  properties:
                    ghost: {$ref: '#/components/schemas/Ghost'}
                """);
        SchemaRow ghost = SchemaTree.of(SchemaNode.reference("Holder"), schemas).getChildren().get(0);
        assertThat(ghost.getStop()).isEqualTo(SchemaRow.Stop.MISSING);
        assertThat(ghost.getRefName()).isEqualTo("Ghost");
    }

    @Test
    void aDescribedReferenceShowsTheReferenceAndCompositionsShowTheirAlternatives() {
        Map<String, SchemaNode> schemas = schemas("""
                Id:
                  type: integer
                  format: int64
                  readOnly: true
                Cat:
                  type: object
                  properties:
                    meow: {type: boolean}
                Pet:
                  type: object
                  properties:
                    id:
                      description: The pet's id
                      allOf: [{$ref: '#/components/schemas/Id'}]
                    status:
                      type: string
                      enum: [available, sold]
                    kind:
                      oneOf:
                        - {type: string}
                        - {$ref: '#/components/schemas/Cat'}
                """);
        SchemaRow pet = SchemaTree.of(SchemaNode.reference("Pet"), schemas);
        SchemaRow id = pet.getChildren().get(0);
        assertThat(id.getLabel()).isEqualTo("Id");
        assertThat(id.getDescription()).isEqualTo("The pet's id");
        assertThat(id.isReadOnly()).isTrue();
        assertThat(id.getChildren()).isEmpty();
        assertThat(pet.getChildren().get(1).getEnumValues()).containsExactly("available", "sold");
        SchemaRow kind = pet.getChildren().get(2);
        assertThat(kind.getLabel()).isEqualTo("one of");
        assertThat(kind.getChildren()).extracting(SchemaRow::getRole, SchemaRow::getName, SchemaRow::getLabel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SchemaRow.Role.ONE_OF, "1", "string"),
                        org.assertj.core.groups.Tuple.tuple(SchemaRow.Role.ONE_OF, "2", "Cat"));
        assertThat(names(kind.getChildren().get(1))).containsExactly("meow");
    }

    private static List<String> names(SchemaRow row) {
        return row.getChildren().stream().map(SchemaRow::getName).toList();
    }

    private static Map<String, SchemaNode> schemas(String componentsYaml) {
        String document = "openapi: 3.0.3\ninfo: {title: Schemas, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
                + componentsYaml.indent(4);
        try {
            return new OpenApiImporter().read(document).schemas();
        } catch (InvalidDocumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
