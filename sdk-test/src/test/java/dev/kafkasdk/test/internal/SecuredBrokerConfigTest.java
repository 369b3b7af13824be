package dev.kafkasdk.test.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.Sasl;
import dev.kafkasdk.test.SecuredListener;
import dev.kafkasdk.test.SecurityOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The brokers' listener, SASL and authorizer settings with and without secured internal listeners. */
class SecuredBrokerConfigTest {

    @TempDir
    Path dir;

    private Properties render(SecurityOptions security, SecurityMaterial material) {
        List<BrokerConfig.NodeAddress> cluster = BrokerConfig.allocate(
                3, security.listeners(), security.interBrokerListener().orElse(null), false);
        return BrokerConfig.forNode(
                cluster.get(1),
                cluster,
                dir.resolve("data"),
                EmbeddedKafkaOptions.builder().nodes(3).security(security).build(),
                material);
    }

    @Test
    void aSaslInterBrokerListenerReplacesEveryPlaintextListener() {
        SecurityOptions security = SecurityOptions.builder()
                .listeners(SecuredListener.SASL_SSL, SecuredListener.MUTUAL_TLS)
                .users("alice")
                .authorizer(true)
                .interBroker(SecuredListener.SASL_SSL, Sasl.SCRAM_SHA_256)
                .build();
        try (SecurityMaterial material = SecurityMaterial.generate(security, dir)) {
            Properties p = render(security, material);

            assertThat(p.getProperty("listeners").split(","))
                    .extracting(listener -> listener.substring(0, listener.indexOf(':')))
                    .containsExactly("SECURED_CONTROLLER", "MTLS", "SASL_SSL");
            assertThat(p.getProperty("listener.security.protocol.map"))
                    .isEqualTo("SECURED_CONTROLLER:SASL_SSL,MTLS:SSL,SASL_SSL:SASL_SSL");
            assertThat(p)
                    .containsEntry("inter.broker.listener.name", "SASL_SSL")
                    .containsEntry("controller.listener.names", "SECURED_CONTROLLER")
                    .containsEntry("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-256")
                    .containsEntry("sasl.mechanism.controller.protocol", "PLAIN")
                    .containsEntry("listener.name.secured_controller.sasl.enabled.mechanisms", "PLAIN");
            assertThat(p.getProperty("listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config"))
                    .contains("username=\"kafka-broker\"");
            assertThat(p.getProperty("listener.name.secured_controller.plain.sasl.jaas.config"))
                    .contains("username=\"kafka-broker\"", "user_kafka-broker=");
            assertThat(p.getProperty("super.users")).contains("User:kafka-broker", "User:admin");
            assertThat(String.join(" ", material.scramFormatArguments())).contains("name=kafka-broker,");
            assertThat(material.kitClientProperties("127.0.0.1:1"))
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                    .doesNotContainKey("bootstrap.servers");
            assertThat(material.users()).doesNotContain("kafka-broker");
        }
    }

    @Test
    void aTlsInterBrokerListenerUsesTheBrokerCertificateAndAMutualTlsController() {
        SecurityOptions security = SecurityOptions.builder()
                .listeners(SecuredListener.SSL)
                .interBroker(SecuredListener.SSL)
                .build();
        try (SecurityMaterial material = SecurityMaterial.generate(security, dir)) {
            Properties p = render(security, material);

            assertThat(p.getProperty("listener.security.protocol.map")).isEqualTo("SECURED_CONTROLLER:SSL,SSL:SSL");
            assertThat(p)
                    .containsEntry("listener.name.ssl.ssl.client.auth", "requested")
                    .containsEntry("listener.name.secured_controller.ssl.client.auth", "required")
                    .doesNotContainKey("sasl.mechanism.inter.broker.protocol");
            assertThat(material.kitClientProperties("127.0.0.1:1"))
                    .containsEntry("security.protocol", "SSL")
                    .containsKey("ssl.keystore.location");
        }
    }

    @Test
    void withoutAnInterBrokerListenerTheKitsPlaintextListenersStay() {
        SecurityOptions security =
                SecurityOptions.builder().listeners(SecuredListener.SASL_SSL).build();
        try (SecurityMaterial material = SecurityMaterial.generate(security, dir)) {
            Properties p = render(security, material);

            assertThat(p.getProperty("listener.security.protocol.map"))
                    .isEqualTo("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL");
            assertThat(p).containsEntry("inter.broker.listener.name", "PLAINTEXT");
            assertThat(material.kitClientProperties("127.0.0.1:1")).isEmpty();
        }
    }
}
