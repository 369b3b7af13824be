package dev.kafkasdk.it.examples;

import static org.awaitility.Awaitility.await;

import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Independent checks of what the examples left on the broker, read with plain kafka-clients so
 * that the assertions do not trust the SDK code under test.
 */
final class ClusterReads {

    private ClusterReads() {}

    /** The test broker as the examples' cluster settings. */
    static ClusterSettings clusterOf(KafkaCluster kafka) {
        return ClusterSettings.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .clientIdPrefix("it-examples")
                .build();
    }

    /** A group's committed offsets, per partition. */
    static Map<TopicPartition, Long> committedOffsets(KafkaCluster kafka, String groupId) throws Exception {
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    /** The log end offset of every partition of a topic. */
    static Map<TopicPartition, Long> endOffsets(KafkaCluster kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            int partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .size();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(request).all().get().entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    /**
     * Every record of a topic from the beginning up to the end (for {@code read_committed}: the last
     * stable offset), read without a group.
     */
    static <K, V> List<ConsumerRecord<K, V>> readAll(
            KafkaCluster kafka, String topic, IsolationLevel isolation, Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> props = kafka.consumerProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString().toLowerCase(Locale.ROOT));
        List<ConsumerRecord<K, V>> read = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return read;
    }

    /** The sum of the offsets. */
    static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}
