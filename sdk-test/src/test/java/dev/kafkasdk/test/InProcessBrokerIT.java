package dev.kafkasdk.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@KafkaBroker(partitions = 2)
class InProcessBrokerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaCluster kafka;

    InProcessBrokerIT(KafkaCluster kafka) {
        this.kafka = kafka;
    }

    @Test
    void runsOneInProcessNodeOnLoopback(KafkaCluster injected) {
        assertThat(injected).isSameAs(kafka);
        assertThat(kafka.backend()).isEqualTo(Backend.IN_PROCESS);
        assertThat(kafka.nodeCount()).isEqualTo(1);
        assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
        assertThat(kafka.node(0).bootstrapAddress()).isEqualTo(kafka.bootstrapServers());
        assertThat(kafka.node(0).isAlive()).isTrue();
    }

    @Test
    void readsBackEveryProducedRecordInOrder() {
        String topic = kafka.uniqueTopicName("round-trip");
        kafka.createTopic(topic, 1);
        List<ProducerRecord<String, String>> records = IntStream.range(0, 50)
                .mapToObj(i -> new ProducerRecord<>(topic, "key-" + i, "value-" + i))
                .collect(Collectors.toList());

        List<RecordMetadata> acked = kafka.produce(records);
        List<ConsumerRecord<String, String>> read = kafka.consume(topic, 50, TIMEOUT);

        assertThat(acked)
                .extracting(RecordMetadata::offset)
                .containsExactlyElementsOf(
                        IntStream.range(0, 50).mapToObj(i -> (long) i).collect(Collectors.toList()));
        assertThat(read)
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactlyElementsOf(records.stream()
                        .map(r -> org.assertj.core.groups.Tuple.tuple(r.key(), r.value()))
                        .collect(Collectors.toList()));
    }

    @Test
    void createsTopicWithTheRequestedPartitionsAndLeaders() throws Exception {
        String topic = kafka.uniqueTopicName("partitioned");
        kafka.createTopic(topic, 4, 1, Map.of("retention.ms", "60000"));

        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            TopicDescription description =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertThat(description.partitions())
                    .hasSize(4)
                    .allSatisfy(p -> assertThat(p.leader().id()).isEqualTo(0));
        }
    }

    @Test
    void usesTheAnnotationsDefaultPartitionCount() {
        String topic = kafka.uniqueTopicName("defaults");
        kafka.createTopic(topic);

        List<RecordMetadata> acked = kafka.produce(
                List.of(new ProducerRecord<>(topic, 0, "a", "first"), new ProducerRecord<>(topic, 1, "b", "second")));

        assertThat(acked).extracting(RecordMetadata::partition).containsExactly(0, 1);
        assertThat(kafka.consumeAll(topic, TIMEOUT))
                .extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void consumeFailsWhenFewerRecordsArrive() {
        String topic = kafka.uniqueTopicName("short");
        kafka.createTopic(topic, 1);
        kafka.produceValues(topic, List.of("only", "two"));

        assertThatThrownBy(() -> kafka.consume(topic, 3, Duration.ofSeconds(2)))
                .isInstanceOf(KafkaTestKitException.class)
                .hasMessageContaining("Expected 3 records from topic " + topic)
                .hasMessageContaining("read 2");
    }

    @Test
    void refusesFaultInjectionWithAMessageNamingTheBackend() {
        assertThatThrownBy(() -> kafka.node(0).kill())
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("CHILD_JVM")
                .hasMessageContaining("IN_PROCESS");
        assertThat(kafka.node(0).isAlive()).isTrue();
    }

    @Test
    void externalHandleReachesTheSameBroker() {
        String topic = kafka.uniqueTopicName("external");
        kafka.createTopic(topic, 1);
        EmbeddedKafkaOptions options = EmbeddedKafkaOptions.builder()
                .backend(Backend.EXTERNAL)
                .externalBootstrapServers(kafka.bootstrapServers())
                .build();

        try (KafkaCluster external = EmbeddedKafka.start(options)) {
            assertThat(external.backend()).isEqualTo(Backend.EXTERNAL);
            assertThat(external.nodeCount()).isEqualTo(1);
            external.produce(topic, "k", "through-external");
        }

        assertThat(kafka.consume(topic, 1, TIMEOUT))
                .extracting(ConsumerRecord::value)
                .containsExactly("through-external");
        assertThat(kafka.node(0).isAlive())
                .as("closing an EXTERNAL handle leaves the cluster running")
                .isTrue();
    }

    @Nested
    class NestedClassWithoutItsOwnAnnotation {
        @Test
        void sharesTheEnclosingClassCluster(KafkaCluster nested) {
            assertThat(nested).isSameAs(kafka);
        }
    }
}
