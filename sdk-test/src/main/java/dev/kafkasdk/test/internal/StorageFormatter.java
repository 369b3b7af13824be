package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.KafkaTestKitException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import kafka.tools.StorageTool;

/**
 * Writes a node's {@code server.properties} and formats its storage with Kafka's own
 * {@code kafka-storage format} tool ({@code StorageTool.execute}), run inside the calling JVM.
 * Formatting an already formatted directory is a no-op ({@code --ignore-formatted}), so a restarted
 * node keeps its data. Thread-safe.
 */
final class StorageFormatter {

    private StorageFormatter() {}

    /** Formats the log directories that {@code propertiesFile} names, unless they are formatted already. */
    static void format(Path propertiesFile, String clusterId) {
        format(propertiesFile, clusterId, List.of());
    }

    /**
     * Formats like {@link #format(Path, String)} with extra arguments, e.g. {@code --add-scram}
     * entries (which carry passwords: never put them in a message).
     */
    static void format(Path propertiesFile, String clusterId, List<String> extraArguments) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        List<String> args = new ArrayList<>(List.of(
                "format", "--cluster-id", clusterId, "--config", propertiesFile.toString(), "--ignore-formatted"));
        args.addAll(extraArguments);
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(args.toArray(new String[0]), out);
        } catch (RuntimeException e) {
            throw new KafkaTestKitException(
                    "Formatting Kafka storage with " + propertiesFile + " failed: " + e.getMessage() + ' '
                            + output.toString(StandardCharsets.UTF_8).trim(),
                    e);
        }
        if (exitCode != 0) {
            throw new KafkaTestKitException("Formatting Kafka storage with " + propertiesFile + " exited with "
                    + exitCode + ": " + output.toString(StandardCharsets.UTF_8).trim());
        }
    }

    /** The file beside {@code server.properties} holding the storage tool's extra arguments, one a line. */
    static Path formatArgumentsFile(Path propertiesFile) {
        return propertiesFile.resolveSibling("format.args");
    }

    /** Reads the extra format arguments written beside {@code propertiesFile}; none if there is no file. */
    static List<String> readFormatArguments(Path propertiesFile) {
        Path file = formatArgumentsFile(propertiesFile);
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new KafkaTestKitException("Could not read " + file, e);
        }
    }

    /** Writes extra format arguments beside {@code propertiesFile}, one a line. */
    static void writeFormatArguments(Path propertiesFile, List<String> arguments) {
        try {
            Files.write(formatArgumentsFile(propertiesFile), arguments, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KafkaTestKitException("Could not write the format arguments beside " + propertiesFile, e);
        }
    }

    /** Writes a broker configuration file. */
    static void write(Properties properties, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "written by the Kafka SDK test kit");
        } catch (IOException e) {
            throw new KafkaTestKitException("Could not write broker configuration " + file, e);
        }
    }
}
