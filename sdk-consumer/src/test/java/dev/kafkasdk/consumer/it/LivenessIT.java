package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.LivenessReport;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A handler slower than max.poll.interval.ms / max.poll.records: without the poll budget one poll's
 * records would take 4.8 s against a 3 s max.poll.interval.ms and the member would be removed. The
 * consumer time-boxes its rounds and shrinks them instead, so the member stays.
 */
@KafkaBroker(
        brokerProperties = {
            ItSupport.GROUP_TIMEOUTS_1,
            ItSupport.GROUP_TIMEOUTS_2,
            ItSupport.GROUP_TIMEOUTS_3,
            ItSupport.GROUP_TIMEOUTS_4
        })
class LivenessIT {

    private static final int RECORDS = 16;
    private static final long WORK_MILLIS = 300;

    @ParameterizedTest
    @EnumSource(GroupProtocol.class)
    void aSlowHandlerTriggersTheAdvisorAndTheMemberStaysInTheGroup(GroupProtocol protocol, KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("slow");
        kafka.createTopic(topic, 1);
        kafka.produceValues(
                topic, IntStream.range(0, RECORDS).mapToObj(i -> "s" + i).toList());
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        try (SdkConsumer<String, String> consumer = SdkConsumer.builder(
                        ItSupport.settings(kafka.bootstrapServers(), topic + "-group", protocol)
                                .maxPollRecords(RECORDS)
                                .maxPollInterval(Duration.ofSeconds(3))
                                .build(),
                        Serdes.string(),
                        Serdes.string())
                .subscribe(topic)
                .metrics(registry, List.of())
                .recordHandler(record -> {
                    simulateWork();
                    seen.add(record.value());
                })
                .build()) {
            consumer.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() >= RECORDS);

            List<String> all = new ArrayList<>(seen);
            assertThat(new HashSet<>(all)).hasSize(RECORDS);
            assertThat(all)
                    .as("no record processed twice: the member never lost its partition")
                    .hasSize(RECORDS);
            assertThat(registry.get("kafka.sdk.consumer.rebalances")
                            .tag("kind", "revoked")
                            .counter()
                            .count())
                    .isZero();
            assertThat(registry.get("kafka.sdk.consumer.rebalances")
                            .tag("kind", "lost")
                            .counter()
                            .count())
                    .isZero();
            assertThat(registry.get("kafka.sdk.consumer.rebalances")
                            .tag("kind", "assigned")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
            assertThat(registry.get("kafka.sdk.consumer.poll.budget.warnings")
                            .counter()
                            .count())
                    .isPositive();
            LivenessReport report = consumer.livenessReport();
            assertThat(report.finding("poll-budget")).as(report.format()).isPresent();
            assertThat(report.recommendedClientProperties())
                    .containsKey("max.poll.records")
                    .doesNotContainKey(protocol == GroupProtocol.CONSUMER ? "session.timeout.ms" : "unused");
            if (protocol == GroupProtocol.CONSUMER) {
                assertThat(report.finding("broker-group-timeouts").orElseThrow().message())
                        .contains("group.consumer.session.timeout.ms=6000");
            }
            assertThat(consumer.state()).isEqualTo(ConsumerState.RUNNING);
        }
    }

    /** The handler's work: a fixed cost per record, on purpose longer than the poll budget allows per poll. */
    private static void simulateWork() throws InterruptedException {
        Thread.sleep(WORK_MILLIS);
    }
}
