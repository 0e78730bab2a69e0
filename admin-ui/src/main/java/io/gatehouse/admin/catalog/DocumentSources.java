package io.gatehouse.admin.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import io.gatehouse.importer.InvalidDocumentException;

/** Where an imported document comes from: an uploaded file, pasted text, or a URL. */
@Component
class DocumentSources {

    record Fetched(String label, String document) {
    }

    Fetched fromText(String text) throws InvalidDocumentException {
        if (text == null || text.isBlank()) {
            throw new InvalidDocumentException(List.of("Paste an OpenAPI or Swagger document."));
        }
        return new Fetched("pasted text", text);
    }

    Fetched fromFile(MultipartFile file) throws IOException, InvalidDocumentException {
        if (file == null || file.isEmpty()) {
            throw new InvalidDocumentException(List.of("Choose a file to upload."));
        }
        return new Fetched("file " + file.getOriginalFilename(), decode(file.getBytes()));
    }

    Fetched fromUrl(String url) throws InvalidDocumentException {
        throw new InvalidDocumentException(List.of("Import by URL is not available."));
    }

    /** UTF-8 (without a byte-order mark) when the bytes are valid UTF-8, else ISO-8859-1, as older documents use. */
    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
        }
    }
}
