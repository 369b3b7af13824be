package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.KafkaTestKitException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool;

/**
 * Writes a node's {@code server.properties} and formats its storage with Kafka's own
 * {@code kafka-storage format} tool ({@code StorageTool.execute}), run inside the calling JVM.
 * Formatting an already formatted directory is a no-op ({@code --ignore-formatted}), so a restarted
 * node keeps its data. Thread-safe.
 */
final class StorageFormatter {

    private StorageFormatter() {
    }

    /** Formats the log directories that {@code propertiesFile} names, unless they are formatted already. */
    static void format(Path propertiesFile, String clusterId) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(new String[] {
                "format", "--cluster-id", clusterId, "--config", propertiesFile.toString(), "--ignore-formatted"
            }, out);
        } catch (RuntimeException e) {
            throw new KafkaTestKitException("Formatting Kafka storage with " + propertiesFile + " failed: "
                    + e.getMessage() + ' ' + output.toString(StandardCharsets.UTF_8).trim(), e);
        }
        if (exitCode != 0) {
            throw new KafkaTestKitException("Formatting Kafka storage with " + propertiesFile + " exited with "
                    + exitCode + ": " + output.toString(StandardCharsets.UTF_8).trim());
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
