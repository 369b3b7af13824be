package dev.kafkasdk.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Runs {@link ParallelConsumerRun} in a child JVM against the same broker, with Parallel
 * Consumer 0.5.3.3 and the kafka-clients version it supports (3.9.1) instead of this module's
 * kafka-clients 4.4. The child's libraries are copied by the {@code parallel-consumer-lib}
 * execution of this module's pom into {@code target/parallel-consumer-lib}, next to the compiled
 * classes, which the child also uses.
 *
 * <p>The child's standard error goes to this JVM's; its standard output carries the result.
 */
final class ParallelConsumerProcess {

    /** The folder next to {@code target/classes} that holds the child's libraries. */
    static final String LIB_FOLDER = "parallel-consumer-lib";

    /**
     * The timed run's elapsed time and the child JVM's CPU time during it.
     *
     * @param nanos from the first record's start to the last record's end
     * @param cpuNanos CPU time the child JVM used in the timed run, all threads
     */
    record Result(long nanos, long cpuNanos) {}

    private ParallelConsumerProcess() {}

    /**
     * Starts a child JVM that reads the topic once to warm up and once timed (see
     * {@link ParallelConsumerRun#main}), and waits for it.
     *
     * @param consumerProperties kafka-clients consumer properties, group id included
     * @param topic the topic
     * @param records how many records the topic holds
     * @param wait the handler's simulated I/O wait per record
     * @param timeout how long the child may take in all
     * @return the timed run's result
     * @throws IllegalStateException if the libraries are missing, or the child fails or times out
     * @throws InterruptedException if the calling thread is interrupted
     */
    static Result run(
            Map<String, Object> consumerProperties, String topic, long records, Duration wait, Duration timeout)
            throws InterruptedException {
        Path output = null;
        Process child = null;
        try {
            output = Files.createTempFile("parallel-consumer-", ".out");
            Process process = new ProcessBuilder(command(consumerProperties, topic, records, wait))
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            child = process;
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("the Parallel Consumer JVM did not finish within " + timeout);
            }
            List<String> lines = Files.readAllLines(output);
            return lines.stream()
                    .filter(line ->
                            process.exitValue() == 0 && line.startsWith(ParallelConsumerRun.RESULT_PREFIX + " "))
                    .map(line -> line.split(" "))
                    .map(parts -> new Result(Long.parseLong(parts[1]), Long.parseLong(parts[2])))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the Parallel Consumer JVM exited with "
                            + process.exitValue() + " and no result; its output: " + lines));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the Parallel Consumer JVM: " + e.getMessage(), e);
        } finally {
            if (child != null) {
                child.destroyForcibly();
            }
            deleteQuietly(output);
        }
    }

    private static List<String> command(
            Map<String, Object> consumerProperties, String topic, long records, Duration wait) {
        Path classes = classesFolder();
        Path lib = classes.resolveSibling(LIB_FOLDER);
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing; build it with ./mvnw -pl benchmarks -am package");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m",
                "-Xmx512m",
                "-XX:+UseParallelGC",
                "-cp",
                classes + File.pathSeparator + lib.resolve("*"),
                ParallelConsumerRun.class.getName(),
                topic,
                Long.toString(records),
                String.valueOf(consumerProperties.get(ConsumerConfig.GROUP_ID_CONFIG)),
                Long.toString(wait.toMillis())));
        consumerProperties.forEach((key, value) -> {
            if (!key.equals(ConsumerConfig.GROUP_ID_CONFIG)) {
                command.add(key + "=" + value);
            }
        });
        return command;
    }

    private static Path classesFolder() {
        try {
            return Path.of(ParallelConsumerRun.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmark classes", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans it up
            }
        }
    }
}
