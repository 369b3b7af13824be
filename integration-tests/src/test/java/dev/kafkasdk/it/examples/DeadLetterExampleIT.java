package dev.kafkasdk.it.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.consumer.DeadLetterHeaders;
import dev.kafkasdk.examples.DeadLetterExample;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

@KafkaBroker
class DeadLetterExampleIT {

    private static final int VALID = 30;

    @Test
    void poisonPillsAndRejectedOrdersLandInTheDeadLetterTopicWithTheirOrigin(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("payments");
        String group = topic + "-group";

        DeadLetterExample.Result result = DeadLetterExample.run(ClusterReads.clusterOf(kafka), topic, group, VALID);

        assertThat(result.processed()).isEqualTo(VALID);
        assertThat(result.retried()).isEqualTo(1);
        assertThat(result.deadLetters()).hasSize(3);

        List<ConsumerRecord<String, String>> letters = kafka.consume(topic + ".DLT", 3, Duration.ofSeconds(30));
        Map<String, ConsumerRecord<String, String>> originals = kafka.consumeAll(topic, Duration.ofSeconds(30)).stream()
                .collect(Collectors.toMap(r -> r.partition() + "@" + r.offset(), Function.identity()));
        assertThat(letters).hasSize(3).allSatisfy(letter -> {
            assertThat(header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(topic);
            ConsumerRecord<String, String> original = originals.get(header(letter, DeadLetterHeaders.ORIGINAL_PARTITION)
                    + "@" + header(letter, DeadLetterHeaders.ORIGINAL_OFFSET));
            assertThat(original).as("the record the dead letter points at").isNotNull();
            assertThat(letter.value()).isEqualTo(original.value());
            assertThat(letter.key()).isEqualTo(original.key());
        });
        assertThat(letters)
                .filteredOn(l -> header(l, DeadLetterHeaders.REASON).equals("DESERIALIZATION"))
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("pill-1", "pill-2");
        assertThat(letters)
                .filteredOn(l -> header(l, DeadLetterHeaders.REASON).equals("HANDLER"))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.key()).isEqualTo("order-refund-by-mistake");
                    assertThat(header(l, DeadLetterHeaders.EXCEPTION_CLASS))
                            .isEqualTo(IllegalArgumentException.class.getName());
                    assertThat(header(l, DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("amount must be positive");
                });
        // everything, dead letters included, is committed: nothing is left to re-deliver
        assertThat(ClusterReads.committedOffsets(kafka, group)).isEqualTo(ClusterReads.endOffsets(kafka, topic));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
