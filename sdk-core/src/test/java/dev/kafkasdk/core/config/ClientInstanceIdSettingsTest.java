package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kafkasdk.core.ConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The KIP-714 cluster settings of issue 17: defaults, binding, bad values. */
class ClientInstanceIdSettingsTest {

    private static KafkaSdkConfig load(String cluster) {
        return KafkaSdkConfig.loader()
                .yaml("cluster:\n  bootstrap-servers: broker1:9092\n" + cluster)
                .load();
    }

    @Test
    void offByDefaultWithATenSecondBoundAndNoKafkaProperty() {
        ClusterSettings cluster = load("").cluster();

        assertThat(cluster.clientInstanceIdTag()).isFalse();
        assertThat(cluster.clientInstanceIdTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void boundFromTheDocumentAndFromCode() {
        ClusterSettings fromFile = load("  client-instance-id-tag: true\n  client-instance-id-timeout: 3s\n")
                .cluster();
        ClusterSettings fromCode = ClusterSettings.builder()
                .bootstrapServers("b:9092")
                .clientInstanceIdTag(true)
                .clientInstanceIdTimeout(Duration.ofSeconds(3))
                .build();

        assertThat(fromFile.clientInstanceIdTag()).isTrue();
        assertThat(fromFile.clientInstanceIdTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(fromCode.clientInstanceIdTag()).isTrue();
        assertThat(fromCode.clientInstanceIdTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void badValuesNameTheKeyTheValueAndWhatIsValid() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> load("  client-instance-id-tag: sometimes\n  client-instance-id-timeout: 0s\n"));

        assertThat(e.problems())
                .anySatisfy(p -> {
                    assertThat(p.path()).isEqualTo("cluster.client-instance-id-tag");
                    assertThat(p.toString()).contains("sometimes").contains("true");
                })
                .anySatisfy(p -> {
                    assertThat(p.path()).isEqualTo("cluster.client-instance-id-timeout");
                    assertThat(p.toString()).contains("0ms").contains("more than zero");
                });
    }
}
