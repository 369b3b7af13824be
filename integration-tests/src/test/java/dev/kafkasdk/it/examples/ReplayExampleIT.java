package dev.kafkasdk.it.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.examples.ReplayExample;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@KafkaBroker
class ReplayExampleIT {

    private static final int PER_ROUND = 250;

    @Test
    void replayReadsExactlyTheRecordsAtOrAfterTheTimestampAndStops(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("replay-orders");

        ReplayExample.Result result = ReplayExample.run(ClusterReads.clusterOf(kafka), topic, PER_ROUND);

        ReplayExample.Replay replay = result.replay();
        assertThat(result.before()).isEqualTo(PER_ROUND);
        assertThat(result.after()).isEqualTo(PER_ROUND);
        assertThat(replay.replayed()).isEqualTo(PER_ROUND);
        assertThat(replay.finalState()).isEqualTo(ConsumerState.STOPPED);
        assertThat(replay.earliest()).isAfterOrEqualTo(replay.from());
        assertThat(replay.latest()).isBefore(replay.to());

        List<ConsumerRecord<String, String>> all = kafka.consumeAll(topic, Duration.ofSeconds(30));
        Map<Integer, Long> recordsBeforeFrom = all.stream()
                .filter(r -> r.timestamp() < replay.from().toEpochMilli())
                .collect(Collectors.groupingBy(ConsumerRecord::partition, Collectors.counting()));
        assertThat(recordsBeforeFrom.values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(PER_ROUND);
        // each partition's seek landed on its first record after the replay point
        assertThat(replay.firstOffsets()).isEqualTo(recordsBeforeFrom);
    }
}
