package dev.kafkasdk.it.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.core.config.ProducerPreset;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.examples.AsyncProducerExample;
import dev.kafkasdk.examples.Order;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@KafkaBroker
class AsyncProducerExampleIT {

    private static final int PER_PRESET = 300;

    @Test
    void everyPresetDeliversEveryOrderAndReportsItInACallback(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("async-orders");
        kafka.createTopic(topic, 3);
        List<AsyncProducerExample.Result> results = new ArrayList<>();
        int first = 0;
        for (ProducerPreset preset :
                List.of(ProducerPreset.LOW_LATENCY, ProducerPreset.BALANCED, ProducerPreset.HIGH_THROUGHPUT)) {
            ProducerSettings settings = ProducerSettings.builder()
                    .name(preset.name().toLowerCase(Locale.ROOT))
                    .cluster(ClusterReads.clusterOf(kafka))
                    .preset(preset)
                    .build();
            results.add(AsyncProducerExample.send(settings, topic, PER_PRESET, first));
            first += PER_PRESET;
        }

        assertThat(results).allSatisfy(r -> {
            assertThat(r.acknowledged()).isEqualTo(PER_PRESET);
            assertThat(r.failed()).isZero();
            assertThat(r.firstFailure()).isEmpty();
            assertThat(r.perPartition().values().stream()
                            .mapToInt(Integer::intValue)
                            .sum())
                    .isEqualTo(PER_PRESET);
            assertThat(r.perPartition()).hasSize(3);
            assertThat(r.p50Nanos()).isPositive().isLessThanOrEqualTo(r.p99Nanos());
        });
        assertThat(results)
                .extracting(AsyncProducerExample.Result::preset)
                .containsExactly(ProducerPreset.LOW_LATENCY, ProducerPreset.BALANCED, ProducerPreset.HIGH_THROUGHPUT);

        List<ConsumerRecord<String, String>> stored = kafka.consumeAll(topic, Duration.ofSeconds(30));
        assertThat(stored)
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 3 * PER_PRESET)
                        .mapToObj(i -> Order.sample(i).id())
                        .toList());
        assertThat(stored).allSatisfy(r -> assertThat(r.value()).contains("\"id\":\"" + r.key() + "\""));
    }

    @Test
    void aFixedRateSpreadsTheSendsOverTheScheduleAndSaysSo(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("async-orders-rate");
        kafka.createTopic(topic, 3);
        ProducerSettings settings = ProducerSettings.builder()
                .name("low-latency")
                .cluster(ClusterReads.clusterOf(kafka))
                .preset(ProducerPreset.LOW_LATENCY)
                .build();

        // 300 records at 1,000/s: the last is due 299 ms after the first
        AsyncProducerExample.Result paced = AsyncProducerExample.send(settings, topic, PER_PRESET, 0, 1_000);
        AsyncProducerExample.Result burst = AsyncProducerExample.send(settings, topic, PER_PRESET, PER_PRESET, 0);

        assertThat(paced.acknowledged()).isEqualTo(PER_PRESET);
        assertThat(paced.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(299));
        assertThat(paced.format()).contains("at 1000 records/s, latency p50");
        assertThat(burst.format()).contains("burst (all sends at once), latency p50");
    }
}
