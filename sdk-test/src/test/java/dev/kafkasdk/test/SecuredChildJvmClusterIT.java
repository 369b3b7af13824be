package dev.kafkasdk.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/**
 * Two child-JVM nodes with SASL_SSL and mutual TLS and the StandardAuthorizer: the storage tool
 * adds SCRAM users in each child, replication runs over the kit's listener with the kit's super-user
 * principal, and ACLs granted through one node hold on both.
 */
@KafkaBroker(
        nodes = 2,
        backend = Backend.CHILD_JVM,
        security =
                @KafkaSecurity(
                        listeners = {SecuredListener.SASL_SSL, SecuredListener.MUTUAL_TLS},
                        users = "alice",
                        authorizer = true))
class SecuredChildJvmClusterIT {

    @Test
    void aUserWithPrefixedAclsProducesToAReplicatedTopicAndReadsItBackOverTheOtherListener(KafkaCluster kafka)
            throws Exception {
        String topic = kafka.uniqueTopicName("secured-child");
        kafka.createTopic(topic, 2, 2, Map.of("min.insync.replicas", "2"));
        ClusterSecurity security = kafka.security();
        ClientSecurity scram = security.client(SecuredListener.SASL_SSL, Sasl.SCRAM_SHA_512, "alice");
        ClientSecurity certificate = security.client(SecuredListener.MUTUAL_TLS, "alice");

        assertThatThrownBy(() -> SecureClients.produce(scram, topic, "denied"))
                .isInstanceOf(TopicAuthorizationException.class);
        security.grant(
                "alice",
                ResourceType.TOPIC,
                topic,
                PatternType.PREFIXED,
                AclOperation.WRITE,
                AclOperation.READ,
                AclOperation.DESCRIBE);
        security.grant("alice", ResourceType.GROUP, topic, PatternType.PREFIXED, AclOperation.READ);
        for (int i = 0; i < 5; i++) {
            SecureClients.produce(scram, topic, "record-" + i);
        }

        assertThat(SecureClients.consume(certificate, topic, topic + "-readers", 5))
                .containsExactlyInAnyOrder("record-0", "record-1", "record-2", "record-3", "record-4");
        assertThat(security.bootstrapServers(SecuredListener.SASL_SSL).split(","))
                .hasSize(2);
    }

    @Test
    void scramCredentialsFromFormatTimeRejectAWrongPassword(KafkaCluster kafka) {
        ClientSecurity wrong = kafka.security()
                .client(SecuredListener.SASL_SSL, Sasl.SCRAM_SHA_256, "alice")
                .withPassword("wrong");

        assertThatThrownBy(() -> SecureClients.produce(wrong, kafka.uniqueTopicName("wrong"), "x"))
                .isInstanceOf(SaslAuthenticationException.class);
    }
}
