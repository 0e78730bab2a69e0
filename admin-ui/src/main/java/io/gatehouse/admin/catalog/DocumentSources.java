package io.gatehouse.admin.catalog;

import java.io.IOException;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import io.gatehouse.admin.AdminProperties;
import io.gatehouse.importer.DocumentFetchException;
import io.gatehouse.importer.DocumentText;
import io.gatehouse.importer.FetchPolicy;
import io.gatehouse.importer.InvalidDocumentException;
import io.gatehouse.importer.UrlDocumentFetcher;

/** Where an imported document comes from: an uploaded file, pasted text, or a URL fetched without reaching inside the network. */
@Component
class DocumentSources {

    private final UrlDocumentFetcher fetcher;

    DocumentSources(AdminProperties properties) {
        this.fetcher = new UrlDocumentFetcher(FetchPolicy.DEFAULTS.allowing(properties.importAllowList()));
    }

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
        return new Fetched("file " + file.getOriginalFilename(), DocumentText.decode(file.getBytes()));
    }

    Fetched fromUrl(String url) throws InvalidDocumentException {
        if (url == null || url.isBlank()) {
            throw new InvalidDocumentException(List.of("Enter the URL of an OpenAPI or Swagger document."));
        }
        try {
            return new Fetched("URL " + url.trim(), DocumentText.decode(fetcher.fetch(url.trim())));
        } catch (DocumentFetchException refused) {
            throw new InvalidDocumentException(List.of(refused.getMessage()));
        }
    }
}
