package dev.kafkasdk.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.OutgoingRecord;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.producer.SendResult;
import dev.kafkasdk.test.ClientSecurity;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import dev.kafkasdk.test.KafkaSecurity;
import dev.kafkasdk.test.Sasl;
import dev.kafkasdk.test.SecuredListener;
import java.time.Duration;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** The first example of {@code docs/test-kit-security.md}, run as it is shown. */
// tag::secured[]
@KafkaBroker(
        security =
                @KafkaSecurity(
                        listeners = {SecuredListener.SASL_SSL, SecuredListener.MUTUAL_TLS},
                        users = {"alice", "bob"},
                        authorizer = true)) // StandardAuthorizer; super user "admin"
class PaymentsSecurityIT {

    @Test
    void aliceWritesWithScram(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("payments");
        kafka.createTopic(topic);
        kafka.security().grant("alice", ResourceType.TOPIC, topic, AclOperation.WRITE, AclOperation.DESCRIBE);

        ClientSecurity alice = kafka.security().client(SecuredListener.SASL_SSL, Sasl.SCRAM_SHA_256, "alice");
        KafkaSdkConfig config = KafkaSdkConfig.loader()
                .yaml(alice.sdkClusterYaml()) // the SDK's own "cluster:" section
                .yaml("producers: {p: {preset: DURABLE}}")
                .load();
        try (SdkProducer<String, String> producer =
                SdkProducer.create(config.producer("p"), Serdes.string(), Serdes.string())) {
            SendResult sent = producer.sendAndWait(OutgoingRecord.of(topic, "k", "v"), Duration.ofSeconds(10));
            assertThat(sent.topic()).isEqualTo(topic);
        }
    }
}
// end::secured[]
