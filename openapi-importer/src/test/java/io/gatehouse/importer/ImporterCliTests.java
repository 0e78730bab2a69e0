package io.gatehouse.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gatehouse.importer.cli.ImporterCli;

/** The command line, run in-process with its output captured. */
class ImporterCliTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void summarisesAValidDocumentAndExitsZero() throws Exception {
        int status = run("validate", Corpus.entry("redoc-demo-openapi-3.0.yaml").path().toString());
        assertThat(status).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).contains("Valid: ", "redoc-demo-openapi-3.0.yaml")
                .contains("  format:            OpenAPI 3.0.0")
                .contains("  title:             Swagger Petstore")
                .contains("  version:           1.0.0")
                .contains("  operations:        21")
                .contains("  security schemes:  2", "    - petstore_auth: OAuth 2 (implicit)",
                        "    - api_key: API key in header api_key")
                .contains("  warnings:          4", "    - The field components.schemas.User.items is missing.");
    }

    @Test
    void namesSwagger20AndADocumentWithoutSchemesOrWarnings() throws Exception {
        assertThat(run("validate", Corpus.entry("oai-v2-uber.json").path().toString())).isZero();
        assertThat(out()).contains("  format:            Swagger 2.0", "  title:             Uber API",
                "  operations:        5", "  security schemes:  none", "  warnings:          none");
    }

    @Test
    void listsTheReasonsForARefusalAndExitsOne() throws Exception {
        int status = run("validate", Corpus.entry("sp-billion-laughs.yaml").path().toString());
        assertThat(status).isOne();
        assertThat(out()).isEmpty();
        assertThat(err()).startsWith("Refused: ").contains("sp-billion-laughs.yaml")
                .contains("  - The document uses more than 50 YAML aliases (*name), more than an API description"
                        + " needs.")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void refusesAMissingFileAndAnInternalUrlWithOneSentenceEach(@TempDir Path dir) {
        assertThat(run("validate", dir.resolve("nothing.yaml").toString())).isOne();
        assertThat(err()).contains("  - The file " + dir.resolve("nothing.yaml") + " does not exist.");
        err.reset();
        assertThat(run("validate", dir.toString())).isOne();
        assertThat(err()).contains("is a directory, not a document.");
        err.reset();
        assertThat(run("validate", "http://169.254.169.254/latest/meta-data/")).isOne();
        assertThat(err()).contains("  - The address 169.254.169.254 is the link-local address of cloud metadata"
                + " services, and documents are fetched only from public addresses unless the import allow-list"
                + " includes them.");
    }

    @Test
    void readsAnIso88591File(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin.yaml");
        Files.write(file, "openapi: 3.0.3\ninfo: {title: Café, version: '1'}\npaths: {}\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run("validate", file.toString())).isZero();
        assertThat(out()).contains("  title:             Café");
    }

    @Test
    void explainsUsageErrorsAndExitsTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).startsWith("Name a command.").contains("Usage: validate");
        err.reset();
        assertThat(run("lint", "x.yaml")).isEqualTo(2);
        assertThat(err()).startsWith("Unknown command lint; the command is validate.");
        err.reset();
        assertThat(run("validate")).isEqualTo(2);
        assertThat(err()).startsWith("validate takes exactly one file or URL.");
        err.reset();
        assertThat(run("validate", "a.yaml", "b.yaml")).isEqualTo(2);
        err.reset();
        assertThat(run("validate", "--verbose", "a.yaml")).isEqualTo(2);
        assertThat(err()).startsWith("Unknown option --verbose.");
        err.reset();
        assertThat(run("validate", "--allow", "10.0.0.0/99", "http://10.0.0.1/")).isEqualTo(2);
        assertThat(err()).startsWith("The allow-list entry '10.0.0.0/99' has a prefix length outside 0 to 32.");
        err.reset();
        assertThat(run("validate", "--allow")).isEqualTo(2);
        assertThat(out()).isEmpty();
    }

    @Test
    void printsHelpOnRequest() {
        assertThat(run("--help")).isZero();
        assertThat(out()).startsWith("Usage: validate [--allow <address range or host>]... <file or http(s) URL>");
    }

    private int run(String... args) {
        return ImporterCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
