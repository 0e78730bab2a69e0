package io.gatehouse.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The limits and refusals applied to a document's text before any parser sees it. */
class DocumentGuardTests {

    private static final String HEAD = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            """;

    private final OpenApiImporter importer = new OpenApiImporter();

    @Test
    void refusesTheClassicBillionLaughsBeforeExpandingIt() {
        StringBuilder yaml = new StringBuilder(HEAD).append("paths: {}\nx-lol0: &lol0 lol\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*lol" + (level - 1);
            yaml.append("x-lol").append(level).append(": &lol").append(level).append(" [")
                    .append(IntStream.range(0, 9).mapToObj(i -> previous).collect(Collectors.joining(", ")))
                    .append("]\n");
        }
        // Nine to the sixth power passes the expansion limit at the 45th alias, before the alias count does.
        assertThatThrownBy(() -> importer.read(yaml.toString())).isInstanceOf(InvalidDocumentException.class)
                .hasMessage("The document's YAML aliases expand to more than 100,000 nodes, more than an API"
                        + " description needs.");
    }

    @Test
    void refusesABombWithFewAliasesByWhatTheyWouldExpandTo() {
        // 40 aliases, each level ten times the one before: about 123,000 nodes once expanded.
        StringBuilder yaml = new StringBuilder(HEAD).append("paths: {}\nx-a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        String[] names = {"a", "b", "c", "d", "e"};
        for (int level = 1; level < names.length; level++) {
            String alias = "*" + names[level - 1];
            yaml.append("x-").append(names[level]).append(": &").append(names[level]).append(" [")
                    .append(IntStream.range(0, 10).mapToObj(i -> alias).collect(Collectors.joining(", ")))
                    .append("]\n");
        }
        assertThatThrownBy(() -> importer.read(yaml.toString())).isInstanceOf(InvalidDocumentException.class)
                .hasMessage("The document's YAML aliases expand to more than 100,000 nodes, more than an API"
                        + " description needs.");
    }

    @Test
    void acceptsAliasesUpToTheLimit() throws Exception {
        String fifty = IntStream.range(0, 50).mapToObj(i -> "*word").collect(Collectors.joining(", "));
        ImportedApi api = importer.read(HEAD + "paths: {}\nx-word: &word hello\nx-words: [" + fifty + "]\n");
        assertThat(api.title()).isEqualTo("T");
        assertThatThrownBy(() -> importer.read(HEAD + "paths: {}\nx-word: &word hello\nx-words: [" + fifty
                + ", *word]\n")).isInstanceOf(InvalidDocumentException.class).hasMessageContaining("50 YAML aliases");
    }

    @Test
    void refusesAnAliasThatContainsItselfOrNamesNoAnchor() {
        assertThatThrownBy(() -> importer.read(HEAD + "paths: &p {/a: *p}\n"))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessage("The document's YAML alias *p refers to a part that contains the alias itself.");
        assertThatThrownBy(() -> importer.read(HEAD + "paths: *nowhere\n"))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessage("The document uses the YAML alias *nowhere, but no anchor &nowhere comes before it.");
    }

    @Test
    void acceptsNestingUpToTheLimitAndRefusesOneLevelMore() throws Exception {
        // The root mapping is the first level, x-deep's value the second.
        assertThat(importer.read(HEAD + "paths: {}\nx-deep: " + nested(49) + "\n").title()).isEqualTo("T");
        assertThatThrownBy(() -> importer.read(HEAD + "paths: {}\nx-deep: " + nested(50) + "\n"))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessage("The document is nested more than 50 levels deep, more than an API description needs.");
        String json = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {},"
                + " \"x-deep\": " + nested(50).replace("a:", "\"a\":") + "}";
        assertThatThrownBy(() -> importer.read(json)).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("nested more than 50 levels");
    }

    @Test
    void countsTheDepthAnAliasExpandsTo() {
        String yaml = HEAD + "paths: {}\nx-deep: &deep " + nested(30) + "\nx-deeper: " + nested(25).replace("{}",
                "*deep") + "\n";
        assertThatThrownBy(() -> importer.read(yaml)).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("nested more than 50 levels");
    }

    @Test
    void refusesMoreOperationsThanTheLimit() {
        String paths = IntStream.range(0, 5_001).mapToObj(i -> "  /p" + i + ": {get: {responses: {'200': {description:"
                + " ok}}}}").collect(Collectors.joining("\n"));
        assertThatThrownBy(() -> importer.read(HEAD + "paths:\n" + paths + "\n"))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessage("The document describes more than 5,000 operations, the most one import accepts.");
    }

    @Test
    void countsOperationsOnlyWherePathItemsAre() throws Exception {
        OpenApiImporter strict = new OpenApiImporter(new ImportLimits(1024 * 1024, 50, 50, 100_000, 2));
        String twoOperations = HEAD + """
                paths:
                  /a:
                    get: {responses: {'200': {description: ok}}}
                    post: {responses: {'200': {description: ok}}}
                    parameters: []
                components:
                  schemas:
                    get: {type: object, properties: {get: {type: string}, put: {type: string}}}
                """;
        assertThat(strict.read(twoOperations).operations()).hasSize(2);
        assertThatThrownBy(() -> strict.read(twoOperations.replace("    parameters: []", "    put: {}")))
                .isInstanceOf(InvalidDocumentException.class).hasMessageContaining("more than 2 operations");
    }

    @Test
    void refusesAReferenceOutsideTheDocumentByName() {
        String yaml = HEAD + """
                paths:
                  /pets:
                    get:
                      responses:
                        '200': {$ref: 'https://evil/x.yaml'}
                """;
        assertThatThrownBy(() -> importer.read(yaml)).isInstanceOf(InvalidDocumentException.class)
                .hasMessage("The document refers to https://evil/x.yaml; only references inside the document (#/...)"
                        + " are allowed.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"other.yaml#/components/schemas/Pet", "./pet.json", "/etc/passwd", "file:///etc/passwd",
            "Pet", "//evil.example/x"})
    void refusesEveryKindOfNonLocalReferenceInYamlJsonAndSwagger2(String reference) {
        String yaml = HEAD + "paths: {}\ncomponents:\n  schemas:\n    Pet: {$ref: '" + reference + "'}\n";
        String json = "{\"swagger\": \"2.0\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {},"
                + " \"definitions\": {\"Pet\": {\"$ref\": \"" + reference + "\"}}}";
        for (String document : new String[] {yaml, json}) {
            assertThatThrownBy(() -> importer.read(document)).isInstanceOf(InvalidDocumentException.class)
                    .hasMessage("The document refers to " + reference + "; only references inside the document"
                            + " (#/...) are allowed.");
        }
    }

    @Test
    void namesTenOutsideReferencesAndCountsTheRest() {
        String schemas = IntStream.range(0, 13).mapToObj(i -> "    S" + i + ": {$ref: 's" + i + ".yaml'}")
                .collect(Collectors.joining("\n"));
        assertThatThrownBy(() -> importer.read(HEAD + "paths: {}\ncomponents:\n  schemas:\n" + schemas + "\n"))
                .isInstanceOfSatisfying(InvalidDocumentException.class, e -> assertThat(e.problems()).hasSize(11)
                        .endsWith("It has 3 more references outside the document."));
    }

    @Test
    void keepsLocalReferencesAndPropertiesNamedRef() throws Exception {
        ImportedApi api = importer.read(HEAD + """
                paths:
                  /pets:
                    get:
                      responses:
                        '200': {$ref: '#/components/responses/Ok'}
                components:
                  responses:
                    Ok: {description: ok}
                  schemas:
                    Odd: {type: object, properties: {$ref: {type: string}}}
                """);
        assertThat(api.operations()).singleElement().extracting(ImportedOperation::path).isEqualTo("/pets");
    }

    @Test
    void refusesADocumentOverTheSizeLimitAsTextAndAsBytes() {
        String big = HEAD + "paths: {}\nx-filler: '" + "a".repeat(10 * 1024 * 1024) + "'\n";
        assertThatThrownBy(() -> importer.read(big)).isInstanceOf(InvalidDocumentException.class)
                .hasMessage("The document is larger than the limit of 10 MB.");
        assertThatThrownBy(() -> importer.read(big.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessage("The document is larger than the limit of 10 MB.");
        // Multi-byte characters count as the bytes they take.
        String wide = HEAD + "paths: {}\nx-filler: '" + "é".repeat(5 * 1024 * 1024 + 1) + "'\n";
        assertThatThrownBy(() -> importer.read(wide)).isInstanceOf(InvalidDocumentException.class)
                .hasMessage("The document is larger than the limit of 10 MB.");
    }

    @Test
    void refusesTwoYamlDocumentsInOneFile() {
        assertThatThrownBy(() -> importer.read(HEAD + "paths: {}\n---\n" + HEAD + "paths: {}\n"))
                .isInstanceOf(InvalidDocumentException.class).hasMessage(
                        "The file holds more than one YAML document; an API description must be a single document.");
    }

    @Test
    void saysWhereTheYamlOrJsonIsBroken() {
        assertThatThrownBy(() -> importer.read(HEAD + "paths:\n\t/a: {}\n")).isInstanceOf(InvalidDocumentException.class)
                .hasMessageStartingWith("The document is not valid YAML: ").hasMessageContaining("(line 4, column 1)");
        assertThatThrownBy(() -> importer.read("{\"openapi\": \"3.0.3\",\n \"info\": }"))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageStartingWith("The document is not valid JSON: ").hasMessageContaining("(line 2, column");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            openapi: 3.2.0                 | The document says it is OpenAPI 3.2.0, a version Gatehouse cannot read yet; Gatehouse reads Swagger 2.0 and OpenAPI 3.0 and 3.1.
            openapi: '4.0'                 | The document says it is OpenAPI 4.0, a version Gatehouse cannot read yet; Gatehouse reads Swagger 2.0 and OpenAPI 3.0 and 3.1.
            swagger: '1.2'                 | The document says it is Swagger 1.2, a version Gatehouse cannot read; Gatehouse reads Swagger 2.0 and OpenAPI 3.0 and 3.1.
            info: {title: T, version: '1'} | This is not a Swagger 2.0 or OpenAPI 3.x document: it has no openapi or swagger field naming its version.
            openapi: [3.0.0]               | This is not a Swagger 2.0 or OpenAPI 3.x document: it has no openapi or swagger field naming its version.
            """)
    void namesTheFormatVersionItCannotRead(String firstLine, String refusal) {
        assertThatThrownBy(() -> importer.read(firstLine + "\npaths: {}\n")).isInstanceOf(InvalidDocumentException.class)
                .hasMessage(refusal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "- a\n- b", "42", "{", "}", "openapi", "openapi: 3.0.0", "openapi: 3.0.0\ninfo: x",
            "openapi: 3.0.0\ninfo: {title: [a], version: {b: c}}\npaths: []", "swagger: '2.0'\ninfo: {}\npaths: 7",
            "swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {/a: {get: 5}}", "\u0000", "'", "? [a]\n: b",
            "!!binary abc", "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {/a: {$ref: '#/paths/~1a'}}",
            "%YAML 1.1\n---\nopenapi: 3.0.0", "{\"openapi\": \"3.0.0\"} trailing"})
    void throwsNothingButInvalidDocumentExceptionForOddInput(String document) {
        assertThatCode(() -> {
            try {
                importer.read(document);
            } catch (InvalidDocumentException e) {
                OpenApiCorpusTests.assertClear(e);
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void throwsNothingButInvalidDocumentExceptionForCutOffOrCorruptedDocuments() throws Exception {
        byte[] document = Corpus.entry("redoc-demo-openapi-3.0.yaml").bytes();
        Random random = new Random(42);
        for (int i = 0; i < 60; i++) {
            byte[] damaged = java.util.Arrays.copyOf(document, random.nextInt(document.length));
            if (i % 2 == 0 && damaged.length > 0) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            assertThatCode(() -> {
                try {
                    importer.read(damaged);
                } catch (InvalidDocumentException e) {
                    OpenApiCorpusTests.assertClear(e);
                }
            }).as("damaged copy %d", i).doesNotThrowAnyException();
        }
    }

    /** {@code depth} nested flow mappings: {a: {a: ... {}}}. */
    private static String nested(int depth) {
        return "{a: ".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }
}
