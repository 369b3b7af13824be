package dev.kafkasdk.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Three child-JVM nodes with no PLAINTEXT listener at all: brokers replicate over SASL_SSL with
 * SCRAM-SHA-512 credentials added at format time, the controller quorum runs SASL_SSL with PLAIN,
 * the StandardAuthorizer is on, and a user writes over SCRAM and reads over mutual TLS. A topic with
 * RF 3 and {@code min.insync.replicas=3} only acknowledges {@code acks=all} writes that every
 * follower fetched, so the writes prove replication over the secured listener.
 */
@KafkaBroker(
        nodes = 3,
        backend = Backend.CHILD_JVM,
        startupTimeoutSeconds = 240, // three TLS and SCRAM start-ups on a shared 2-core machine
        security =
                @KafkaSecurity(
                        listeners = {SecuredListener.SASL_SSL, SecuredListener.MUTUAL_TLS},
                        users = "alice",
                        authorizer = true,
                        interBrokerListener = SecuredListener.SASL_SSL,
                        interBrokerMechanism = Sasl.SCRAM_SHA_512))
class SecuredInterBrokerChildJvmIT {

    @Test
    void replicationAndTheQuorumRunOverSecuredListenersOnly(KafkaCluster kafka) throws Exception {
        InternalListeners.assertSecured(kafka, 3, SecuredListener.SASL_SSL, "SASL_SSL");
        assertThat(InternalListeners.describe(kafka)).allSatisfy(node -> {
            assertThat(node.configs()).containsEntry("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
            assertThat(node.configs()).containsEntry("sasl.mechanism.controller.protocol", "PLAIN");
        });

        String topic = kafka.uniqueTopicName("secured-replication");
        kafka.createTopic(topic, 1, 3, Map.of("min.insync.replicas", "3"));
        ClusterSecurity security = kafka.security();
        security.grant(
                "alice",
                ResourceType.TOPIC,
                topic,
                PatternType.LITERAL,
                AclOperation.WRITE,
                AclOperation.READ,
                AclOperation.DESCRIBE);
        security.grant("alice", ResourceType.GROUP, topic, PatternType.PREFIXED, AclOperation.READ);
        ClientSecurity scram = security.client(SecuredListener.SASL_SSL, Sasl.SCRAM_SHA_512, "alice");
        produce(scram, topic, List.of("record-0", "record-1", "record-2")); // acks=all, min ISR 3

        assertThat(SecureClients.consume(
                        security.client(SecuredListener.MUTUAL_TLS, "alice"), topic, topic + "-readers", 3))
                .containsExactlyInAnyOrder("record-0", "record-1", "record-2");
        TopicPartitionInfo partition = describe(kafka, topic).partitions().get(0);
        assertThat(partition.replicas()).extracting(Node::id).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(partition.isr()).extracting(Node::id).containsExactlyInAnyOrder(0, 1, 2);
    }

    /**
     * Sends with {@code acks=all} and waits for every acknowledgement; the bounds are generous as
     * three TLS brokers on a shared 2-core machine can take seconds to replicate a new topic.
     */
    private static void produce(ClientSecurity client, String topic, List<String> values) throws Exception {
        Map<String, Object> props = client.properties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (String value : values) {
                sent.add(producer.send(new ProducerRecord<>(topic, value)));
            }
            for (Future<RecordMetadata> future : sent) {
                future.get(70, TimeUnit.SECONDS);
            }
        }
    }

    private static TopicDescription describe(KafkaCluster kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(20, TimeUnit.SECONDS)
                    .get(topic);
        }
    }
}
