package io.gatehouse.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenApiImporterTests {

    private final OpenApiImporter importer = new OpenApiImporter();

    @Test
    void readsAnOpenApi30DocumentWithInlineNamedAndReferencedExamples() throws Exception {
        ImportedApi api = importer.read("""
                openapi: 3.0.3
                info: {title: Pets, version: 1.2.3, description: About pets}
                servers: [{url: 'https://pets.example.com'}]
                tags: [{name: pets}]
                paths:
                  /pets/{id}:
                    get:
                      operationId: getPet
                      summary: One pet
                      tags: [pets]
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              examples:
                                rex: {value: {id: 1, name: Rex}}
                                shared: {$ref: '#/components/examples/Tom'}
                        '404': {$ref: '#/components/responses/NotFound'}
                    delete:
                      deprecated: true
                      responses:
                        '204': {description: gone}
                        default:
                          description: error
                          content:
                            text/plain:
                              schema: {type: string, example: failed}
                components:
                  securitySchemes:
                    k: {type: apiKey, in: header, name: X-Pet-Key}
                  examples:
                    Tom: {value: {id: 2, name: Tom}}
                  responses:
                    NotFound:
                      description: missing
                      content:
                        application/json:
                          example: {error: not found}
                """);

        assertThat(api.title()).isEqualTo("Pets");
        assertThat(api.version()).isEqualTo("1.2.3");
        assertThat(api.specVersion()).isEqualTo("3.0.3");
        assertThat(api.apiKeyHeader()).isEqualTo("X-Pet-Key");
        assertThat(api.servers()).extracting(ImportedApi.ServerInfo::url).containsExactly("https://pets.example.com");
        assertThat(api.tags()).extracting(ImportedApi.TagInfo::name).containsExactly("pets");
        assertThat(api.operations()).extracting(ImportedOperation::method).containsExactlyInAnyOrder("GET", "DELETE");

        ImportedOperation get = api.operations().stream().filter(o -> o.method().equals("GET")).findFirst().orElseThrow();
        assertThat(get.operationId()).isEqualTo("getPet");
        assertThat(get.path()).isEqualTo("/pets/{id}");
        assertThat(get.examples()).extracting(ImportedOperation.Example::status, ImportedOperation.Example::name)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(200, "rex"),
                        org.assertj.core.groups.Tuple.tuple(200, "shared"),
                        org.assertj.core.groups.Tuple.tuple(404, "default"));
        assertThat(get.examples()).filteredOn(e -> e.name().equals("shared")).singleElement()
                .satisfies(e -> assertThat(e.body()).contains("\"name\" : \"Tom\""));

        ImportedOperation delete = api.operations().stream().filter(o -> o.method().equals("DELETE")).findFirst()
                .orElseThrow();
        assertThat(delete.deprecated()).isTrue();
        assertThat(delete.examples()).contains(new ImportedOperation.Example(204, null, "default", null),
                new ImportedOperation.Example(200, "text/plain", "default", "failed"));
    }

    @Test
    void readsSwagger20WithItsExamplesAndSaysSo() throws Exception {
        ImportedApi api = importer.read("""
                {"swagger": "2.0", "info": {"title": "Rates", "version": "0.9"},
                 "securityDefinitions": {"k": {"type": "apiKey", "in": "header", "name": "X-Rates-Key"}},
                 "paths": {"/latest": {"get": {"produces": ["application/json"], "responses": {"200": {
                   "description": "ok", "examples": {"application/json": {"USD": 1.08}}}}}}}}
                """);
        assertThat(api.specVersion()).isEqualTo("2.0");
        assertThat(api.apiKeyHeader()).isEqualTo("X-Rates-Key");
        assertThat(api.operations()).singleElement().satisfies(op -> assertThat(op.examples()).singleElement()
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.contentType()).isEqualTo("application/json");
                    assertThat(e.body()).contains("1.08");
                }));
    }

    @Test
    void readsOpenApi31() throws Exception {
        ImportedApi api = importer.read("""
                openapi: 3.1.0
                info: {title: Hooks, version: '1'}
                paths:
                  /ping:
                    get:
                      responses:
                        2XX:
                          description: ok
                          content:
                            application/json:
                              example: {pong: true}
                """);
        assertThat(api.specVersion()).isEqualTo("3.1.0");
        assertThat(api.operations()).singleElement().satisfies(op -> assertThat(op.examples()).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(200)));
    }

    @Test
    void refusesTextThatIsNotAnApiDescription() {
        assertThatThrownBy(() -> importer.read("hello: world")).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("not a Swagger 2.0 or OpenAPI 3.x document");
        assertThatThrownBy(() -> importer.read("   ")).isInstanceOf(InvalidDocumentException.class)
                .hasMessage("The document is empty.");
    }

    @Test
    void refusesAServerWhoseVariableHasNoUsableValue() {
        String document = """
                openapi: 3.0.3
                info: {title: T, version: '1'}
                servers:
                  - url: 'https://{region}.example.com'
                    variables:
                      region: {default: mars, enum: [eu, us]}
                paths: {}
                """;
        assertThatThrownBy(() -> importer.read(document)).isInstanceOf(InvalidDocumentException.class)
                .hasMessage("The server https://{region}.example.com has a variable region whose default mars is not"
                        + " one of its values [eu, us].");
    }

    @Test
    void keepsTheParsersWarningsAsSentences() throws Exception {
        ImportedApi api = importer.read("""
                openapi: 3.0.3
                info: {title: T, version: '1', x-fine: true, colour: blue}
                paths: {}
                """);
        assertThat(api.warnings()).containsExactly("The field info.colour is not expected there and was ignored.");
    }
}
