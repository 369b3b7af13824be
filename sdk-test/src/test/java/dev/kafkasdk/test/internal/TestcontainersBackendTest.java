package dev.kafkasdk.test.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.EmbeddedKafka;
import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaTestKitException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TestcontainersBackendTest {

    @Test
    void withoutADockerEngineTheBackendFailsWithAClearMessage() {
        assumeTrue(
                System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock")),
                "a Docker engine may be present");
        EmbeddedKafkaOptions options =
                EmbeddedKafkaOptions.builder().backend(Backend.TESTCONTAINERS).build();

        assertThatThrownBy(() -> EmbeddedKafka.start(options))
                .isInstanceOf(KafkaTestKitException.class)
                .hasMessageContaining("TESTCONTAINERS needs a Docker engine")
                .hasMessageContaining("IN_PROCESS or CHILD_JVM");
    }

    @Test
    void brokerKeysBecomeTheImagesEnvironmentVariables() {
        assertThat(TestcontainersCluster.environmentName("auto.create.topics.enable"))
                .isEqualTo("KAFKA_AUTO_CREATE_TOPICS_ENABLE");
        assertThat(TestcontainersCluster.environmentName("log.retention-ms_x"))
                .isEqualTo("KAFKA_LOG_RETENTION___MS__X");
    }
}
