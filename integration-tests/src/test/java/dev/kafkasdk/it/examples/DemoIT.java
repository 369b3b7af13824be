package dev.kafkasdk.it.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.examples.Demo;
import dev.kafkasdk.examples.DemoSummary;
import dev.kafkasdk.examples.ExampleArgs;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KafkaBroker
class DemoIT {

    @Test
    void demoAgainstAGivenBrokerEndsWithMatchingCounts(KafkaCluster kafka) throws Exception {
        String runId = kafka.uniqueTopicName("demo").replace('.', '-');

        DemoSummary summary = Demo.execute(ExampleArgs.parse(
                "--bootstrap-servers", kafka.bootstrapServers(), "--records", "300", "--run-id", runId));

        assertThat(summary.problems()).isEmpty();
        assertThat(summary.presets()).isEqualTo(3);
        assertThat(summary.sent()).isEqualTo(900);
        assertThat(summary.failed()).isZero();
        assertThat(summary.consumed()).isEqualTo(900);
        assertThat(summary.storedRows()).isEqualTo(900);
        assertThat(summary.storedOffsets()).isEqualTo(900);
        assertThat(summary.committed()).isEqualTo(900);
        assertThat(summary.replayExpected()).isEqualTo(600);
        assertThat(summary.replayed()).isEqualTo(600);
        assertThat(summary.lag()).isZero();
        assertThat(summary.format()).contains("[demo] OK");
        // the demo's topic and group are named after the run
        assertThat(ClusterReads.committedOffsets(kafka, "demo-ledger-" + runId))
                .isEqualTo(ClusterReads.endOffsets(kafka, "demo.orders-" + runId));
    }

    @Test
    void configFileMergedOverDemoYamlChangesTheClients(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("my-cluster.yaml"), """
                cluster:
                  bootstrap-servers: %s
                producers:
                  fast:
                    preset: DURABLE
                """.formatted(kafka.bootstrapServers()));
        String runId = kafka.uniqueTopicName("demo-config").replace('.', '-');

        DemoSummary summary =
                Demo.execute(ExampleArgs.parse("--config", config.toString(), "--records", "100", "--run-id", runId));

        assertThat(summary.problems()).isEmpty();
        assertThat(summary.sent()).isEqualTo(300);
        assertThat(summary.lag()).isZero();
    }
}
