package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaTestKitException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.internals.AppInfoParser;

/**
 * Finds the class path of a broker of another Kafka release than the class path's: the jars in
 * {@code <dists>/<version>/} (filled at build time by the {@code compat-brokers} module) plus the
 * kit's own classes, which hold {@link ChildBrokerMain}. Stateless and thread-safe.
 */
final class BrokerDists {

    /** JVM options of a versioned broker: its slf4j-simple binding logs at WARN. */
    static final List<String> JVM_OPTIONS = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    private BrokerDists() {}

    /** The Kafka release on this JVM's class path, the in-process broker's. */
    static String classpathVersion() {
        return AppInfoParser.getVersion();
    }

    /**
     * The broker version to run: the system property {@value EmbeddedKafkaOptions#BROKER_VERSION_PROPERTY}
     * if set, else the options'; empty when that is the class path's own release.
     */
    static Optional<String> requested(EmbeddedKafkaOptions options) {
        Optional<String> version = BackendSelector.setValue(
                        System.getProperty(EmbeddedKafkaOptions.BROKER_VERSION_PROPERTY))
                .or(options::brokerVersion);
        return version.filter(v -> !v.equals(classpathVersion()));
    }

    /** The class path of a {@code version} broker; fails naming the folder and the versions there are. */
    static List<String> classpath(String version) {
        String property = EmbeddedKafkaOptions.BROKER_DISTS_PROPERTY;
        Optional<String> dists = BackendSelector.setValue(System.getProperty(property));
        if (dists.isEmpty()) {
            throw new KafkaTestKitException("A Kafka " + version + " broker needs its jars: set -D" + property
                    + "=<folder> holding " + version + "/*.jar (the build's compat-brokers module copies them"
                    + " into compat-brokers/target/brokers)");
        }
        Path dir = Path.of(dists.get(), version);
        List<String> jars = jars(dir);
        if (jars.isEmpty()) {
            throw new KafkaTestKitException("No Kafka " + version + " broker jars in " + dir.toAbsolutePath()
                    + " (" + property + "); versions there: " + available(Path.of(dists.get()))
                    + ". Add a compat-brokers module for " + version + " and build it");
        }
        List<String> entries = new ArrayList<>();
        entries.add(kitLocation());
        entries.addAll(jars);
        return entries;
    }

    private static List<String> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .map(f -> f.toAbsolutePath().toString())
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new KafkaTestKitException("Cannot list the broker jars in " + dir, e);
        }
    }

    private static String available(Path dists) {
        if (!Files.isDirectory(dists)) {
            return "none (the folder does not exist)";
        }
        try (Stream<Path> dirs = Files.list(dists)) {
            List<String> names = dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .collect(Collectors.toList());
            return names.isEmpty() ? "none" : String.join(", ", names);
        } catch (IOException e) {
            return "unknown (" + e + ")";
        }
    }

    private static String kitLocation() {
        CodeSource source = ChildBrokerMain.class.getProtectionDomain().getCodeSource();
        try {
            return Path.of(source.getLocation().toURI()).toAbsolutePath().toString();
        } catch (URISyntaxException | RuntimeException e) {
            throw new KafkaTestKitException("Cannot find the test kit's own classes for the child broker JVMs", e);
        }
    }
}
