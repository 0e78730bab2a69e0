package io.gatehouse.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortalCatalogTests {

    @Test
    void aQueryIsLowerCaseWordsBoundedInNumberAndLength() {
        assertThat(PortalCatalog.terms("  Find   PETS find ")).containsExactly("find", "pets");
        assertThat(PortalCatalog.terms(null)).isEmpty();
        assertThat(PortalCatalog.terms(" ")).isEmpty();
        assertThat(PortalCatalog.terms("a b c d e f g h i j")).hasSize(PortalCatalog.MAX_TERMS);
        assertThat(String.join("", PortalCatalog.terms("x".repeat(5000)))).hasSize(PortalCatalog.MAX_QUERY_LENGTH);
    }

    @ParameterizedTest
    @CsvSource({"pets, %pets%", "50%, %50!%%", "snake_case, %snake!_case%", "wow!, %wow!!%"})
    void wildcardsInASearchAreEscaped(String term, String pattern) {
        assertThat(PortalCatalog.likePattern(term)).isEqualTo(pattern);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Swagger Petstore | 1.0.0 | YAML | swagger-petstore-1.0.0.yaml",
            "Stripe API | 2023-08-16 | YAML | stripe-api-2023-08-16.yaml",
            "Café Ünïcode / API | v2 (beta) | JSON | cafe-unicode-api-v2-beta.json",
            "\"><script> | ../../etc | JSON | script-etc.json",
            "日本語 | | YAML | openapi.yaml"})
    void theDownloadIsNamedAfterTitleAndVersionWithSafeCharactersOnly(String title, String version, String format,
            String fileName) {
        assertThat(PortalCatalog.fileName(title, version, format)).isEqualTo(fileName);
    }
}
