package io.gatehouse.admin.catalog;

import java.util.List;

import org.springframework.stereotype.Service;

import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.ApiVersion;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.catalog.MockResponse;
import io.gatehouse.core.catalog.NewApi;
import io.gatehouse.core.catalog.NewApiVersion;
import io.gatehouse.importer.CatalogModelJson;
import io.gatehouse.importer.ImportedApi;
import io.gatehouse.importer.ImportedOperation;
import io.gatehouse.importer.InvalidDocumentException;
import io.gatehouse.importer.OpenApiImporter;

/** Turns an OpenAPI document into a catalog Api or a new version of one: the importer reads it, the catalog stores it. */
@Service
public class ApiImportService {

    private final OpenApiImporter importer = new OpenApiImporter();
    private final CatalogService catalog;

    ApiImportService(CatalogService catalog) {
        this.catalog = catalog;
    }

    public ImportedApi read(String document) throws InvalidDocumentException {
        return importer.read(document);
    }

    public Api importDocument(String document, NewApi placement, Actor actor) throws InvalidDocumentException {
        return catalog.create(placement, toNewVersion(importer.read(document), document), actor);
    }

    public ApiVersion importVersion(long apiId, String document, Actor actor) throws InvalidDocumentException {
        return catalog.addVersion(apiId, toNewVersion(importer.read(document), document), actor);
    }

    static NewApiVersion toNewVersion(ImportedApi imported, String document) {
        List<NewApiVersion.Operation> operations = imported.operations().stream()
                .map(ApiImportService::toOperation)
                .toList();
        String format = document.stripLeading().startsWith("{") ? "JSON" : "YAML";
        return new NewApiVersion(imported.title(), imported.version(), imported.specVersion(), imported.description(),
                document, format, imported.apiKeyHeader(), operations, CatalogModelJson.write(imported),
                imported.searchText());
    }

    private static NewApiVersion.Operation toOperation(ImportedOperation operation) {
        List<MockResponse> examples = operation.examples().stream()
                .map(e -> new MockResponse(e.status(), e.contentType(), e.name(), e.body()))
                .toList();
        return new NewApiVersion.Operation(operation.method(), operation.path(), operation.operationId(),
                operation.summary(), operation.tags(), operation.deprecated(), examples);
    }
}
