package dev.kafkasdk.test.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaTestKitException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnotationOptionsTest {

    @KafkaBroker(
            nodes = 3,
            backend = Backend.CHILD_JVM,
            partitions = 4,
            startupTimeoutSeconds = 30,
            brokerProperties = {"auto.create.topics.enable=false", " log.retention.ms = 1000 ", "x.y=a=b"})
    static class Configured {}

    @KafkaBroker(brokerProperties = {"no-equals", "=value", "listeners=PLAINTEXT://0.0.0.0:1"})
    static class Broken {}

    @KafkaBroker(nodes = 0, partitions = 0, brokerProperties = "listeners=PLAINTEXT://0.0.0.0:1")
    static class Invalid {}

    @Test
    void copiesEveryAttribute() {
        EmbeddedKafkaOptions options =
                AnnotationOptions.toOptions(Configured.class.getAnnotation(KafkaBroker.class), Configured.class);

        assertThat(options.nodes()).isEqualTo(3);
        assertThat(options.backend()).isEqualTo(Backend.CHILD_JVM);
        assertThat(options.defaultPartitions()).isEqualTo(4);
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.brokerProperties())
                .containsExactly(
                        Map.entry("auto.create.topics.enable", "false"),
                        Map.entry("log.retention.ms", "1000"),
                        Map.entry("x.y", "a=b"));
    }

    @Test
    void missingAnnotationGivesDefaults() {
        EmbeddedKafkaOptions options = AnnotationOptions.toOptions(null, Object.class);

        assertThat(options.nodes()).isEqualTo(1);
        assertThat(options.backend()).isEqualTo(Backend.AUTO);
        assertThat(options.brokerProperties()).isEmpty();
    }

    @Test
    void malformedLinesAreAllNamedWithTheClass() {
        assertThatThrownBy(
                        () -> AnnotationOptions.toOptions(Broken.class.getAnnotation(KafkaBroker.class), Broken.class))
                .isInstanceOf(KafkaTestKitException.class)
                .hasMessageContaining(Broken.class.getName())
                .hasMessageContaining("'no-equals'")
                .hasMessageContaining("'=value'");
    }

    @Test
    void invalidValuesAreReportedTogether() {
        assertThatThrownBy(() ->
                        AnnotationOptions.toOptions(Invalid.class.getAnnotation(KafkaBroker.class), Invalid.class))
                .isInstanceOf(KafkaTestKitException.class)
                .hasMessageContaining("nodes=0")
                .hasMessageContaining("defaultPartitions=0")
                .hasMessageContaining("the kit sets listeners itself");
    }
}
