package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.KafkaTestKitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A child JVM started with {@code java @argfile}, its output appended to a log file, and killed by a
 * JVM shutdown hook if the test JVM exits while it runs. {@link Process#destroyForcibly()} sends
 * {@code SIGKILL} and {@link Process#destroy()} sends {@code SIGTERM} on Linux and macOS.
 * Thread-safe.
 */
final class ChildProcess {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "kafka-sdk-test-child-reaper"));
    }

    private final Process process;
    private final Path logFile;

    private ChildProcess(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Writes {@code arguments} (JVM options, main class, program arguments) to {@code argFile} and
     * starts {@code <java.home>/bin/java @argFile}. The child's standard input stays an open pipe
     * that {@link ParentWatchdog} watches.
     */
    static ChildProcess launch(List<String> arguments, Path argFile, Path logFile) {
        try {
            Files.write(
                    argFile,
                    arguments.stream().map(ChildProcess::quote).collect(Collectors.toList()),
                    StandardCharsets.UTF_8);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(java.toString(), "@" + argFile)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            RUNNING.add(process);
            process.onExit().thenRun(() -> RUNNING.remove(process));
            return new ChildProcess(process, logFile);
        } catch (IOException e) {
            throw new KafkaTestKitException(
                    "Could not start a child JVM (arguments in " + argFile + ", log " + logFile + ")", e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    Path logFile() {
        return logFile;
    }

    /** Sends {@code SIGKILL} without waiting. */
    void killAsync() {
        process.destroyForcibly();
    }

    /** Sends {@code SIGKILL} and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        if (!awaitExit(Duration.ofSeconds(30))) {
            throw new KafkaTestKitException("Process " + pid() + " did not die within 30 s of SIGKILL");
        }
    }

    /**
     * Sends {@code SIGTERM} and waits up to {@code timeout}; if the process still runs it is killed.
     *
     * @return {@code true} if the process exited on its own within the timeout
     */
    boolean terminate(Duration timeout) {
        process.destroy();
        if (awaitExit(timeout)) {
            return true;
        }
        kill();
        return false;
    }

    /** Sends a signal such as {@code STOP} or {@code CONT} with the operating system's {@code kill} command. */
    void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid()))
                    .redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new KafkaTestKitException("kill -" + name + " " + pid() + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
            }
        } catch (IOException e) {
            throw new KafkaTestKitException("Could not run kill -" + name + " " + pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaTestKitException("Interrupted while sending SIG" + name + " to " + pid(), e);
        }
    }

    /** Waits up to {@code timeout} for the process to exit; {@code true} if it has. */
    boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaTestKitException("Interrupted while waiting for process " + pid() + " to exit", e);
        }
    }

    /** The last {@code lines} lines of the log file, for error messages. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(log " + logFile + " unreadable: " + e + ")";
        }
    }

    /** Quotes one {@code @argfile} argument; backslashes and quotes are escaped. */
    static String quote(String argument) {
        return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
