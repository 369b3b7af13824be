package dev.kafkasdk.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The kit's brokers serve share groups (KIP-932): the feature is on and a share consumer round trip works. */
@KafkaBroker(partitions = 2)
class ShareGroupsIT {

    private final KafkaCluster kafka;

    ShareGroupsIT(KafkaCluster kafka) {
        this.kafka = kafka;
    }

    @Test
    void enablesTheShareVersionFeatureWithTheBrokerDeadLetterLevel() throws Exception {
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            FeatureMetadata features =
                    admin.describeFeatures().featureMetadata().get();
            assertThat(features.finalizedFeatures()).containsKey("share.version");
            assertThat(features.finalizedFeatures().get("share.version").maxVersionLevel())
                    .as("share.version 2: the broker-side dead-letter queue")
                    .isEqualTo((short) 2);
        }
    }

    @Test
    void deliversEveryRecordToAShareConsumerThatAcceptsAndRedeliversReleasedOnes() throws Exception {
        String topic = kafka.uniqueTopicName("share-round-trip");
        String group = "share-" + topic;
        kafka.createTopic(topic, 2);
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
            Map<ConfigResource, Collection<AlterConfigOp>> ops = Map.of(
                    resource,
                    List.of(new AlterConfigOp(
                            new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET)));
            admin.incrementalAlterConfigs(ops).all().get();
        }
        kafka.produceValues(topic, IntStream.range(0, 20).mapToObj(i -> "v" + i).toList());
        Map<String, Object> props = new HashMap<>(kafka.consumerProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit");
        props.keySet()
                .removeAll(Set.of(
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        ConsumerConfig.GROUP_PROTOCOL_CONFIG));
        Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        try (KafkaShareConsumer<String, String> consumer = new KafkaShareConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    int n = deliveries.merge(r.value(), 1, Integer::sum);
                    if (n == 1 && r.value().equals("v3")) {
                        consumer.acknowledge(r, AcknowledgeType.RELEASE);
                    } else {
                        consumer.acknowledge(r, AcknowledgeType.ACCEPT);
                        accepted.add(r.value());
                    }
                }
                consumer.commitSync();
                return accepted.size() == 20;
            });
        }
        assertThat(deliveries.get("v3")).isEqualTo(2);
        assertThat(deliveries).hasSize(20);
    }
}
