package dev.kafkasdk.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaDeadLetterPublisherTest {

    private static final Map<String, Object> CONNECTION = Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            "b:9092",
            ProducerConfig.CLIENT_ID_CONFIG,
            "orders-1",
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            "tx",
            "group.id",
            "not a producer key");

    @Test
    void sendBlocksAtMostTheBoundWhenTheProducerSaysNothing() {
        Map<String, Object> props = KafkaDeadLetterPublisher.producerProperties(CONNECTION, Duration.ofSeconds(5));

        assertThat(props)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000L)
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "orders-1-dlt")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .doesNotContainKeys(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "group.id");
    }

    @Test
    void theProducersOwnMaxBlockAppliesWhenItIsShorterAndTheBoundOtherwise() {
        Map<String, Object> shorter = new java.util.HashMap<>(CONNECTION);
        shorter.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
        Map<String, Object> longer = new java.util.HashMap<>(CONNECTION);
        longer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);

        assertThat(KafkaDeadLetterPublisher.producerProperties(shorter, Duration.ofSeconds(5)))
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000L);
        assertThat(KafkaDeadLetterPublisher.producerProperties(longer, Duration.ofSeconds(5)))
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000L);
    }
}
