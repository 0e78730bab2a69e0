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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A Gatehouse jar started as an operator starts it ({@code java -jar}, settings in environment variables), in its
 * own working directory, its output kept in a log file and watched for a line that says it is ready.
 */
final class JarProcess implements AutoCloseable {

    private final Path jar;
    private final Path workDir;
    private final Path log;
    private final Map<String, String> environment;
    private final List<String> args;
    private final StringBuffer output = new StringBuffer();
    private Process process;

    JarProcess(Path jar, Path workDir, Path log, Map<String, String> environment, List<String> args) {
        this.jar = jar;
        this.workDir = workDir;
        this.log = log;
        this.environment = Map.copyOf(environment);
        this.args = List.copyOf(args);
    }

    /** Starts the jar and returns its output once it contains {@code readyLine}. */
    String start(String readyLine, Duration timeout) throws IOException {
        output.setLength(0);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx768m", "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("GATEHOUSE_"));
        builder.environment().putAll(environment);
        process = builder.start();
        Thread pump = new Thread(this::pumpOutput, "output of " + jar.getFileName());
        pump.setDaemon(true);
        pump.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output.toString().contains(readyLine)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(jar.getFileName() + " did not start; its output is in " + log + ":\n" + output);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        return output.toString();
    }

    /** Stops it as Ctrl+C or a service manager would (SIGTERM) and waits for it to exit. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(jar.getFileName() + " did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A jar built by a sibling module of this reactor. */
    static Path moduleJar(String module, String name) {
        return Path.of("..", module, "target", name).toAbsolutePath().normalize();
    }

    private void pumpOutput() {
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
        } catch (IOException ended) {
            // the process is gone; what it wrote is in the log
        }
    }
}
