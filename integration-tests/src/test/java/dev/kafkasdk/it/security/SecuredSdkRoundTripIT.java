package dev.kafkasdk.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.admin.ApplyResult;
import dev.kafkasdk.admin.HealthReport;
import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.cli.KafkaSdkAdminCli;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.config.SaslMechanism;
import dev.kafkasdk.core.config.SecurityProtocol;
import dev.kafkasdk.core.config.TopicSpec;
import dev.kafkasdk.test.ClientSecurity;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import dev.kafkasdk.test.KafkaSecurity;
import dev.kafkasdk.test.Sasl;
import dev.kafkasdk.test.SecuredListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SDK's producer, consumer (with a group) and admin over every secured listener and SASL
 * mechanism of a real broker with ACLs enforced, configured only through the SDK's config file
 * model: the kit hands over a {@code cluster:} section, the SDK renders it for kafka-clients.
 */
@KafkaBroker(
        security =
                @KafkaSecurity(
                        listeners = {
                            SecuredListener.SSL,
                            SecuredListener.MUTUAL_TLS,
                            SecuredListener.SASL_PLAINTEXT,
                            SecuredListener.SASL_SSL
                        },
                        users = "alice",
                        authorizer = true,
                        oauth = true))
class SecuredSdkRoundTripIT {

    static Stream<Arguments> listenersAndMechanisms() {
        return Stream.of(
                Arguments.of(SecuredListener.SSL, null, "ANONYMOUS"),
                Arguments.of(SecuredListener.MUTUAL_TLS, null, "alice"),
                Arguments.of(SecuredListener.SASL_PLAINTEXT, Sasl.PLAIN, "alice"),
                Arguments.of(SecuredListener.SASL_PLAINTEXT, Sasl.SCRAM_SHA_256, "alice"),
                Arguments.of(SecuredListener.SASL_SSL, Sasl.SCRAM_SHA_512, "alice"),
                Arguments.of(SecuredListener.SASL_SSL, Sasl.PLAIN, "alice"),
                Arguments.of(SecuredListener.SASL_SSL, Sasl.OAUTHBEARER, "alice"));
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("listenersAndMechanisms")
    void producesAndConsumesWithAGroupThroughTheSdkConfigModel(
            SecuredListener listener, Sasl mechanism, String principal, KafkaCluster kafka) throws Exception {
        ClientSecurity client = mechanism == null
                ? kafka.security().client(listener, "alice")
                : kafka.security().client(listener, mechanism, "alice");
        String topic = kafka.uniqueTopicName("sdk-" + listener + "-" + mechanism);
        kafka.createTopic(topic, 2);
        kafka.security()
                .grant(
                        principal,
                        ResourceType.TOPIC,
                        topic,
                        AclOperation.WRITE,
                        AclOperation.READ,
                        AclOperation.DESCRIBE);
        kafka.security().grant(principal, ResourceType.GROUP, topic, PatternType.PREFIXED, AclOperation.READ);
        KafkaSdkConfig config = SecuredSdkClients.config(client, topic + "-group");
        List<String> values =
                IntStream.range(0, 20).mapToObj(i -> listener + "-" + i).toList();

        assertThat(config.cluster().security().protocol())
                .hasValue(SecurityProtocol.valueOf(listener.securityProtocol()));
        if (mechanism != null) {
            assertThat(config.cluster().security().sasl().flatMap(s -> s.mechanism()))
                    .hasValue(SaslMechanism.parse(mechanism.mechanismName()));
        }
        assertThat(SecuredSdkClients.sendAll(config, topic, values)).hasSize(20);
        assertThat(SecuredSdkClients.consume(config, topic, 20)).containsExactlyInAnyOrderElementsOf(values);
    }

    @Test
    void theClisClusterHealthRunsOverSaslSslAndAWrongPasswordExitsWithAnErrorWithoutTheSecret(
            KafkaCluster kafka, @TempDir Path dir) throws Exception {
        ClientSecurity admin = kafka.security()
                .client(
                        SecuredListener.SASL_SSL,
                        Sasl.SCRAM_SHA_512,
                        kafka.security().superUser());
        Path good = Files.writeString(dir.resolve("good.yaml"), admin.sdkClusterYaml());
        Path bad = Files.writeString(
                dir.resolve("bad.yaml"),
                admin.withPassword("Not-The-Password-9").sdkClusterYaml());

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int healthy = KafkaSdkAdminCli.run(
                new PrintWriter(out), new PrintWriter(err), "cluster", "health", "-c", good.toString());
        assertThat(healthy).as(out + " " + err).isZero();
        assertThat(out.toString()).isNotBlank();

        StringWriter badOut = new StringWriter();
        StringWriter badErr = new StringWriter();
        long started = System.nanoTime();
        int refused = KafkaSdkAdminCli.run(
                new PrintWriter(badOut), new PrintWriter(badErr), "cluster", "health", "-c", bad.toString());
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(java.time.Duration.ofSeconds(30));
        assertThat(refused).as(badOut + " " + badErr).isNotZero();
        assertThat(badOut.toString() + badErr)
                .contains("SCRAM-SHA-512")
                .doesNotContain("Not-The-Password-9", kafka.security().password("admin"));
    }

    @Test
    void theSuperUsersAdminCreatesTopicsAndReportsHealthOverSaslSsl(KafkaCluster kafka) {
        ClientSecurity admin = kafka.security()
                .client(
                        SecuredListener.SASL_SSL,
                        Sasl.SCRAM_SHA_256,
                        kafka.security().superUser());
        String topic = kafka.uniqueTopicName("sdk-admin-secured");
        KafkaSdkConfig config = SecuredSdkClients.config(admin, topic + "-group");

        try (SdkAdmin sdkAdmin = SdkAdmin.create(config.admin())) {
            ApplyResult applied = sdkAdmin.topics()
                    .apply(List.of(TopicSpec.builder(topic)
                            .partitions(3)
                            .replicationFactor(1)
                            .build()));
            HealthReport health = sdkAdmin.cluster().health();

            assertThat(applied.isComplete()).isTrue();
            assertThat(applied.applied()).hasSize(1);
            assertThat(health.brokers()).hasSize(1);
            assertThat(health.topics()).isPositive();
        }
        assertThat(kafka.consumeAll(topic, java.time.Duration.ofSeconds(10))).isEmpty();
    }
}
