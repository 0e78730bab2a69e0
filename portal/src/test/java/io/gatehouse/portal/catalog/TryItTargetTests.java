package io.gatehouse.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TryItTargetTests {

    private final TryItTarget target = new TryItTarget("http://gateway.test:8000/");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "42                       | http://gateway.test:8000/shop/v1/pets/42/toys",
            "a b                      | http://gateway.test:8000/shop/v1/pets/a%20b/toys",
            "../admin                 | http://gateway.test:8000/shop/v1/pets/..%2Fadmin/toys",
            "//evil.example/x         | http://gateway.test:8000/shop/v1/pets/%2F%2Fevil.example%2Fx/toys",
            "http://evil.example/     | http://gateway.test:8000/shop/v1/pets/http%3A%2F%2Fevil.example%2F/toys",
            "@evil.example            | http://gateway.test:8000/shop/v1/pets/%40evil.example/toys",
            "x?admin=1#top            | http://gateway.test:8000/shop/v1/pets/x%3Fadmin%3D1%23top/toys",
            "100%                     | http://gateway.test:8000/shop/v1/pets/100%25/toys",
            "zoë                      | http://gateway.test:8000/shop/v1/pets/zo%C3%AB/toys",
            "..\\\\admin              | http://gateway.test:8000/shop/v1/pets/..%5C%5Cadmin/toys"})
    void aPathValueIsEncodedWholeAndStaysInItsSegment(String value, String expected) {
        URI uri = target.resolve("/shop/v1", "/pets/{petId}/toys", Map.of("petId", value), List.of());

        assertThat(uri).hasToString(expected);
        assertThat(uri.getHost()).isEqualTo("gateway.test");
        assertThat(uri.getPort()).isEqualTo(8000);
        assertThat(uri.getRawPath()).startsWith("/shop/v1/pets/").endsWith("/toys");
        assertThat(uri.getRawQuery()).isNull();
        assertThat(uri.getRawFragment()).isNull();
    }

    @Test
    void queryNamesAndValuesAreEncodedInOrderAndBlankOnesLeftOut() {
        URI uri = target.resolve("/shop/v1", "/pets", Map.of(), List.of(Map.entry("limit", "5"),
                Map.entry("empty", ""), Map.entry("filter[status]", "sold & gone"),
                Map.entry("next", "http://evil.example/?a=b#c")));

        assertThat(uri.getRawQuery())
                .isEqualTo("limit=5&filter%5Bstatus%5D=sold%20%26%20gone&next=http%3A%2F%2Fevil.example%2F%3Fa%3Db%23c");
        assertThat(uri.getHost()).isEqualTo("gateway.test");
        assertThat(uri.getRawPath()).isEqualTo("/shop/v1/pets");
    }

    @Test
    void theBaseUrlsOwnPathIsKeptAndItsTrailingSlashDropped() {
        TryItTarget underPath = new TryItTarget("https://api.example.com/gateway/");

        assertThat(underPath.base()).hasToString("https://api.example.com/gateway");
        assertThat(underPath.resolve("/shop/v1", "/pets/{id}", Map.of("id", "7"), List.of()))
                .hasToString("https://api.example.com/gateway/shop/v1/pets/7");
    }

    @Test
    void literalPartsOfTheDocumentsPathAreEncodedWhereAPathCannotHoldThem() {
        assertThat(target.resolve("/shop/v1", "/pets/{id}:feed now?", Map.of("id", "1"), List.of()))
                .hasToString("http://gateway.test:8000/shop/v1/pets/1:feed%20now%3F");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void aDotSegmentIsRefused(String value) {
        assertThatThrownBy(() -> target.resolve("/shop/v1", "/pets/{petId}", Map.of("petId", value), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("petId");
    }

    @Test
    void aMissingPathValueIsRefusedByName() {
        assertThatThrownBy(() -> target.resolve("/shop/v1", "/pets/{petId}", Map.of("petId", ""), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Fill in the path parameter petId.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://gateway.test", "gateway.test:8000", "/relative", "http://gw.test/?a=b",
            "http://user:secret@gw.test/", "http://gw.test/#top"})
    void aBaseUrlThatIsNotAPlainHttpUrlIsRefusedAtStartUp(String url) {
        assertThatThrownBy(() -> new TryItTarget(url)).isInstanceOf(IllegalArgumentException.class);
    }
}
