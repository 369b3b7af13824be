package dev.kafkasdk.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One in-process broker per secured inter-broker listener, with the authorizer on: no PLAINTEXT
 * listener remains (listeners, protocol map, inter-broker and controller listener read back through
 * the admin API), the kit's own helpers work over the secured listener as the super user, and a
 * user with ACLs produces over it.
 */
class SecuredInternalListenersInProcessIT {

    static Stream<Arguments> modes() {
        return Stream.of(
                Arguments.of(SecuredListener.MUTUAL_TLS, null, null, "SSL"),
                Arguments.of(SecuredListener.SSL, null, null, "SSL"),
                Arguments.of(SecuredListener.SASL_PLAINTEXT, Sasl.PLAIN, Sasl.PLAIN, "SASL_PLAINTEXT"),
                Arguments.of(SecuredListener.SASL_SSL, Sasl.SCRAM_SHA_256, Sasl.SCRAM_SHA_256, "SASL_SSL"),
                Arguments.of(SecuredListener.SASL_SSL, Sasl.PLAIN, Sasl.OAUTHBEARER, "SASL_SSL"));
    }

    @ParameterizedTest(name = "{0} between brokers {1}, client {2}")
    @MethodSource("modes")
    void aSingleNodeRunsWithoutAnyPlaintextListener(
            SecuredListener interBroker, Sasl brokerMechanism, Sasl clientMechanism, String controller)
            throws Exception {
        SecurityOptions security = SecurityOptions.builder()
                .listeners(interBroker)
                .users("alice")
                .authorizer(true)
                .oauth(clientMechanism == Sasl.OAUTHBEARER)
                .interBroker(interBroker, brokerMechanism == null ? Sasl.SCRAM_SHA_512 : brokerMechanism)
                .build();
        try (KafkaCluster kafka = EmbeddedKafka.start(EmbeddedKafkaOptions.builder()
                .backend(Backend.IN_PROCESS)
                .security(security)
                .build())) {
            InternalListeners.assertSecured(kafka, 1, interBroker, controller);
            assertThat(InternalListeners.describe(kafka).get(0).configs())
                    .containsEntry(
                            "sasl.mechanism.inter.broker.protocol",
                            brokerMechanism == null ? "GSSAPI" : brokerMechanism.mechanismName());
            assertThat(kafka.bootstrapServers()).isEqualTo(kafka.security().bootstrapServers(interBroker));

            String topic = kafka.uniqueTopicName("internal-" + interBroker);
            kafka.createTopic(topic, 1);
            kafka.produce(topic, "k", "from the kit");
            kafka.security().grant("alice", ResourceType.TOPIC, topic, AclOperation.WRITE, AclOperation.DESCRIBE);
            ClientSecurity alice = clientMechanism == null
                    ? kafka.security().client(interBroker, "alice")
                    : kafka.security().client(interBroker, clientMechanism, "alice");
            if (interBroker != SecuredListener.SSL) {
                SecureClients.produce(alice, topic, "from alice");
            }

            assertThat(kafka.consumeAll(topic, Duration.ofSeconds(10)))
                    .extracting(r -> r.value())
                    .containsExactlyElementsOf(
                            interBroker == SecuredListener.SSL
                                    ? List.of("from the kit")
                                    : List.of("from the kit", "from alice"));
        }
    }
}
