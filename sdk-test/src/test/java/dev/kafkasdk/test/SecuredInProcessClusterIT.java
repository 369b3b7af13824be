package dev.kafkasdk.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One in-process broker with every secured listener, users and the StandardAuthorizer: the kit's
 * client settings work on each listener and mechanism, and the broker really enforces
 * authentication and ACLs.
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
                        users = {"alice", "bob"},
                        authorizer = true,
                        oauth = true))
class SecuredInProcessClusterIT {

    static Stream<Arguments> superUserClients() {
        return Stream.of(
                Arguments.of(SecuredListener.MUTUAL_TLS, null),
                Arguments.of(SecuredListener.SASL_PLAINTEXT, Sasl.PLAIN),
                Arguments.of(SecuredListener.SASL_PLAINTEXT, Sasl.SCRAM_SHA_256),
                Arguments.of(SecuredListener.SASL_SSL, Sasl.SCRAM_SHA_512),
                Arguments.of(SecuredListener.SASL_SSL, Sasl.PLAIN),
                Arguments.of(SecuredListener.SASL_SSL, Sasl.OAUTHBEARER));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("superUserClients")
    void theSuperUserProducesAndConsumesOnEveryListenerAndMechanism(
            SecuredListener listener, Sasl mechanism, KafkaCluster kafka) throws Exception {
        ClusterSecurity security = kafka.security();
        ClientSecurity admin = mechanism == null
                ? security.client(listener, security.superUser())
                : security.client(listener, mechanism, security.superUser());
        String topic = kafka.uniqueTopicName("secured-" + listener);
        kafka.createTopic(topic);

        SecureClients.produce(admin, topic, "hello over " + listener);

        assertThat(SecureClients.consume(admin, topic, topic + "-group", 1)).containsExactly("hello over " + listener);
    }

    @Test
    void anAnonymousTlsClientNeedsAclsForAnonymous(KafkaCluster kafka) throws Exception {
        ClientSecurity anonymous = kafka.security().client(SecuredListener.SSL, "anyone");
        String topic = kafka.uniqueTopicName("anonymous-tls");
        kafka.createTopic(topic);

        assertThatThrownBy(() -> SecureClients.produce(anonymous, topic, "denied"))
                .isInstanceOf(TopicAuthorizationException.class);
        kafka.security().grant("ANONYMOUS", ResourceType.TOPIC, topic, AclOperation.WRITE, AclOperation.DESCRIBE);
        SecureClients.produce(anonymous, topic, "allowed");

        assertThat(kafka.consumeAll(topic, java.time.Duration.ofSeconds(10)))
                .extracting(r -> r.value())
                .containsExactly("allowed");
    }

    @Test
    void aclsAreEnforcedForTheCertificatesCommonNameAndCanBeRevoked(KafkaCluster kafka) throws Exception {
        ClientSecurity alice = kafka.security().client(SecuredListener.MUTUAL_TLS, "alice");
        String topic = kafka.uniqueTopicName("acl-mtls");
        kafka.createTopic(topic);

        assertThatThrownBy(() -> SecureClients.produce(alice, topic, "before grant"))
                .isInstanceOf(TopicAuthorizationException.class);
        kafka.security().grant("alice", ResourceType.TOPIC, topic, AclOperation.WRITE, AclOperation.DESCRIBE);
        SecureClients.produce(alice, topic, "granted");
        kafka.security().revoke("alice", ResourceType.TOPIC, topic, AclOperation.WRITE, AclOperation.DESCRIBE);

        assertThatThrownBy(() -> SecureClients.produce(alice, topic, "after revoke"))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(kafka.consumeAll(topic, java.time.Duration.ofSeconds(10)))
                .extracting(r -> r.value())
                .containsExactly("granted");
    }

    @Test
    void aWrongPasswordFailsAuthenticationOnEveryMechanism(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("wrong-password");
        kafka.createTopic(topic);
        for (Sasl mechanism : List.of(Sasl.PLAIN, Sasl.SCRAM_SHA_256, Sasl.SCRAM_SHA_512)) {
            ClientSecurity wrong = kafka.security()
                    .client(SecuredListener.SASL_SSL, mechanism, "bob")
                    .withPassword("not-" + kafka.security().password("bob"));
            assertThatThrownBy(() -> SecureClients.produce(wrong, topic, "x"))
                    .as(mechanism.name())
                    .isInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void oauthTokensCarryTheUserSoAclsApplyAndABadClientSecretGetsNoToken(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("oauth");
        kafka.createTopic(topic);
        ClientSecurity bob = kafka.security().client(SecuredListener.SASL_PLAINTEXT, Sasl.OAUTHBEARER, "bob");
        long tokensBefore = kafka.security().issuedTokens();

        assertThatThrownBy(() -> SecureClients.produce(bob, topic, "denied"))
                .isInstanceOf(TopicAuthorizationException.class);
        kafka.security().grant("bob", ResourceType.TOPIC, topic, AclOperation.WRITE, AclOperation.DESCRIBE);
        SecureClients.produce(bob, topic, "bob's token");

        assertThat(kafka.security().issuedTokens()).isGreaterThan(tokensBefore);
        // the client logs in (fetches its first token) while it is constructed
        assertThatThrownBy(() -> SecureClients.produce(bob.withPassword("not-bobs-secret"), topic, "x"))
                .isInstanceOf(org.apache.kafka.common.KafkaException.class)
                .hasMessageContaining("Failed to construct kafka producer");
    }

    @Test
    void aClientThatDoesNotTrustTheKitsCaFailsTheHandshake(KafkaCluster kafka) {
        ClientSecurity untrusting = kafka.security()
                .client(SecuredListener.SSL, "anyone")
                .withTruststore(kafka.security().untrustedTruststore());

        assertThatThrownBy(() -> SecureClients.produce(untrusting, kafka.uniqueTopicName("untrusted"), "x"))
                .isInstanceOf(SslAuthenticationException.class);
    }

    @Test
    void mutualTlsRefusesAClientWithoutACertificate(KafkaCluster kafka) {
        ClientSecurity noCertificate =
                kafka.security().client(SecuredListener.MUTUAL_TLS, "alice").withoutKeystore();

        assertThatThrownBy(() -> SecureClients.produce(noCertificate, kafka.uniqueTopicName("no-cert"), "x"))
                .isInstanceOf(SslAuthenticationException.class);
    }

    @Test
    void aScramUserCreatedAtRunTimeCanAuthenticate(KafkaCluster kafka) throws Exception {
        kafka.security().createScramUser("carol", "carol-" + System.nanoTime());
        String topic = kafka.uniqueTopicName("runtime-user");
        kafka.createTopic(topic);
        kafka.security().grant("carol", ResourceType.TOPIC, topic, AclOperation.WRITE, AclOperation.DESCRIBE);

        SecureClients.produce(
                kafka.security().client(SecuredListener.SASL_PLAINTEXT, Sasl.SCRAM_SHA_512, "carol"),
                topic,
                "from carol");

        assertThat(kafka.consumeAll(topic, java.time.Duration.ofSeconds(10))).hasSize(1);
    }

    @Test
    void theGeneratedStoresLiveInTheClustersTemporaryDirectory(KafkaCluster kafka) {
        ClientSecurity alice = kafka.security().client(SecuredListener.MUTUAL_TLS, "alice");

        assertThat(alice.truststore())
                .hasValueSatisfying(p -> assertThat(Files.exists(p)).isTrue());
        assertThat(alice.keystore())
                .hasValueSatisfying(p -> assertThat(p.getFileName().toString()).isEqualTo("client-alice.p12"));
        assertThat(alice.toString()).doesNotContain(kafka.security().storePassword());
        assertThat(kafka.security().users()).contains("admin", "alice", "bob");
        assertThat(List.copyOf(kafka.security().listeners())).hasSize(4);
    }
}
