package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.KafkaTestKitException;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Works out the class path a child broker JVM needs: the test class path of this JVM. Under Maven
 * Surefire/Failsafe {@code java.class.path} may hold only a manifest-only booter jar, so entries
 * whose manifest has a {@code Class-Path} are expanded, {@code surefire.test.class.path} is used when
 * present, and the jars of the classes a broker needs are added if still missing. Thread-safe.
 */
final class JvmClasspath {

    /** Classes whose jars the child JVM cannot run without. */
    private static final List<String> REQUIRED_CLASSES = List.of(
            "kafka.Kafka",
            "org.apache.kafka.server.config.AbstractKafkaConfig",
            "org.apache.kafka.clients.producer.KafkaProducer",
            "scala.Predef",
            "org.slf4j.LoggerFactory",
            "dev.kafkasdk.test.internal.ChildBrokerMain");

    private JvmClasspath() {}

    /** The resolved class path as absolute entries, in order, without duplicates. */
    static List<String> resolve() {
        String surefire = System.getProperty("surefire.test.class.path");
        String raw = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path", "");
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : raw.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                expand(Path.of(entry).toAbsolutePath(), entries, 0);
            }
        }
        for (String className : REQUIRED_CLASSES) {
            entries.add(locationOf(className));
        }
        return new ArrayList<>(entries);
    }

    private static void expand(Path entry, Set<String> entries, int depth) {
        if (!entries.add(entry.toString())
                || depth > 2
                || !entry.toString().endsWith(".jar")
                || !Files.isRegularFile(entry)) {
            return;
        }
        for (Path referenced : manifestClassPath(entry)) {
            expand(referenced, entries, depth + 1);
        }
    }

    /** The entries of a jar's {@code Class-Path} manifest attribute, resolved against the jar's folder. */
    static List<Path> manifestClassPath(Path jar) {
        List<Path> result = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath =
                    manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return result;
            }
            URI base = jar.getParent().toUri();
            for (String item : classPath.trim().split("\\s+")) {
                if (!item.isEmpty()) {
                    result.add(Path.of(base.resolve(item)).toAbsolutePath());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // not a readable jar or an odd entry: keep the entry itself and go on
        }
        return result;
    }

    private static String locationOf(String className) {
        try {
            Class<?> type = Class.forName(className, false, JvmClasspath.class.getClassLoader());
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                throw new KafkaTestKitException("Cannot find the jar of " + className + " for the child broker JVMs");
            }
            return Path.of(source.getLocation().toURI()).toAbsolutePath().toString();
        } catch (ClassNotFoundException e) {
            throw new KafkaTestKitException(
                    "Class " + className + " is not on the class path; the CHILD_JVM backend needs"
                            + " org.apache.kafka:kafka_2.13 and its dependencies in test scope",
                    e);
        } catch (URISyntaxException e) {
            throw new KafkaTestKitException("Cannot turn the location of " + className + " into a path", e);
        }
    }
}
