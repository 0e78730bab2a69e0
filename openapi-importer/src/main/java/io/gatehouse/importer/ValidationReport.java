package io.gatehouse.importer;

import java.util.List;

/**
 * What validating a document found: the imported API and a description of each security scheme it declares, for
 * a summary such as the command line prints.
 *
 * @param securitySchemes one line per scheme: "api_key: API key in header X-API-Key"
 */
public record ValidationReport(ImportedApi api, List<String> securitySchemes) {

    public ValidationReport {
        securitySchemes = List.copyOf(securitySchemes);
    }
}
