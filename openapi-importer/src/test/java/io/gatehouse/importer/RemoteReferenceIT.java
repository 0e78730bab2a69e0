package io.gatehouse.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.gatehouse.testsupport.Canary;

/**
 * A reference to another document is refused by name, and even the parser on its own (without the guard in front)
 * never fetches one: a canary listening where the references point sees no connection.
 */
class RemoteReferenceIT {

    private Canary canary;

    @BeforeEach
    void startCanary() {
        canary = new Canary();
    }

    @AfterEach
    void stopCanary() throws IOException {
        canary.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0.3", "3.1.0", "2.0"})
    void refusesAReferenceToAnotherServerByNameWithoutContactingIt(String version) {
        String reference = "http://127.0.0.1:" + canary.port() + "/x.yaml";
        assertThatThrownBy(() -> new OpenApiImporter().read(document(version, reference)))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessage("The document refers to " + reference + "; only references inside the document (#/...)"
                        + " are allowed.");
        assertThat(canary.connections()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0.3", "3.1.0", "2.0"})
    // A parser that did fetch would wait forever on the silent canary: fail instead of hanging the build.
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theParserItselfNeverFetchesAReference(String version) {
        String reference = "http://127.0.0.1:" + canary.port() + "/x.yaml";
        OpenApiImporter.parse(document(version, reference), version.equals("2.0"));
        OpenApiImporter.parse(document(version, reference + "#/components/schemas/Pet"), version.equals("2.0"));
        assertThat(canary.connections()).isZero();
    }

    private static String document(String version, String reference) {
        String schemas = version.equals("2.0") ? "definitions" : "components:\n  schemas";
        String response = version.equals("2.0") ? "schema: {$ref: '" + reference + "'}"
                : "content: {application/json: {schema: {$ref: '" + reference + "'}}}";
        return (version.equals("2.0") ? "swagger: '2.0'" : "openapi: " + version) + "\n"
                + "info: {title: T, version: '1'}\n"
                + "paths:\n"
                + "  /pets:\n"
                + "    get:\n"
                + "      responses:\n"
                + "        '200': {description: ok, " + response + "}\n"
                + "        '404': {$ref: '" + reference + "'}\n"
                + schemas + ":\n"
                + (version.equals("2.0") ? "  " : "    ") + "Pet: {$ref: '" + reference + "'}\n";
    }
}
