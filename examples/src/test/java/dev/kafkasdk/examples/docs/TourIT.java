package dev.kafkasdk.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.examples.Order;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's tour against a real broker; its test method is the README's test-kit snippet. */
// tag::testkit[]
@KafkaBroker // a real KRaft broker for this class
class TourIT {

    @Test
    void everyOrderSentIsStoredOnce(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        String topic = kafka.uniqueTopicName("orders"); // e.g. orders-17-k3x9q0ab
        kafka.createTopic(topic, 3); // returns once every partition serves
        Path config = Files.writeString(dir.resolve("kafka-sdk.yaml"), Tour.yaml());

        List<Order> stored = Tour.run(
                config, Map.of("KAFKA_BOOTSTRAP", kafka.bootstrapServers()), topic, 100, Duration.ofSeconds(30));

        assertThat(stored)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 100).mapToObj(Order::sample).toList());
    }
}
// end::testkit[]
