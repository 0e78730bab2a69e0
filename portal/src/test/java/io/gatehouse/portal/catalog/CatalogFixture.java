package io.gatehouse.portal.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.ApiLifecycle;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.catalog.NewApi;
import io.gatehouse.core.catalog.NewApiVersion;
import io.gatehouse.core.plan.Plan;
import io.gatehouse.core.plan.PlanService;
import io.gatehouse.core.plan.PlanTerms;
import io.gatehouse.importer.CatalogModelJson;
import io.gatehouse.importer.DocumentText;
import io.gatehouse.importer.ImportedApi;
import io.gatehouse.importer.InvalidDocumentException;
import io.gatehouse.importer.OpenApiImporter;

/**
 * Puts OpenAPI documents (from the shared corpus or written inline) into the catalog the way the admin UI does,
 * each at its own context path, so test classes sharing one application never collide.
 */
public final class CatalogFixture {

    private static final Actor ACTOR = Actor.system("catalog-test");
    private static final Path CORPUS = Path.of("shared", "openapi-corpus");

    private final CatalogService catalog;
    private final PlanService plans;
    private final OpenApiImporter importer = new OpenApiImporter();

    public CatalogFixture(CatalogService catalog, PlanService plans) {
        this.catalog = catalog;
        this.plans = plans;
    }

    /**
     * A corpus document as text, decoded as the admin UI decodes uploads; the corpus sits beside the project root,
     * and a missing one fails the test.
     */
    static String corpus(String file) {
        return DocumentText.decode(corpusBytes(file));
    }

    static byte[] corpusBytes(String file) {
        try {
            return Files.readAllBytes(corpusDirectory().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path corpusDirectory() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(CORPUS).resolve("MANIFEST.tsv"))) {
                return dir.resolve(CORPUS);
            }
        }
        throw new IllegalStateException("shared/openapi-corpus was not found above " + start);
    }

    /** A small OpenAPI 3.0 document with one tagged operation. */
    public static String document(String title, String description, String tag, String path, String summary) {
        return """
                openapi: 3.0.3
                info:
                  title: %s
                  version: 2.1.0
                  description: %s
                tags:
                  - name: %s
                    description: Everything about %s
                paths:
                  %s:
                    get:
                      tags: [%s]
                      summary: %s
                      responses:
                        '200':
                          description: OK
                """.formatted(title, description, tag, tag, path, tag, summary);
    }

    /** Imports {@code document} as a draft. */
    Api draft(String document) {
        ImportedApi imported = read(document);
        String format = document.stripLeading().startsWith("{") ? "JSON" : "YAML";
        NewApiVersion version = new NewApiVersion(imported.title(), imported.version(), imported.specVersion(),
                imported.description(), document, format, imported.apiKeyHeader(), List.of(),
                CatalogModelJson.write(imported), imported.searchText());
        String contextPath = "/test/" + UUID.randomUUID().toString().substring(0, 8);
        return catalog.create(new NewApi(contextPath, true, List.of(), null), version, ACTOR);
    }

    /** Imports {@code document} and publishes it. */
    public Api publish(String document) {
        Api api = draft(document);
        return catalog.moveTo(api.getId(), ApiLifecycle.PUBLISHED, ACTOR);
    }

    Api publishCorpus(String file) {
        return publish(corpus(file));
    }

    Api deprecate(Api api, Instant sunset) {
        return catalog.deprecate(api.getId(), sunset, ACTOR);
    }

    public Plan plan(Api api, PlanTerms terms) {
        return plans.create(api.getId(), terms, ACTOR);
    }

    private ImportedApi read(String document) {
        try {
            return importer.read(document);
        } catch (InvalidDocumentException e) {
            throw new IllegalArgumentException("test document does not import: " + e.getMessage(), e);
        }
    }
}
