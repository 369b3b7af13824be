package dev.kafkasdk.it.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.examples.ExampleArgs;
import dev.kafkasdk.examples.ExampleCluster;
import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/** The examples' embedded default: no cluster named, so a real broker starts in this JVM and stops on close. */
class ExampleClusterIT {

    @Test
    void withoutAClusterAnEmbeddedBrokerServesUntilClosed() throws Exception {
        String address;
        try (ExampleCluster kafka = ExampleCluster.start(ExampleArgs.parse())) {
            assertThat(kafka.isEmbedded()).isTrue();
            address = kafka.bootstrapServers();
            KafkaSdkConfig config = kafka.loadConfig("demo.yaml");
            assertThat(config.cluster().bootstrapServers()).containsExactly(address);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address))) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            }
            assertThat(kafka.name("orders")).isEqualTo("orders-" + kafka.runId());
        }
        String[] hostPort = address.split(":");
        assertThatThrownBy(() -> new Socket(hostPort[0], Integer.parseInt(hostPort[1])).close())
                .as("nothing listens on %s after close", address)
                .isInstanceOf(IOException.class);
    }

    @Test
    void badCommandLinesAreRejectedWithTheUsage() {
        assertThatThrownBy(() -> ExampleArgs.parse("--bootstrap-server", "x:1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option --bootstrap-server")
                .hasMessageContaining("--bootstrap-servers host:port");
        assertThatThrownBy(() -> ExampleArgs.parse("--records", "many").intOption("records", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--records must be a positive integer");
        assertThat(ExampleArgs.parse("--records=5").intOption("records", 1)).isEqualTo(5);
    }
}
