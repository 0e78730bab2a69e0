package io.gatehouse.importer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.gatehouse.importer.DocumentFetchException;
import io.gatehouse.importer.FetchPolicy;
import io.gatehouse.importer.ImportLimits;
import io.gatehouse.importer.ImportedApi;
import io.gatehouse.importer.InvalidDocumentException;
import io.gatehouse.importer.OpenApiImporter;
import io.gatehouse.importer.UrlDocumentFetcher;
import io.gatehouse.importer.ValidationReport;

/**
 * The importer as a stand-alone linter: {@code validate [--allow <range or host>]... <file or URL>} prints what the
 * catalog would import, or why it would refuse the document. Exit status: 0 valid, 1 refused (invalid, unreadable or
 * not fetched), 2 the command line is wrong.
 */
public final class ImporterCli {

    static final int VALID = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            Usage: validate [--allow <address range or host>]... <file or http(s) URL>

            Reads a Swagger 2.0 or OpenAPI 3.0/3.1 document as Gatehouse imports it and prints a summary,
            or the reasons it is refused. A URL on a loopback, private or link-local address is refused
            unless --allow names its range (10.0.0.0/8) or host name.

            Exit status: 0 valid, 1 refused, 2 usage error.
            """;

    private ImporterCli() {
    }

    public static void main(String[] args) {
        // The parser logs through SLF4J, for which a command line has no binding: keep SLF4J's notice about that off
        // the terminal; everything worth saying is in the summary.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit status instead of exiting, so it can run inside another program. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> allow = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("help")) {
                out.print(USAGE_TEXT);
                return VALID;
            }
            if (arg.equals("--allow")) {
                if (i + 1 >= args.length) {
                    return usage(err, "--allow needs an address range or host name after it.");
                }
                allow.add(args[++i]);
            } else if (arg.startsWith("--allow=")) {
                allow.add(arg.substring("--allow=".length()));
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                return usage(err, "Unknown option " + arg + ".");
            } else {
                operands.add(arg);
            }
        }
        if (operands.isEmpty()) {
            return usage(err, "Name a command.");
        }
        if (!operands.get(0).equals("validate")) {
            return usage(err, "Unknown command " + operands.get(0) + "; the command is validate.");
        }
        if (operands.size() != 2) {
            return usage(err, "validate takes exactly one file or URL.");
        }
        FetchPolicy policy;
        try {
            policy = FetchPolicy.DEFAULTS.allowing(allow);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        return validate(operands.get(1), policy, out, err);
    }

    private static int validate(String source, FetchPolicy policy, PrintStream out, PrintStream err) {
        try {
            byte[] document = load(source, policy);
            ValidationReport report = new OpenApiImporter().validate(document);
            summary(source, report, out);
            return VALID;
        } catch (InvalidDocumentException e) {
            err.println("Refused: " + source);
            e.problems().forEach(problem -> err.println("  - " + problem));
            return REFUSED;
        } catch (DocumentFetchException | CannotRead e) {
            err.println("Refused: " + source);
            err.println("  - " + e.getMessage());
            return REFUSED;
        }
    }

    private static byte[] load(String source, FetchPolicy policy) throws DocumentFetchException, CannotRead {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new UrlDocumentFetcher(policy).fetch(source);
        }
        if (source.equals("-")) {
            return readLimited(System.in, "standard input");
        }
        Path path = Path.of(source);
        try {
            if (Files.isDirectory(path)) {
                throw new CannotRead("The path " + source + " is a directory, not a document.");
            }
            try (InputStream in = Files.newInputStream(path)) {
                return readLimited(in, source);
            }
        } catch (NoSuchFileException e) {
            throw new CannotRead("The file " + source + " does not exist.");
        } catch (IOException e) {
            throw new CannotRead("The file " + source + " could not be read.");
        }
    }

    /** Reads no more than one byte past the size limit, so an endless input cannot exhaust memory. */
    private static byte[] readLimited(InputStream in, String name) throws CannotRead {
        ImportLimits limits = ImportLimits.DEFAULTS;
        int limit = limits.maxDocumentBytes();
        try {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new CannotRead("The document in " + name + " is larger than the limit of "
                        + limits.documentSize() + ".");
            }
            return bytes;
        } catch (IOException e) {
            throw new CannotRead("The document in " + name + " could not be read.");
        }
    }

    private static void summary(String source, ValidationReport report, PrintStream out) {
        ImportedApi api = report.api();
        out.println("Valid: " + source);
        out.println("  format:            " + (api.specVersion().equals("2.0") ? "Swagger 2.0"
                : "OpenAPI " + api.specVersion()));
        out.println("  title:             " + api.title());
        out.println("  version:           " + api.version());
        out.println("  operations:        " + api.operations().size());
        if (report.securitySchemes().isEmpty()) {
            out.println("  security schemes:  none");
        } else {
            out.println("  security schemes:  " + report.securitySchemes().size());
            report.securitySchemes().forEach(scheme -> out.println("    - " + scheme));
        }
        if (api.warnings().isEmpty()) {
            out.println("  warnings:          none");
        } else {
            out.println("  warnings:          " + api.warnings().size());
            api.warnings().forEach(warning -> out.println("    - " + warning));
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println();
        err.print(USAGE_TEXT);
        return USAGE;
    }

    /** A local document that could not be read; the message is one sentence. */
    private static final class CannotRead extends Exception {

        CannotRead(String sentence) {
            super(sentence);
        }
    }
}
