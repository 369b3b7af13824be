package dev.kafkasdk.it.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.examples.WordCountStreamsExample;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

@KafkaBroker
class WordCountStreamsExampleIT {

    private static final List<String> LINES =
            List.of("the quick brown fox", "The lazy dog and the quick cat", "fox, dog; cat!");

    @Test
    void countsEveryWordOfTheInputInTheOutputTopic(KafkaCluster kafka) throws Exception {
        String input = kafka.uniqueTopicName("text-lines");
        String output = kafka.uniqueTopicName("word-counts");

        WordCountStreamsExample.Result result = WordCountStreamsExample.run(
                ClusterReads.clusterOf(kafka),
                input,
                output,
                input + "-app",
                Path.of("target", "kafka-streams-state"),
                LINES);

        Map<String, Long> expected =
                Map.of("the", 3L, "quick", 2L, "brown", 1L, "fox", 2L, "lazy", 1L, "dog", 2L, "and", 1L, "cat", 2L);
        assertThat(result.words()).isEqualTo(14);
        assertThat(result.counts()).isEqualTo(expected);

        Map<String, Long> latestInTopic = new HashMap<>();
        for (ConsumerRecord<String, Long> r : ClusterReads.readAll(
                kafka, output, IsolationLevel.READ_UNCOMMITTED, new StringDeserializer(), new LongDeserializer())) {
            latestInTopic.put(r.key(), r.value()); // offset order within a partition: the last one wins
        }
        assertThat(latestInTopic).isEqualTo(expected);
    }

    @Test
    void streamsPropertiesComeFromTheSharedClusterSettings(KafkaCluster kafka) {
        Properties props = WordCountStreamsExample.streamsProperties(
                ClusterReads.clusterOf(kafka), "app-1", Path.of("target", "state"));

        assertThat(props)
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers())
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "app-1");
        assertThat(props.stringPropertyNames()).noneMatch(k -> k.equals("client.id"));
    }
}
