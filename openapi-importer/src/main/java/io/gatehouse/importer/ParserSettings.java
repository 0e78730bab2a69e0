package io.gatehouse.importer;

/**
 * swagger-parser's YAML loaders are configured through process-wide options. Their code-point limit (3 MB by
 * default) would turn away large documents the importer accepts (Stripe's is 4 MB), so it is raised to the
 * importer's own size limit; the alias, depth and size checks that matter are the guard's, made before parsing.
 */
final class ParserSettings {

    private static int acceptedCodePoints;

    private ParserSettings() {
    }

    static synchronized void acceptDocumentsOf(int bytes) {
        if (bytes <= acceptedCodePoints) {
            return;
        }
        // A text of n bytes has at most n code points; never lower a limit someone else raised further.
        io.swagger.v3.parser.util.DeserializationUtils.Options v3 =
                io.swagger.v3.parser.util.DeserializationUtils.getOptions();
        v3.setMaxYamlCodePoints(Math.max(v3.getMaxYamlCodePoints(), bytes));
        io.swagger.parser.util.DeserializationUtils.Options v2 =
                io.swagger.parser.util.DeserializationUtils.getOptions();
        v2.setMaxYamlCodePoints(Math.max(v2.getMaxYamlCodePoints(), bytes));
        acceptedCodePoints = bytes;
    }
}
