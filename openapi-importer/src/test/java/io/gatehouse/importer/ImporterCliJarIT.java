package io.gatehouse.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The packaged command line, run as a user would: java -jar openapi-importer-*-cli.jar validate FILE. */
class ImporterCliJarIT {

    @Test
    void theCliJarValidatesAndRefusesOnItsOwn() throws Exception {
        Run valid = run("validate", Corpus.entry("oai-v3.0-petstore.yaml").path().toString());
        assertThat(valid.status).isZero();
        assertThat(valid.out).contains("  title:             Swagger Petstore", "  operations:        3");
        assertThat(valid.err).as("nothing but the summary, not even a logging notice").isEmpty();

        Run refused = run("validate", Corpus.entry("sp-version-missing.yaml").path().toString());
        assertThat(refused.status).isOne();
        assertThat(refused.err).contains("  - The document has no info.version, which an API description must have.");

        assertThat(run("frobnicate").status).isEqualTo(2);
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stdout = Files.createTempFile("cli", ".out");
        Path stderr = Files.createTempFile("cli", ".err");
        try {
            List<String> command = Stream.concat(Stream.of(java.toString(), "-jar", cliJar().toString()),
                    Stream.of(args)).toList();
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the command line did not finish within 60 seconds: " + command);
            }
            return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static Path cliJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-cli.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no *-cli.jar in target/: the package phase builds it"));
        }
    }
}
