package dev.kafkasdk.test.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaTestKitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerVersionOptionsTest {

    @KafkaBroker(version = "3.9.2")
    static class OnKafka39 {}

    @Test
    void theAnnotationCarriesTheBrokerVersion() {
        EmbeddedKafkaOptions options =
                AnnotationOptions.toOptions(OnKafka39.class.getAnnotation(KafkaBroker.class), OnKafka39.class);

        assertThat(options.brokerVersion()).contains("3.9.2");
        assertThat(EmbeddedKafkaOptions.defaults().brokerVersion()).isEmpty();
    }

    @Test
    void aVersionThatIsNoReleaseOrAnInProcessBackendIsRefusedWithWhatIsValid() {
        assertThatThrownBy(() -> EmbeddedKafkaOptions.builder()
                        .brokerVersion("3.9")
                        .backend(Backend.IN_PROCESS)
                        .build())
                .isInstanceOf(KafkaTestKitException.class)
                .hasMessageContaining("brokerVersion=3.9: must be a Kafka release such as 3.9.2")
                .hasMessageContaining(
                        "brokerVersion=3.9 with backend=IN_PROCESS: a broker of another version runs only on CHILD_JVM or AUTO");
    }

    @Test
    void theClasspathIsTheKitsClassesAndTheVersionsJars(@TempDir Path dists) throws Exception {
        Path dir = Files.createDirectories(dists.resolve("3.9.2"));
        Files.createFile(dir.resolve("kafka_2.13-3.9.2.jar"));
        Files.createFile(dir.resolve("kafka-clients-3.9.2.jar"));
        Files.createFile(dir.resolve("README.txt"));
        String previous = System.getProperty(EmbeddedKafkaOptions.BROKER_DISTS_PROPERTY);
        System.setProperty(EmbeddedKafkaOptions.BROKER_DISTS_PROPERTY, dists.toString());
        try {
            List<String> classpath = BrokerDists.classpath("3.9.2");
            assertThat(classpath).hasSize(3);
            assertThat(classpath.get(0)).doesNotContain("3.9.2");
            assertThat(classpath.subList(1, 3))
                    .containsExactly(
                            dir.resolve("kafka-clients-3.9.2.jar")
                                    .toAbsolutePath()
                                    .toString(),
                            dir.resolve("kafka_2.13-3.9.2.jar").toAbsolutePath().toString());
            assertThatThrownBy(() -> BrokerDists.classpath("4.1.0"))
                    .isInstanceOf(KafkaTestKitException.class)
                    .hasMessageContaining("No Kafka 4.1.0 broker jars in")
                    .hasMessageContaining("versions there: 3.9.2");
        } finally {
            if (previous == null) {
                System.clearProperty(EmbeddedKafkaOptions.BROKER_DISTS_PROPERTY);
            } else {
                System.setProperty(EmbeddedKafkaOptions.BROKER_DISTS_PROPERTY, previous);
            }
        }
    }

    @Test
    void theClasspathsOwnReleaseNeedsNoOtherJars() {
        EmbeddedKafkaOptions own = EmbeddedKafkaOptions.builder()
                .brokerVersion(BrokerDists.classpathVersion())
                .build();
        assertThat(BrokerDists.requested(own)).isEmpty();
        assertThat(BrokerDists.requested(
                        EmbeddedKafkaOptions.builder().brokerVersion("3.9.2").build()))
                .contains("3.9.2");
    }
}
