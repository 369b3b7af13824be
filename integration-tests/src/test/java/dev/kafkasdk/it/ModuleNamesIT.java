package dev.kafkasdk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every library jar names its JPMS module in its manifest, so users on the module path get a stable
 * name. Runs where the modules are jars (failsafe after {@code package}); skipped on class directories.
 */
class ModuleNamesIT {

    @ParameterizedTest
    @CsvSource({
        "dev.kafkasdk.core.SdkClient, dev.kafkasdk.core",
        "dev.kafkasdk.producer.SdkProducer, dev.kafkasdk.producer",
        "dev.kafkasdk.consumer.SdkConsumer, dev.kafkasdk.consumer",
        "dev.kafkasdk.admin.SdkAdmin, dev.kafkasdk.admin",
        "dev.kafkasdk.test.KafkaCluster, dev.kafkasdk.test"
    })
    void eachLibraryJarDeclaresItsAutomaticModuleName(String type, String moduleName)
            throws ClassNotFoundException, IOException, URISyntaxException {
        Path location = Path.of(Class.forName(type)
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        assumeTrue(Files.isRegularFile(location), "classes come from a directory, not a jar: " + location);

        try (JarFile jar = new JarFile(location.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                    .isEqualTo(moduleName);
        }
        assertThat(moduleName).isEqualTo(Class.forName(type).getPackageName());
    }
}
