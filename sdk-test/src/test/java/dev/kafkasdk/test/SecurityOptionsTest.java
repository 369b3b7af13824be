package dev.kafkasdk.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasdk.test.internal.AnnotationOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityOptionsTest {

    @KafkaBroker(
            security =
                    @KafkaSecurity(
                            listeners = {SecuredListener.SASL_SSL, SecuredListener.SSL},
                            users = {"alice", "bob"},
                            authorizer = true,
                            superUser = "root"))
    static class Secured {}

    @KafkaBroker(security = @KafkaSecurity(users = "alice bob"))
    static class Broken {}

    @KafkaBroker(
            security =
                    @KafkaSecurity(
                            listeners = {SecuredListener.SASL_SSL, SecuredListener.MUTUAL_TLS},
                            interBrokerListener = SecuredListener.SASL_SSL,
                            interBrokerMechanism = Sasl.PLAIN))
    static class SecuredInternally {}

    @KafkaBroker(
            security =
                    @KafkaSecurity(
                            listeners = {SecuredListener.SASL_SSL, SecuredListener.MUTUAL_TLS},
                            interBrokerListener = {SecuredListener.SASL_SSL, SecuredListener.MUTUAL_TLS}))
    static class TwoInterBrokerListeners {}

    @Test
    void theInterBrokerListenerIsOffByDefaultAndTakenFromTheAnnotation() {
        assertThat(SecurityOptions.builder()
                        .listeners(SecuredListener.SASL_SSL)
                        .build()
                        .securesInternalTraffic())
                .isFalse();
        SecurityOptions security = AnnotationOptions.toOptions(
                        SecuredInternally.class.getAnnotation(KafkaBroker.class), SecuredInternally.class)
                .security();

        assertThat(security.securesInternalTraffic()).isTrue();
        assertThat(security.interBrokerListener()).hasValue(SecuredListener.SASL_SSL);
        assertThat(security.interBrokerMechanism()).hasValue(Sasl.PLAIN);
        assertThat(SecurityOptions.builder()
                        .listeners(SecuredListener.MUTUAL_TLS)
                        .interBroker(SecuredListener.MUTUAL_TLS)
                        .build()
                        .interBrokerMechanism())
                .isEmpty();
    }

    @Test
    void rejectsAnInterBrokerListenerTheClusterCannotUse() {
        assertThatThrownBy(() -> SecurityOptions.builder()
                        .listeners(SecuredListener.SSL, SecuredListener.SASL_PLAINTEXT)
                        .interBroker(SecuredListener.SASL_SSL)
                        .build())
                .isInstanceOf(KafkaTestKitException.class)
                .hasMessageContaining("security.interBrokerListener=SASL_SSL: must be one of security.listeners");
        assertThatThrownBy(() -> SecurityOptions.builder()
                        .listeners(SecuredListener.SASL_SSL)
                        .users("kafka-broker")
                        .oauth(true)
                        .certificateHosts("localhost")
                        .interBroker(SecuredListener.SASL_SSL, Sasl.OAUTHBEARER)
                        .build())
                .isInstanceOf(KafkaTestKitException.class)
                .hasMessageContaining("security.interBrokerMechanism=OAUTHBEARER: brokers authenticate to each other"
                        + " with PLAIN, SCRAM_SHA_256 or SCRAM_SHA_512")
                .hasMessageContaining("security user 'kafka-broker'")
                .hasMessageContaining("security.certificateHosts [localhost] without 127.0.0.1");
        assertThatThrownBy(() -> AnnotationOptions.toOptions(
                        TwoInterBrokerListeners.class.getAnnotation(KafkaBroker.class), TwoInterBrokerListeners.class))
                .isInstanceOf(KafkaTestKitException.class)
                .hasMessageContaining(TwoInterBrokerListeners.class.getName())
                .hasMessageContaining("security.interBrokerListener=[SASL_SSL, MUTUAL_TLS]: name at most one");
    }

    @Test
    void aSecuredInterBrokerListenerExcludesTheFaultProxy() {
        SecurityOptions internal = SecurityOptions.builder()
                .listeners(SecuredListener.MUTUAL_TLS)
                .interBroker(SecuredListener.MUTUAL_TLS)
                .build();

        assertThatThrownBy(() -> EmbeddedKafkaOptions.builder()
                        .security(internal)
                        .faultProxy(true)
                        .build())
                .isInstanceOf(KafkaTestKitException.class)
                .hasMessageContaining("faultProxy=true with security.interBrokerListener=MUTUAL_TLS");
    }

    @Test
    void theAnnotationBecomesSecurityOptionsWithTheSuperUserFirst() {
        SecurityOptions security = AnnotationOptions.toOptions(
                        Secured.class.getAnnotation(KafkaBroker.class), Secured.class)
                .security();

        assertThat(security.listeners()).containsExactly(SecuredListener.SSL, SecuredListener.SASL_SSL);
        assertThat(security.users()).containsExactly("root", "alice", "bob");
        assertThat(security.authorizer()).isTrue();
        assertThat(security.enabled()).isTrue();
    }

    @Test
    void defaultsAreNoSecurity() {
        assertThat(EmbeddedKafkaOptions.defaults().security()).isSameAs(SecurityOptions.none());
        assertThat(SecurityOptions.builder().build().enabled()).isFalse();
    }

    @Test
    void rejectsEveryBadValueAtOnceNamingWhatIsValid() {
        assertThatThrownBy(() -> SecurityOptions.builder()
                        .users("al ice", "")
                        .superUser("x/y")
                        .authorizer(true)
                        .build())
                .isInstanceOf(KafkaTestKitException.class)
                .hasMessageContaining("security user 'al ice': must be 1 to 64 letters, digits")
                .hasMessageContaining("security user ''")
                .hasMessageContaining("security user 'x/y'")
                .hasMessageContaining("security.listeners is empty: add a SecuredListener");
    }

    @Test
    void oauthNeedsASaslListenerAndAUsableTokenLifetime() {
        assertThatThrownBy(() -> SecurityOptions.builder()
                        .listeners(SecuredListener.SSL)
                        .oauth(true)
                        .tokenLifetime(java.time.Duration.ofSeconds(2))
                        .build())
                .isInstanceOf(KafkaTestKitException.class)
                .hasMessageContaining("security.oauth=true needs a SASL listener")
                .hasMessageContaining("security.tokenLifetime=PT2S: must be at least 5 seconds");
    }

    @Test
    void aBadAnnotationFailsNamingTheClass() {
        assertThatThrownBy(
                        () -> AnnotationOptions.toOptions(Broken.class.getAnnotation(KafkaBroker.class), Broken.class))
                .isInstanceOf(KafkaTestKitException.class)
                .hasMessageContaining(Broken.class.getName())
                .hasMessageContaining("'alice bob'");
    }

    @Test
    void securityNeedsABackendTheKitStarts() {
        SecurityOptions secured =
                SecurityOptions.builder().listeners(SecuredListener.SSL).build();

        assertThatThrownBy(() -> EmbeddedKafkaOptions.builder()
                        .backend(Backend.EXTERNAL)
                        .security(secured)
                        .build())
                .isInstanceOf(KafkaTestKitException.class)
                .hasMessageContaining(
                        "security with backend=EXTERNAL: secured listeners need IN_PROCESS, CHILD_JVM or AUTO");
        assertThatThrownBy(() -> EmbeddedKafkaOptions.builder().security(null).build())
                .hasMessageContaining("security=null");
    }

    @Test
    void clientSettingsRenderKafkaPropertiesAndAnSdkClusterSection() {
        ClientSecurity client = new ClientSecurity(
                SecuredListener.SASL_SSL,
                Sasl.SCRAM_SHA_256,
                "al\"ice",
                "127.0.0.1:1",
                "s3cret",
                Path.of("/tmp/t.p12"),
                null,
                "storepw");

        Map<String, Object> props = client.properties();
        assertThat(props)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required"
                                + " username=\"al\\\"ice\" password=\"s3cret\";")
                .containsEntry("ssl.truststore.location", "/tmp/t.p12")
                .doesNotContainKey("ssl.keystore.location");
        assertThat(client.sdkClusterYaml())
                .contains(
                        "    protocol: SASL_SSL\n",
                        "      mechanism: SCRAM-SHA-256\n",
                        "      username: \"al\\\"ice\"\n",
                        "      password: \"s3cret\"\n",
                        "    truststore:\n");
        assertThat(client.secrets()).containsExactly("s3cret", "storepw");
        assertThat(client.toString()).doesNotContain("s3cret", "storepw");
        assertThat(client.withPassword("other").password()).hasValue("other");
        assertThatThrownBy(
                        () -> new ClientSecurity(SecuredListener.SSL, null, "a", "h:1", null, Path.of("t"), null, "p")
                                .withPassword("x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SSL does not use SASL");
    }
}
