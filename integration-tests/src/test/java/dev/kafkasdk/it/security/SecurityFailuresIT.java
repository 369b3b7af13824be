package dev.kafkasdk.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.consumer.ConsumerAuthorizationException;
import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.FatalKafkaSdkException;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.ClientSecurity;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import dev.kafkasdk.test.KafkaSecurity;
import dev.kafkasdk.test.Sasl;
import dev.kafkasdk.test.SecuredListener;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Security failures reach the caller of the SDK as a non-retriable {@link KafkaSdkException} within
 * {@link SecuredSdkClients#BOUND} (plus the client's own close), never as a hang or a silent retry
 * loop, and no message carries a password.
 */
@KafkaBroker(
        security =
                @KafkaSecurity(
                        listeners = {SecuredListener.SSL, SecuredListener.MUTUAL_TLS, SecuredListener.SASL_SSL},
                        users = {"alice", "mallory"},
                        authorizer = true,
                        oauth = true))
class SecurityFailuresIT {

    private static final LogCapture LOGS = new LogCapture();

    @BeforeAll
    static void captureLogs() {
        LOGS.start();
    }

    /** Everything the SDK, kafka-clients and the broker logged while these tests ran holds no secret. */
    @AfterAll
    static void noSecretReachedTheLogs(KafkaCluster kafka) {
        LOGS.stopAndAssertNoSecrets(kafka, "Wrong-Client-Secret-1", "Nobody-Secret-123");
    }

    private static Throwable sendFailure(ClientSecurity client, String topic) throws Exception {
        return sendFailure(client, topic, false);
    }

    private static Throwable sendFailure(ClientSecurity client, String topic, boolean blockingSend) throws Exception {
        return SecuredSdkClients.sendFailure(client, topic, blockingSend);
    }

    private static void assertNonRetriableWithoutSecrets(Throwable failure, ClientSecurity client) {
        assertThat(failure).isInstanceOf(KafkaSdkException.class);
        assertThat(((KafkaSdkException) failure).isRetriable()).as("retriable").isFalse();
        for (String secret : client.secrets()) {
            assertThat(failure.toString()).doesNotContain(secret);
        }
    }

    @Test
    void aWrongPasswordFailsTheSendWithoutRevealingIt(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("wrong-password");
        kafka.createTopic(topic);
        ClientSecurity wrong = kafka.security()
                .client(SecuredListener.SASL_SSL, Sasl.SCRAM_SHA_256, "alice")
                .withPassword("Wrong-" + kafka.security().password("alice"));

        Throwable failure = sendFailure(wrong, topic);

        assertNonRetriableWithoutSecrets(failure, wrong);
        assertThat(failure).isInstanceOf(FatalKafkaSdkException.class);
        assertThat(failure.getMessage())
                .contains("SCRAM-SHA-256", topic, "check cluster.security.sasl")
                .doesNotContain(kafka.security().password("alice"));
    }

    @Test
    void anUnknownUserFailsTheSend(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("unknown-user");
        kafka.createTopic(topic);
        ClientSecurity unknown = kafka.security()
                .client(SecuredListener.SASL_SSL, Sasl.PLAIN, "alice")
                .withCredentials("nobody", "Nobody-Secret-123");

        Throwable failure = sendFailure(unknown, topic);

        assertNonRetriableWithoutSecrets(failure, unknown);
        assertThat(failure.getMessage()).contains("Invalid username or password", "check cluster.security.sasl");
    }

    @Test
    void anUntrustedServerCertificateFailsTheSend(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("untrusted");
        kafka.createTopic(topic);
        ClientSecurity untrusting = kafka.security()
                .client(SecuredListener.SSL, "alice")
                .withTruststore(kafka.security().untrustedTruststore());

        Throwable failure = sendFailure(untrusting, topic);

        assertNonRetriableWithoutSecrets(failure, untrusting);
        assertThat(failure.getMessage()).contains("SSL handshake failed", "cluster.security.truststore");
    }

    @Test
    void mutualTlsWithoutAClientCertificateFailsTheSend(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("no-client-cert");
        kafka.createTopic(topic);
        ClientSecurity noCertificate =
                kafka.security().client(SecuredListener.MUTUAL_TLS, "alice").withoutKeystore();

        Throwable failure = sendFailure(noCertificate, topic);

        assertNonRetriableWithoutSecrets(failure, noCertificate);
        assertThat(failure.getMessage()).contains("cluster.security.keystore");
    }

    @Test
    void aMissingWriteAclFailsTheSendNamingTheTopic(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("no-write-acl");
        kafka.createTopic(topic);
        ClientSecurity mallory = kafka.security().client(SecuredListener.SASL_SSL, Sasl.SCRAM_SHA_512, "mallory");

        // the default non-blocking send: after missing-topic-timeout the producer asks the cluster why
        // the topic is missing from its metadata and reports the authorization error
        Throwable failure = sendFailure(mallory, topic);

        assertNonRetriableWithoutSecrets(failure, mallory);
        assertThat(failure).isInstanceOf(FatalKafkaSdkException.class);
        assertThat(failure.getCause()).isInstanceOf(TopicAuthorizationException.class);
        assertThat(failure.getMessage())
                .contains(
                        "Not authorized to access topics: [" + topic + "]",
                        "lacks an ACL",
                        "TOPIC_AUTHORIZATION_FAILED");
    }

    @Test
    void aMissingGroupAclFailsTheConsumerNamingTheGroup(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("no-group-acl");
        kafka.createTopic(topic);
        kafka.produceValues(topic, List.of("a"));
        kafka.security().grant("mallory", ResourceType.TOPIC, topic, AclOperation.READ, AclOperation.DESCRIBE);
        ClientSecurity mallory = kafka.security().client(SecuredListener.SASL_SSL, Sasl.SCRAM_SHA_256, "mallory");
        KafkaSdkConfig config = SecuredSdkClients.config(mallory, topic + "-group");

        try (SdkConsumer<String, String> consumer = SdkConsumer.builder(
                        config.consumer("c"), Serdes.string(), Serdes.string())
                .subscribe(topic)
                .recordHandler(record -> {})
                .build()) {
            consumer.start();
            await().atMost(SecuredSdkClients.BOUND).until(() -> consumer.state() == ConsumerState.FAILED);
            Throwable failure = consumer.failureCause().orElseThrow();
            assertThat(failure).isInstanceOf(ConsumerAuthorizationException.class);
            ConsumerAuthorizationException refused = (ConsumerAuthorizationException) failure;
            assertThat(refused.resourceType()).isEqualTo(ConsumerAuthorizationException.Resource.GROUP);
            assertThat(refused.resources()).containsExactly(topic + "-group");
            assertThat(refused.principal()).contains("User:mallory");
            assertThat(failure.getMessage()).contains("consumer group " + topic + "-group", "User:mallory");
            assertNonRetriableWithoutSecrets(failure, mallory);
        }
    }

    @Test
    void aMissingTopicReadAclFailsTheConsumerNamingTheTopicAndPrincipal(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("no-read-acl");
        kafka.createTopic(topic);
        kafka.produceValues(topic, List.of("a"));
        kafka.security().grant("mallory", ResourceType.GROUP, topic + "-group", AclOperation.READ);
        ClientSecurity mallory = kafka.security().client(SecuredListener.SASL_SSL, Sasl.SCRAM_SHA_256, "mallory");
        KafkaSdkConfig config = SecuredSdkClients.config(mallory, topic + "-group");

        try (SdkConsumer<String, String> consumer = SdkConsumer.builder(
                        config.consumer("c"), Serdes.string(), Serdes.string())
                .subscribe(topic)
                .recordHandler(record -> {})
                .build()) {
            consumer.start();
            Throwable notReady =
                    org.assertj.core.api.Assertions.catchThrowable(() -> consumer.awaitReady(SecuredSdkClients.BOUND));

            assertThat(consumer.state()).isEqualTo(ConsumerState.FAILED);
            assertThat(notReady).hasMessageContaining("FAILED").hasMessageContaining(topic);
            Throwable failure = consumer.failureCause().orElseThrow();
            assertThat(failure).isInstanceOf(ConsumerAuthorizationException.class);
            ConsumerAuthorizationException refused = (ConsumerAuthorizationException) failure;
            assertThat(refused.resourceType()).isEqualTo(ConsumerAuthorizationException.Resource.TOPIC);
            assertThat(refused.resources()).containsExactly(topic);
            assertThat(failure.getMessage()).contains("topic [" + topic + "]", "User:mallory", "--topic " + topic);
            assertNonRetriableWithoutSecrets(failure, mallory);
        }
    }

    @Test
    void aTopicReadAclRevokedWhileTheConsumerRunsFailsItInsteadOfPollingNothing(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("revoked-read");
        kafka.createTopic(topic);
        kafka.produceValues(topic, List.of("before"));
        kafka.security().grant("mallory", ResourceType.TOPIC, topic, AclOperation.READ, AclOperation.DESCRIBE);
        kafka.security().grant("mallory", ResourceType.GROUP, topic + "-group", AclOperation.READ);
        ClientSecurity mallory = kafka.security().client(SecuredListener.SASL_SSL, Sasl.SCRAM_SHA_256, "mallory");
        KafkaSdkConfig config = SecuredSdkClients.config(mallory, topic + "-group");
        java.util.Queue<String> seen = new java.util.concurrent.ConcurrentLinkedQueue<>();

        try (SdkConsumer<String, String> consumer = SdkConsumer.builder(
                        config.consumer("c"), Serdes.string(), Serdes.string())
                .subscribe(topic)
                .recordHandler(record -> seen.add(record.value()))
                .build()) {
            consumer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("before"));
            kafka.security().revoke("mallory", ResourceType.TOPIC, topic, AclOperation.READ);
            kafka.produceValues(topic, List.of("after"));

            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.state() == ConsumerState.FAILED);
            // the broker's authorizer applies the change a moment after describeAcls shows it, so "after"
            // may still arrive; what matters is that the consumer fails instead of polling nothing
            Throwable failure = consumer.failureCause().orElseThrow();
            assertThat(failure).isInstanceOf(ConsumerAuthorizationException.class);
            assertThat(((ConsumerAuthorizationException) failure).resources()).containsExactly(topic);
            assertThat(failure.getMessage()).contains(topic, "User:mallory", "revoked");
        }
    }

    @Test
    void aWrongOauthClientSecretFailsWhenTheProducerIsCreated(KafkaCluster kafka) {
        ClientSecurity wrong = kafka.security()
                .client(SecuredListener.SASL_SSL, Sasl.OAUTHBEARER, "alice")
                .withPassword("Wrong-Client-Secret-1");
        KafkaSdkConfig config = SecuredSdkClients.config(wrong, "unused");
        long started = System.nanoTime();

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> SecuredSdkClients.producer(config).close());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SecuredSdkClients.BOUND.plusSeconds(1));
        assertThat(failure).isInstanceOf(FatalKafkaSdkException.class);
        assertThat(failure.getMessage()).contains("OAUTHBEARER login of client 'alice'", "client-secret");
        assertThat(failure.toString())
                .doesNotContain("Wrong-Client-Secret-1", kafka.security().password("alice"));
        org.slf4j.LoggerFactory.getLogger(SecurityFailuresIT.class)
                .info("wrong OAuth client secret: {}", failure.toString());
    }

    @Test
    void anAdminWithAWrongPasswordFailsWithinTheBound(KafkaCluster kafka) {
        ClientSecurity wrong = kafka.security()
                .client(SecuredListener.SASL_SSL, Sasl.SCRAM_SHA_512, "admin")
                .withPassword("nope-not-it");
        KafkaSdkConfig config = SecuredSdkClients.config(wrong, "unused");
        long started = System.nanoTime();

        try (SdkAdmin admin = SdkAdmin.create(config.admin())) {
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                    () -> admin.cluster().health());
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(SecuredSdkClients.BOUND.plusSeconds(1));
            assertNonRetriableWithoutSecrets(failure, wrong);
            assertThat(failure.getMessage()).contains("SCRAM-SHA-512", "check cluster.security.sasl");
        }
    }
}
