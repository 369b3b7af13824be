package dev.kafkasdk.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.producer.SendResult;
import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import dev.kafkasdk.test.KafkaSecurity;
import dev.kafkasdk.test.SecuredListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Three child-JVM nodes secured end to end with certificates only: brokers replicate over the
 * mutual-TLS listener with the broker certificate (CN {@code kafka-broker}, a super user), the
 * controller quorum runs SSL with required client certificates, no listener speaks PLAINTEXT, and an
 * SDK producer (DURABLE) and consumer group configured through {@code KafkaSdkConfig} write and read
 * a topic with RF 3 and {@code min.insync.replicas=3}. Runs with {@code -Preliability} (a second
 * 3-node secured cluster would lengthen the default build; {@code sdk-test}'s
 * {@code SecuredInterBrokerChildJvmIT} covers SASL_SSL replication there).
 */
@EnabledIfSystemProperty(named = "kafka.sdk.reliability.full", matches = "true")
@KafkaBroker(
        nodes = 3,
        backend = Backend.CHILD_JVM,
        startupTimeoutSeconds = 240,
        security =
                @KafkaSecurity(
                        listeners = SecuredListener.MUTUAL_TLS,
                        users = "alice",
                        authorizer = true,
                        interBrokerListener = SecuredListener.MUTUAL_TLS))
class MutualTlsReplicationIT {

    @Test
    void sdkClientsWorkOnAClusterThatReplicatesOverMutualTlsOnly(KafkaCluster kafka) throws Exception {
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            for (Node node : admin.describeCluster().nodes().get(20, TimeUnit.SECONDS)) {
                ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, node.idString());
                Config config = admin.describeConfigs(List.of(broker))
                        .all()
                        .get(20, TimeUnit.SECONDS)
                        .get(broker);
                assertThat(config.get("listener.security.protocol.map").value())
                        .as("node %d", node.id())
                        .isEqualTo("SECURED_CONTROLLER:SSL,MTLS:SSL");
                assertThat(config.get("inter.broker.listener.name").value()).isEqualTo("MTLS");
                assertThat(config.get("controller.listener.names").value()).isEqualTo("SECURED_CONTROLLER");
            }
        }
        String topic = kafka.uniqueTopicName("mtls-replication");
        kafka.createTopic(topic, 3, 3, Map.of("min.insync.replicas", "3"));
        kafka.security()
                .grant(
                        "alice",
                        ResourceType.TOPIC,
                        topic,
                        PatternType.LITERAL,
                        AclOperation.WRITE,
                        AclOperation.READ,
                        AclOperation.DESCRIBE);
        kafka.security().grant("alice", ResourceType.GROUP, topic, PatternType.PREFIXED, AclOperation.READ);
        // generous bounds: three TLS brokers on a shared 2-core machine can take seconds to replicate
        KafkaSdkConfig config = KafkaSdkConfig.loader()
                .yaml(kafka.security()
                        .client(SecuredListener.MUTUAL_TLS, "alice")
                        .sdkClusterYaml())
                .yaml("""
                        producers:
                          p:
                            preset: DURABLE
                            linger: 0ms
                            max-block: 30s
                            delivery-timeout: 60s
                            request-timeout: 20s
                        consumers:
                          c:
                            group-id: "%s-g"
                            auto-offset-reset: earliest
                            enable-auto-commit: false
                            request-timeout: 20s
                        """.formatted(topic))
                .environment(Map.of())
                .load();
        List<String> values =
                IntStream.range(0, 30).mapToObj(i -> "record-" + i).toList();

        try (SdkProducer<String, String> producer = SecuredSdkClients.producer(config)) {
            List<CompletableFuture<SendResult>> sent =
                    values.stream().map(v -> producer.send(topic, v, v)).toList();
            for (CompletableFuture<SendResult> future : sent) {
                future.get(70, TimeUnit.SECONDS); // acks=all with min ISR 3: every follower fetched it
            }
        }

        assertThat(SecuredSdkClients.consume(config, topic, values.size())).containsExactlyInAnyOrderElementsOf(values);
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            List<TopicPartitionInfo> partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(20, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions();
            assertThat(partitions)
                    .allSatisfy(p -> assertThat(p.isr()).extracting(Node::id).containsExactlyInAnyOrder(0, 1, 2));
        }
    }
}
