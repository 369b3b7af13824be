package dev.kafkasdk.test.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmClasspathTest {

    @TempDir
    Path dir;

    @Test
    void readsAbsoluteAndRelativeManifestClassPathEntries() throws IOException {
        Path booter = dir.resolve("booter.jar");
        Path other = dir.resolve("lib").resolve("other.jar");
        writeManifestOnlyJar(booter, other.toUri() + " classes/ sub%20dir/x.jar");

        List<Path> entries = JvmClasspath.manifestClassPath(booter);

        assertThat(entries)
                .containsExactly(
                        other, dir.resolve("classes"), dir.resolve("sub dir").resolve("x.jar"));
    }

    @Test
    void resolvedClassPathHoldsTheBrokerAndTheKit() {
        List<String> entries = JvmClasspath.resolve();

        assertThat(entries).anyMatch(e -> e.contains("kafka_2.13"));
        assertThat(entries).anyMatch(e -> e.contains("kafka-clients"));
        assertThat(entries).anyMatch(e -> e.contains("scala-library"));
        assertThat(entries).doesNotHaveDuplicates();
    }

    private static void writeManifestOnlyJar(Path jar, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.finish(); // the manifest is the whole jar
        }
    }
}
