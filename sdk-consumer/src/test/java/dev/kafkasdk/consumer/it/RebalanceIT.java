package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A second member joins while records flow: the partitions move without losing or repeating records. */
@KafkaBroker(
        brokerProperties = {
            ItSupport.GROUP_TIMEOUTS_1,
            ItSupport.GROUP_TIMEOUTS_2,
            ItSupport.GROUP_TIMEOUTS_3,
            ItSupport.GROUP_TIMEOUTS_4
        })
class RebalanceIT {

    @ParameterizedTest
    @EnumSource(GroupProtocol.class)
    void aMemberJoiningMidStreamTakesPartitionsWithNoLossAndNoDuplicates(GroupProtocol protocol, KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("rebalance");
        String group = topic + "-group";
        kafka.createTopic(topic, 4);
        Queue<String> first = new ConcurrentLinkedQueue<>();
        Queue<String> second = new ConcurrentLinkedQueue<>();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SimpleMeterRegistry joinerRegistry = new SimpleMeterRegistry();

        try (SdkConsumer<String, String> a = member(kafka, topic, group, protocol, first, registry);
                SdkConsumer<String, String> b = member(kafka, topic, group, protocol, second, joinerRegistry)) {
            a.start();
            produce(kafka, topic, "a", 100);
            await().atMost(Duration.ofSeconds(60)).until(() -> first.size() >= 100);

            b.start();
            produce(kafka, topic, "b", 200);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> joinerRegistry
                                    .get("kafka.sdk.consumer.rebalances")
                                    .tag("kind", "assigned")
                                    .counter()
                                    .count()
                            >= 1);
            produce(kafka, topic, "c", 100);
            await().atMost(Duration.ofSeconds(60)).until(() -> first.size() + second.size() >= 400);

            List<String> all = new java.util.ArrayList<>(first);
            all.addAll(second);
            Set<String> expected = new HashSet<>();
            for (String prefix : List.of("a", "b", "c")) {
                IntStream.range(0, prefix.equals("b") ? 200 : 100).forEach(i -> expected.add(prefix + i));
            }
            assertThat(new HashSet<>(all)).as("no loss").isEqualTo(expected);
            assertThat(all)
                    .as("no duplicates: completed work is committed on revoke")
                    .hasSize(400);
            assertThat(registry.get("kafka.sdk.consumer.rebalances")
                            .tag("kind", "revoked")
                            .counter()
                            .count())
                    .isPositive();
            assertThat(registry.get("kafka.sdk.consumer.rebalances")
                            .tag("kind", "lost")
                            .counter()
                            .count())
                    .isZero();
            assertThat(second)
                    .as("the joining member processed records of its partitions")
                    .isNotEmpty();
            assertThat(a.state()).isIn(ConsumerState.RUNNING, ConsumerState.REBALANCING);
        }
    }

    /** Spreads values over the four partitions so both members get records. */
    private static void produce(KafkaCluster kafka, String topic, String prefix, int count) {
        kafka.produce(IntStream.range(0, count)
                .mapToObj(i -> new ProducerRecord<String, String>(topic, i % 4, "k" + i, prefix + i))
                .toList());
    }

    private static SdkConsumer<String, String> member(
            KafkaCluster kafka,
            String topic,
            String group,
            GroupProtocol protocol,
            Queue<String> seen,
            SimpleMeterRegistry registry) {
        return SdkConsumer.builder(
                        ItSupport.settings(kafka.bootstrapServers(), group, protocol)
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .subscribe(topic)
                .commitMode(CommitMode.syncPerBatch())
                .metrics(registry, Tags.of("member", Integer.toString(System.identityHashCode(seen))))
                .recordHandler(record -> seen.add(record.value()))
                .build();
    }
}
