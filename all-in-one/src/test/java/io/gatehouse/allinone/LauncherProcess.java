package io.gatehouse.allinone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The all-in-one jar started as a user starts it ({@code java -jar}), in its own working directory, with its output
 * kept in a log file and watched for the start-up banner.
 */
final class LauncherProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "gatehouse-all-in-one.jar").toAbsolutePath();

    final int portalPort = freePort();
    final int adminPort = freePort();
    final int gatewayPort = freePort();
    final int managementPort = freePort();
    private final Path workDir;
    private final Path log;
    private final StringBuffer output = new StringBuffer();
    private Process process;

    LauncherProcess(Path workDir, Path log) {
        this.workDir = workDir;
        this.log = log;
    }

    /** Starts the jar and returns the banner once it is printed. */
    String start(Duration timeout) throws IOException, InterruptedException {
        output.setLength(0);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx1g", "-jar", JAR.toString()))
                .directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of(
                "GATEHOUSE_PORTAL_PORT", String.valueOf(portalPort),
                "GATEHOUSE_ADMIN_PORT", String.valueOf(adminPort),
                "GATEHOUSE_GATEWAY_PORT", String.valueOf(gatewayPort),
                "GATEHOUSE_GATEWAY_MANAGEMENT_PORT", String.valueOf(managementPort)));
        builder.environment().remove("GATEHOUSE_KEYS_PEPPER");
        process = builder.start();
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardOpenOption.CREATE,
                         StandardOpenOption.APPEND))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.append(line).append('\n');
                    file.println(line);
                    file.flush();
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "all-in-one-output");
        pump.setDaemon(true);
        pump.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output.toString().contains("Stop with Ctrl+C")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the all-in-one did not start; its output is in " + log + ":\n" + output);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        String all = output.toString();
        return all.substring(all.indexOf("Gatehouse is running"));
    }

    /** Stops it as Ctrl+C or a service manager would (SIGTERM) and waits for it to exit. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the all-in-one did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
