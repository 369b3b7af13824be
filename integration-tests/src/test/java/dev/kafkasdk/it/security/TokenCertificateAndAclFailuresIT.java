package dev.kafkasdk.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kafkasdk.admin.AdminAuthorizationException;
import dev.kafkasdk.admin.LintContext;
import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.core.FatalKafkaSdkException;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.TransactionalProducer;
import dev.kafkasdk.test.ClientSecurity;
import dev.kafkasdk.test.ClusterSecurity.TokenFault;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import dev.kafkasdk.test.KafkaSecurity;
import dev.kafkasdk.test.Sasl;
import dev.kafkasdk.test.SecuredListener;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failures {@link SecurityFailuresIT} does not cover: a broker certificate that does not name
 * the address clients connect to, expired and badly signed OAuth tokens, and missing
 * transactional-id and cluster ACLs. Each reaches the caller within {@link SecuredSdkClients#BOUND}
 * as a non-retriable exception naming the mechanism and principal, or the resource and operation,
 * and the likely fix, never a secret.
 */
@KafkaBroker(
        security =
                @KafkaSecurity(
                        listeners = {SecuredListener.SSL, SecuredListener.SASL_PLAINTEXT},
                        users = {"alice", "bob", "carol"},
                        authorizer = true,
                        oauth = true,
                        // the brokers' certificate does not name 127.0.0.1, the address clients use
                        certificateHosts = {"kafka.invalid"}))
class TokenCertificateAndAclFailuresIT {

    private static final Logger LOG = LoggerFactory.getLogger(TokenCertificateAndAclFailuresIT.class);
    private static final LogCapture LOGS = new LogCapture();

    @BeforeAll
    static void captureLogs() {
        LOGS.start();
    }

    @AfterAll
    static void noSecretReachedTheLogs(KafkaCluster kafka) {
        LOGS.stopAndAssertNoSecrets(kafka);
    }

    private static Throwable sendFailure(ClientSecurity client, String topic) throws Exception {
        Throwable failure = SecuredSdkClients.sendFailure(client, topic, false);
        LOG.info("failure seen by the caller: {}", failure.toString());
        assertThat(failure).isInstanceOf(FatalKafkaSdkException.class);
        for (String secret : client.secrets()) {
            assertThat(failure.toString()).doesNotContain(secret);
        }
        return failure;
    }

    @Test
    void aCertificateThatDoesNotNameTheBrokersAddressFailsNamingTheHost(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("hostname");
        kafka.createTopic(topic);
        kafka.security().grant("alice", ResourceType.TOPIC, topic, AclOperation.WRITE, AclOperation.DESCRIBE);

        Throwable failure = sendFailure(kafka.security().client(SecuredListener.SSL, "alice"), topic);

        assertThat(failure.getMessage())
                .contains("certificate does not name the host", "127.0.0.1", "bootstrap-servers");
    }

    @Test
    void anExpiredTokenFailsNamingTheClientAndTheTokenChecks(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("expired");
        kafka.createTopic(topic);
        kafka.security().tokenFault("bob", TokenFault.EXPIRED);

        Throwable failure =
                sendFailure(kafka.security().client(SecuredListener.SASL_PLAINTEXT, Sasl.OAUTHBEARER, "bob"), topic);

        // the broker answers both token faults with the same "invalid_token": the hint lists the checks
        assertThat(failure.getMessage())
                .contains("OAUTHBEARER", "client 'bob'", "may have expired", "JWKS", "cluster.security.sasl");
    }

    @Test
    void aTokenSignedWithAnUnknownKeyFailsNamingTheClientAndTheTokenChecks(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("bad-signature");
        kafka.createTopic(topic);
        kafka.security().tokenFault("carol", TokenFault.BAD_SIGNATURE);

        Throwable failure =
                sendFailure(kafka.security().client(SecuredListener.SASL_PLAINTEXT, Sasl.OAUTHBEARER, "carol"), topic);

        assertThat(failure.getMessage()).contains("OAUTHBEARER", "client 'carol'", "signed by a key", "JWKS");
    }

    @Test
    void aWrongPasswordNamesTheUserButNotThePassword(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("wrong-password");
        kafka.createTopic(topic);
        ClientSecurity wrong = kafka.security()
                .client(SecuredListener.SASL_PLAINTEXT, Sasl.SCRAM_SHA_512, "alice")
                .withPassword("Wrong-" + kafka.security().password("alice"));

        Throwable failure = sendFailure(wrong, topic);

        assertThat(failure.getMessage()).contains("SCRAM-SHA-512", "user 'alice'", "cluster.security.sasl");
    }

    @Test
    void aMissingTransactionalIdAclFailsNamingTheIdAndTheOperation(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("tx");
        kafka.createTopic(topic);
        kafka.security().grant("alice", ResourceType.TOPIC, topic, AclOperation.WRITE, AclOperation.DESCRIBE);
        ClientSecurity alice = kafka.security().client(SecuredListener.SASL_PLAINTEXT, Sasl.SCRAM_SHA_256, "alice");
        String transactionalId = topic + "-tx";
        KafkaSdkConfig config = KafkaSdkConfig.loader()
                .yaml(alice.sdkClusterYaml())
                .yaml("""
                        producers:
                          tx:
                            transactional-id: "%s"
                            max-block: 8s
                            request-timeout: 4s
                            delivery-timeout: 9s
                            linger: 0ms
                        """.formatted(transactionalId))
                .environment(Map.of())
                .load();
        long started = System.nanoTime();

        Throwable failure = catchThrowable(
                () -> TransactionalProducer.create(config.producer("tx"), Serdes.string(), Serdes.string())
                        .close());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SecuredSdkClients.BOUND.plusSeconds(1));
        LOG.info("missing transactional-id ACL: {}", String.valueOf(failure));
        assertThat(failure).isInstanceOf(FatalKafkaSdkException.class);
        assertThat(failure.getMessage())
                .contains("'" + transactionalId + "'", "lacks WRITE on the transactional id", "TRANSACTIONAL_ID");
    }

    @Test
    void aMissingClusterAclFailsTheAdminCallNamingTheClusterAndTheOperation(KafkaCluster kafka) {
        ClientSecurity carol = kafka.security().client(SecuredListener.SASL_PLAINTEXT, Sasl.SCRAM_SHA_256, "carol");
        KafkaSdkConfig config = SecuredSdkClients.config(carol, "unused");
        long started = System.nanoTime();

        try (SdkAdmin admin = SdkAdmin.create(config.admin())) {
            // online lint reads the brokers' configs: DESCRIBE_CONFIGS on the cluster
            Throwable failure = catchThrowable(
                    () -> admin.cluster().lintContext(LintContext.builder().build()));
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(SecuredSdkClients.BOUND.plusSeconds(1));
            LOG.info("missing cluster ACL: {}", String.valueOf(failure));
            assertThat(failure).isInstanceOf(AdminAuthorizationException.class);
            assertThat(((AdminAuthorizationException) failure).resourceType())
                    .isEqualTo(AdminAuthorizationException.ResourceType.CLUSTER);
            assertThat(failure.getMessage()).contains("cluster", "describe");
        }
    }
}
