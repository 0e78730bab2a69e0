package io.gatehouse.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PathTemplateTests {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
            "/pets, /pets, true",
            "/pets, /pets/, true",
            "/pets, /pets/1, false",
            "/pets/{petId}, /pets/42, true",
            "/pets/{petId}, /pets, false",
            "/pets/{petId}, /pets//, false",
            "/pets/{petId}/photos, /pets/42/photos, true",
            "/pets/{petId}/photos, /pets/42/toys, false",
            "/, /, true",
            "/, '', true",
            "/forecast/{city}, /forecast/Paris, true",
    })
    void matchesByWholeSegments(String template, String path, boolean expected) {
        assertThat(PathTemplate.of(template).matches(path)).isEqualTo(expected);
    }

    @Test
    void literalSegmentsAreMoreSpecificThanVariables() {
        assertThat(PathTemplate.of("/pets/mine").specificity()).isGreaterThan(PathTemplate.of("/pets/{id}").specificity());
        assertThat(PathTemplate.of("/pets/{id}/photos").specificity())
                .isGreaterThan(PathTemplate.of("/pets/{id}").specificity());
    }
}
