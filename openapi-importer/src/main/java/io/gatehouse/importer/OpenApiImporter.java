package io.gatehouse.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Reads Swagger 2.0, OpenAPI 3.0 and 3.1 (YAML or JSON) into an {@link ImportedApi}: checks the text, parses it
 * without ever letting the parser resolve a reference (no file or network access), then hands the parsed document
 * to {@link CatalogModelReader}.
 */
public final class OpenApiImporter {

    private static final Pattern SWAGGER_2 = Pattern.compile("(?m)^\\s*[{,]?\\s*[\"']?swagger[\"']?\\s*:\\s*[\"']?2\\.0");

    private final DocumentGuard guard = new DocumentGuard();

    public ImportedApi read(String document) throws InvalidDocumentException {
        guard.check(document);
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        // OpenAPIParser tries 3.x first, then reads Swagger 2.0 through its converter.
        SwaggerParseResult result = new OpenAPIParser().readContents(document, null, options);
        OpenAPI openApi = result.getOpenAPI();
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        if (openApi == null || openApi.getInfo() == null || openApi.getInfo().getTitle() == null) {
            List<String> problems = new ArrayList<>();
            problems.add("This is not a Swagger 2.0 or OpenAPI 3.x document with an info title.");
            problems.addAll(messages);
            throw new InvalidDocumentException(problems);
        }
        return CatalogModelReader.read(openApi, specVersion(openApi, document), messages);
    }

    private static String specVersion(OpenAPI openApi, String document) {
        // Swagger 2.0 documents arrive converted to 3.0; say what the provider wrote.
        if (SWAGGER_2.matcher(document.substring(0, Math.min(document.length(), 4096))).find()) {
            return "2.0";
        }
        return openApi.getOpenapi();
    }
}
