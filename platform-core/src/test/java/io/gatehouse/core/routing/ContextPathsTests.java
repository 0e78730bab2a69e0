package io.gatehouse.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContextPathsTests {

    @ParameterizedTest
    @ValueSource(strings = {"/petstore", "/petstore/v1", "/a.b/c_d/e~f-g", "/petstore/v1/"})
    void acceptsPathsOfPlainSegments(String path) {
        assertThat(ContextPaths.problem(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "petstore", "/pet store", "/pets/{id}", "/a//b", "/ü"})
    void refusesEverythingElseWithASentence(String path) {
        assertThat(ContextPaths.problem(path)).hasValueSatisfying(p -> assertThat(p).endsWith("."));
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "/petstore, /petstore, true",
            "/petstore, /petstore/pets, true",
            "/petstore, /petstorefront, false",
            "/petstore/v1, /petstore, false",
    })
    void coversItselfAndWhatLiesBelowIt(String contextPath, String requestPath, boolean expected) {
        assertThat(ContextPaths.covers(contextPath, requestPath)).isEqualTo(expected);
    }
}
