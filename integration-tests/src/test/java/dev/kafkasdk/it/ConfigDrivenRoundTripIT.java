package dev.kafkasdk.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The shared config model drives real clients: one YAML document, with the bootstrap address
 * supplied the way a container would (an environment override), renders producer and consumer
 * properties that a real in-process broker accepts end to end.
 */
@KafkaBroker
class ConfigDrivenRoundTripIT {

    private static final String CONFIG = """
            cluster:
              client-id-prefix: roundtrip-it
            producers:
              orders:
                preset: DURABLE
                linger: 1ms
            consumers:
              audit:
                group-id: ${AUDIT_GROUP}
                auto-offset-reset: earliest
                isolation-level: read_committed
                enable-auto-commit: false
            """;

    @Test
    void recordsSentWithRenderedProducerPropertiesAreReadBackWithRenderedConsumerProperties(KafkaCluster cluster)
            throws Exception {
        String topic = cluster.uniqueTopicName("config-roundtrip");
        cluster.createTopic(topic, 3);
        KafkaSdkConfig config = KafkaSdkConfig.loader()
                .yaml(CONFIG)
                .environment(Map.of(
                        "KAFKA_SDK_CLUSTER_BOOTSTRAP_SERVERS",
                        cluster.bootstrapServers(),
                        "AUDIT_GROUP",
                        topic + "-audit"))
                .load();

        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                config.producer("orders").toProperties(), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 300; i++) {
                acks.add(producer.send(new ProducerRecord<>(topic, "key-" + i, "order-" + i)));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                assertThat(ack.get().offset()).isNotNegative();
            }
        }

        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                config.consumer("audit").toProperties(), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read.size() < 300 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
            consumer.commitSync();
        }

        assertThat(read).hasSize(300);
        assertThat(read)
                .extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 300)
                        .mapToObj(i -> "order-" + i)
                        .toList());
        assertThat(read)
                .allSatisfy(
                        r -> assertThat(r.value()).isEqualTo("order-" + r.key().substring(4)));
    }
}
