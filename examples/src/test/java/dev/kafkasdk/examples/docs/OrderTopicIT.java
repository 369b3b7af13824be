package dev.kafkasdk.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The first test of {@code docs/test-kit.md}, run as it is shown. */
// tag::first-test[]
@KafkaBroker
class OrderTopicIT {

    @Test
    void readsBackWhatItWrote(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("orders"); // e.g. orders-17-k3x9q0ab
        kafka.createTopic(topic, 3); // waits until every partition's leader serves it
        kafka.produce(topic, "order-1", "{\"total\": 42}"); // returns once acknowledged (acks=all)

        List<ConsumerRecord<String, String>> read = kafka.consume(topic, 1, Duration.ofSeconds(10));

        assertThat(read).extracting(ConsumerRecord::value).containsExactly("{\"total\": 42}");
    }
}
// end::first-test[]
