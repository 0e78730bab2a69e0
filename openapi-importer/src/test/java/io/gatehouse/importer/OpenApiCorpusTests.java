package io.gatehouse.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every document of the shared corpus behaves as the manifest's {@code expect} column says. */
class OpenApiCorpusTests {

    private static final Pattern NOTED_OPERATIONS = Pattern.compile("\\| (\\d+) ops;");

    private final OpenApiImporter importer = new OpenApiImporter();

    static Stream<Corpus.Entry> documents() throws IOException {
        return Corpus.entries().stream();
    }

    @Test
    void theManifestListsTheWholeCorpusAndOnlyTheThreeKnownExpectations() throws IOException {
        List<Corpus.Entry> entries = Corpus.entries();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(37);
        assertThat(entries).extracting(Corpus.Entry::expect).containsOnly("valid", "reject", "either");
        assertThat(entries).allSatisfy(e -> assertThat(e.path()).isRegularFile());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void behavesAsTheManifestSays(Corpus.Entry entry) {
        byte[] bytes = entry.bytes();
        switch (entry.expect()) {
            case "valid" -> {
                ImportedApi api = importOrFail(entry, bytes);
                int written = RawOperations.count(DocumentText.decode(bytes));
                assertThat(api.operations()).as("operations of %s", entry).hasSize(written);
                Matcher noted = NOTED_OPERATIONS.matcher(entry.notes());
                if (noted.find()) {
                    assertThat(written).as("operations the manifest notes for %s", entry)
                            .isEqualTo(Integer.parseInt(noted.group(1)));
                }
                assertThat(api.title()).isNotBlank();
                assertThat(api.specVersion()).matches("2\\.0|3\\.[01]\\.\\d+");
            }
            case "reject" -> assertThatThrownBy(() -> importer.read(bytes))
                    .isInstanceOfSatisfying(InvalidDocumentException.class, OpenApiCorpusTests::assertClear);
            case "either" -> {
                Throwable thrown = catchThrowable(() -> importer.read(bytes));
                if (thrown == null) {
                    ImportedApi api = importOrFail(entry, bytes);
                    assertThat(api.operations()).hasSize(RawOperations.count(DocumentText.decode(bytes)));
                } else {
                    assertThat(thrown).isInstanceOfSatisfying(InvalidDocumentException.class,
                            OpenApiCorpusTests::assertClear);
                }
            }
            default -> throw new AssertionError("unknown expectation " + entry.expect() + " for " + entry.file());
        }
    }

    @Test
    void refusesTheBillionLaughsByItsAliasesWithoutExpandingThem() throws IOException {
        byte[] bomb = Corpus.entry("sp-billion-laughs.yaml").bytes();
        assertThatThrownBy(() -> importer.read(bomb)).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("YAML aliases");
    }

    @Test
    void readsTheIso88591DocumentFromItsBytes() throws Exception {
        ImportedApi api = importer.read(Corpus.entry("sp-issue-1119-latin1.yaml").bytes());
        assertThat(api.title()).isEqualTo("Swagger Petstore");
        assertThat(api.operations()).extracting(ImportedOperation::path).contains("/pets");
    }

    @Test
    void refusesADocumentThatIsNotOpenApiWithTheReasonAndNoParserJargon() throws IOException {
        byte[] recursive = Corpus.entry("sp-issue-998-anchor-key.yaml").bytes();
        assertThatThrownBy(() -> importer.read(recursive)).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("*id001");
        byte[] versionless = Corpus.entry("sp-version-missing.yaml").bytes();
        assertThatThrownBy(() -> importer.read(versionless)).isInstanceOf(InvalidDocumentException.class)
                .hasMessage("The document has no info.version, which an API description must have.");
        byte[] emptyEnum = Corpus.entry("oai-v3.1-test-fail-server-enum-empty.yaml").bytes();
        assertThatThrownBy(() -> importer.read(emptyEnum)).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("enum");
    }

    private ImportedApi importOrFail(Corpus.Entry entry, byte[] bytes) {
        try {
            return importer.read(bytes);
        } catch (InvalidDocumentException e) {
            throw new AssertionError(entry + " was refused: " + e.problems(), e);
        }
    }

    /** One or more sentences a person can read: no stack trace, no class names, no blank problem. */
    static void assertClear(InvalidDocumentException refusal) {
        assertThat(refusal.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem).isNotBlank().doesNotContain("\n", "Exception", "\tat ", "null");
            assertThat(problem.charAt(0)).isUpperCase();
            assertThat(problem).endsWith(".");
        });
    }
}
