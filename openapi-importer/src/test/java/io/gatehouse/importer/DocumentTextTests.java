package io.gatehouse.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DocumentTextTests {

    private static final String TEXT = "title: Cuántos artículos, 1 € \uD83D\uDE00";

    @Test
    void decodesUtf8WithOrWithoutAByteOrderMark() {
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        assertThat(DocumentText.decode(utf8)).isEqualTo(TEXT);
        assertThat(DocumentText.decode(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8)))
                .isEqualTo(TEXT);
    }

    @Test
    void fallsBackToIso88591WhenTheBytesAreNotUtf8() {
        String latin = "description: Cuántos artículos devolver (máximo 100)";
        assertThat(DocumentText.decode(latin.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(latin);
    }

    @Test
    void decodesUtf16WhenAByteOrderMarkSaysSo() {
        assertThat(DocumentText.decode(concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                TEXT.getBytes(StandardCharsets.UTF_16BE)))).isEqualTo(TEXT);
        assertThat(DocumentText.decode(concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                TEXT.getBytes(StandardCharsets.UTF_16LE)))).isEqualTo(TEXT);
    }

    @Test
    void dropsAByteOrderMarkLeftInAString() {
        assertThat(DocumentText.withoutByteOrderMark("\uFEFF" + TEXT)).isEqualTo(TEXT);
        assertThat(DocumentText.withoutByteOrderMark(TEXT)).isEqualTo(TEXT);
    }

    @Test
    void theImporterReadsLatin1AndBomDocumentsAlike() throws Exception {
        String yaml = "openapi: 3.0.3\ninfo: {title: Café, version: '1'}\npaths: {}\n";
        OpenApiImporter importer = new OpenApiImporter();
        assertThat(importer.read(yaml.getBytes(StandardCharsets.ISO_8859_1)).title()).isEqualTo("Café");
        assertThat(importer.read(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                yaml.getBytes(StandardCharsets.UTF_8))).title()).isEqualTo("Café");
        assertThat(importer.read("\uFEFF{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Café\", \"version\": \"1\"},"
                + " \"paths\": {}}").title()).isEqualTo("Café");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
