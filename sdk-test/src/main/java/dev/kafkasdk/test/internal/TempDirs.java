package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.KafkaTestKitException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Creates and deletes the kit's data directories. Directories still present when the JVM exits
 * normally (a cluster that was never closed) are deleted by a shutdown hook. Thread-safe.
 */
final class TempDirs {

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempDirs::deleteLeftovers, "kafka-sdk-test-temp-cleaner"));
    }

    private TempDirs() {}

    static Path create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            LIVE.add(dir);
            return dir;
        } catch (IOException e) {
            throw new KafkaTestKitException("Could not create a temporary directory for Kafka data", e);
        }
    }

    /** Deletes a directory tree; files that vanish meanwhile are ignored. */
    static void deleteRecursively(Path root) {
        if (root == null) {
            return;
        }
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(TempDirs::deleteOne);
            } catch (IOException | UncheckedIOException e) {
                throw new KafkaTestKitException("Could not delete Kafka data directory " + root, e);
            }
        }
        LIVE.remove(root);
    }

    /** Keeps a directory on purpose (for example broker logs of a cluster that failed to start). */
    static void keep(Path root) {
        LIVE.remove(root);
    }

    private static void deleteLeftovers() {
        for (Path root : LIVE) {
            try {
                deleteRecursively(root);
            } catch (RuntimeException e) {
                // best effort while the JVM exits; a broker may still be writing
            }
        }
    }

    private static void deleteOne(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (NoSuchFileException ignored) {
            // removed concurrently
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
