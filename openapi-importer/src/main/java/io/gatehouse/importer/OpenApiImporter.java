package io.gatehouse.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Reads Swagger 2.0, OpenAPI 3.0 and 3.1 (YAML or JSON) into an {@link ImportedApi}. The text is checked by
 * {@link DocumentGuard} before any parser sees it, then parsed by the parser for the version the document declares,
 * never letting it resolve a reference (no file or network access), and handed to {@link CatalogModelReader}.
 * Whatever the input, the only exception {@code read} throws is {@link InvalidDocumentException}.
 */
public final class OpenApiImporter {

    private static final Pattern OPENAPI_3 = Pattern.compile("3\\.[01](\\.\\d+)?");
    private static final String READS = "Gatehouse reads Swagger 2.0 and OpenAPI 3.0 and 3.1.";

    private final ImportLimits limits;
    private final DocumentGuard guard;

    public OpenApiImporter() {
        this(ImportLimits.DEFAULTS);
    }

    public OpenApiImporter(ImportLimits limits) {
        this.limits = limits;
        this.guard = new DocumentGuard(limits);
        ParserSettings.acceptDocumentsOf(limits.maxDocumentBytes());
    }

    /** Reads a document's bytes: UTF-8 (with or without a byte order mark), or ISO-8859-1 when not UTF-8. */
    public ImportedApi read(byte[] document) throws InvalidDocumentException {
        return validate(document).api();
    }

    public ImportedApi read(String document) throws InvalidDocumentException {
        String text = DocumentText.withoutByteOrderMark(document);
        return validate(text, text == null ? 0 : DocumentGuard.utf8Length(text, limits.maxDocumentBytes())).api();
    }

    /** Reads a document as {@link #read(byte[])} does, and also describes its security schemes. */
    public ValidationReport validate(byte[] document) throws InvalidDocumentException {
        if (document == null || document.length == 0) {
            throw new InvalidDocumentException(List.of("The document is empty."));
        }
        if (document.length > limits.maxDocumentBytes()) {
            throw new InvalidDocumentException(
                    List.of("The document is larger than the limit of " + limits.documentSize() + "."));
        }
        return validate(DocumentText.decode(document), document.length);
    }

    private ValidationReport validate(String text, long bytes) throws InvalidDocumentException {
        try {
            DocumentGuard.Facts facts = guard.check(text, bytes);
            boolean swagger2 = declaredFormat(facts);
            SwaggerParseResult result = parse(text, swagger2);
            ImportedApi api = toCatalogModel(result, swagger2 ? "2.0" : facts.openapi());
            return new ValidationReport(api, SecuritySchemeDescriptions.of(result.getOpenAPI()));
        } catch (RuntimeException | StackOverflowError e) {
            // The guard keeps known parser failures out; anything left is still the document's fault, not a crash.
            throw new InvalidDocumentException(List.of("The document could not be read: the parser stopped on it"
                    + " (" + e.getClass().getSimpleName() + ")."));
        }
    }

    /** Parses without resolving anything: no reference is followed, no file opened, no address contacted. */
    static SwaggerParseResult parse(String text, boolean swagger2) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        options.setResolveFully(false);
        options.setFlatten(false);
        options.setValidateExternalRefs(false);
        // Called directly rather than through OpenAPIParser, which would try every parser it finds on the
        // class path in turn (and read a 3.2 document as if it were Swagger 2.0).
        return swagger2 ? new SwaggerConverter().readContents(text, null, options)
                : new OpenAPIV3Parser().readContents(text, null, options);
    }

    /** True for Swagger 2.0, false for OpenAPI 3.0 or 3.1; refuses anything else. */
    private static boolean declaredFormat(DocumentGuard.Facts facts) throws InvalidDocumentException {
        if (facts.openapi() != null) {
            if (!OPENAPI_3.matcher(facts.openapi().strip()).matches()) {
                throw new InvalidDocumentException(List.of("The document says it is OpenAPI " + facts.openapi()
                        + ", a version Gatehouse cannot read yet; " + READS));
            }
            return false;
        }
        if (facts.swagger() != null) {
            if (!facts.swagger().strip().equals("2.0")) {
                throw new InvalidDocumentException(List.of("The document says it is Swagger " + facts.swagger()
                        + ", a version Gatehouse cannot read; " + READS));
            }
            return true;
        }
        throw new InvalidDocumentException(List.of("This is not a Swagger 2.0 or OpenAPI 3.x document: it has no"
                + " openapi or swagger field naming its version."));
    }

    private ImportedApi toCatalogModel(SwaggerParseResult result, String specVersion)
            throws InvalidDocumentException {
        ParserMessages messages = new ParserMessages(result.getMessages());
        OpenAPI openApi = result.getOpenAPI();
        List<String> problems = new ArrayList<>(messages.problems);
        if (openApi == null) {
            problems.add(0, "The document could not be read as an API description.");
        } else {
            if (problems.isEmpty() && (openApi.getInfo() == null || openApi.getInfo().getTitle() == null)) {
                problems.add("The document has no info.title, which an API description must have.");
            }
            problems.addAll(ServerVariableCheck.problems(openApi));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException(problems.stream().distinct().toList());
        }
        ImportedApi api = CatalogModelReader.read(openApi, specVersion, messages.warnings);
        // The guard counted operations written out in the text; YAML aliases may have added more.
        if (api.operations().size() > limits.maxOperations()) {
            throw new InvalidDocumentException(List.of(String.format(java.util.Locale.ROOT,
                    "The document describes more than %,d operations, the most one import accepts.",
                    limits.maxOperations())));
        }
        return api;
    }
}
