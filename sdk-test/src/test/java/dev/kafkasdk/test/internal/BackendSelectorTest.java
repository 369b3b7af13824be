package dev.kafkasdk.test.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.KafkaTestKitException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BackendSelectorTest {

    private static BackendSelector.Selection select(
            Backend requested, int nodes, String backendProperty, String bootstrap) {
        return BackendSelector.select(requested, nodes, backendProperty, bootstrap, null);
    }

    @Test
    void autoRunsOneNodeInProcess() {
        assertThat(select(Backend.AUTO, 1, null, null).backend()).isEqualTo(Backend.IN_PROCESS);
    }

    @Test
    void autoRunsSeveralNodesInChildJvms() {
        assertThat(select(Backend.AUTO, 3, null, null).backend()).isEqualTo(Backend.CHILD_JVM);
    }

    @Test
    void annotationChoiceIsKeptWithoutSystemProperties() {
        assertThat(select(Backend.CHILD_JVM, 1, null, null).backend()).isEqualTo(Backend.CHILD_JVM);
    }

    @Test
    void backendPropertyOverridesTheAnnotation() {
        assertThat(select(Backend.IN_PROCESS, 1, "child_jvm", null).backend()).isEqualTo(Backend.CHILD_JVM);
        assertThat(select(Backend.CHILD_JVM, 1, " in-process ", null).backend()).isEqualTo(Backend.IN_PROCESS);
    }

    @Test
    void bootstrapServersTurnAutoIntoExternal() {
        BackendSelector.Selection selection = select(Backend.AUTO, 3, null, " broker-1:9092,broker-2:9092 ");

        assertThat(selection.backend()).isEqualTo(Backend.EXTERNAL);
        assertThat(selection.bootstrapServers()).contains("broker-1:9092,broker-2:9092");
    }

    @Test
    void bootstrapServersDoNotOverrideAnExplicitAnnotationBackend() {
        BackendSelector.Selection selection = select(Backend.CHILD_JVM, 3, null, "broker:9092");

        assertThat(selection.backend()).isEqualTo(Backend.CHILD_JVM);
        assertThat(selection.bootstrapServers()).isEmpty();
    }

    @Test
    void backendPropertyExternalUsesTheBootstrapProperty() {
        assertThat(select(Backend.CHILD_JVM, 3, "EXTERNAL", "broker:9092"))
                .isEqualTo(new BackendSelector.Selection(Backend.EXTERNAL, Optional.of("broker:9092")));
    }

    @Test
    void optionsBootstrapServersAreUsedWhenThePropertyIsUnset() {
        assertThat(BackendSelector.select(Backend.AUTO, 1, null, "${kafka.bootstrap.servers}", "opt:9092"))
                .isEqualTo(new BackendSelector.Selection(Backend.EXTERNAL, Optional.of("opt:9092")));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "${kafka.sdk.test.backend}", "${kafka.bootstrap.servers}"})
    void blankValuesAndUnresolvedMavenPlaceholdersCountAsUnset(String raw) {
        assertThat(select(Backend.AUTO, 1, raw, raw).backend()).isEqualTo(Backend.IN_PROCESS);
    }

    @Test
    void unknownBackendPropertyNamesTheValidValues() {
        assertThatThrownBy(() -> select(Backend.AUTO, 1, "docker", null))
                .isInstanceOf(KafkaTestKitException.class)
                .hasMessageContaining("kafka.sdk.test.backend=docker")
                .hasMessageContaining("IN_PROCESS")
                .hasMessageContaining("CHILD_JVM");
    }

    @Test
    void externalWithoutServersExplainsWhatToSet() {
        assertThatThrownBy(() -> select(Backend.EXTERNAL, 1, null, ""))
                .isInstanceOf(KafkaTestKitException.class)
                .hasMessageContaining("-Dkafka.bootstrap.servers=host:port");
    }

    @Test
    void singleNodeBackendsRejectSeveralNodes() {
        assertThatThrownBy(() -> select(Backend.IN_PROCESS, 3, null, null))
                .isInstanceOf(KafkaTestKitException.class)
                .hasMessageContaining("IN_PROCESS runs a single node but 3 nodes");
        assertThatThrownBy(() -> select(Backend.AUTO, 2, "TESTCONTAINERS", null))
                .isInstanceOf(KafkaTestKitException.class)
                .hasMessageContaining("TESTCONTAINERS runs a single node");
    }

    @Test
    void autoNeverPicksTestcontainers() {
        for (int nodes = 1; nodes <= 5; nodes++) {
            assertThat(select(Backend.AUTO, nodes, null, null).backend()).isNotEqualTo(Backend.TESTCONTAINERS);
        }
    }
}
