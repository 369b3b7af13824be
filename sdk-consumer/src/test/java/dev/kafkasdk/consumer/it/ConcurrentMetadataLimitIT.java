package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.GroupProtocol;
import dev.kafkasdk.core.config.Ordering;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A broker whose {@code offset.metadata.max.bytes} is 64. The consumer reads the limit and takes
 * records only as far beyond the watermark as a 64-character bitmap can describe (320 offsets, the
 * worst case of any completion pattern), so no commit can exceed it: with a slow record at the
 * watermark, the partition is held back and paused instead of a commit failing, and nothing is lost.
 */
@KafkaBroker(brokerProperties = "offset.metadata.max.bytes=64")
class ConcurrentMetadataLimitIT {

    @Test
    void completionsTheMetadataCannotDescribeBackPressureThePartitionAndLoseNothing(KafkaCluster kafka)
            throws Exception {
        String topic = kafka.uniqueTopicName("conc-limit");
        String group = topic + "-g";
        kafka.createTopic(topic, 1);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        records.add(new ProducerRecord<>(topic, 0, null, "slow"));
        expected.add("slow");
        for (int i = 0; i < 2000; i++) {
            records.add(new ProducerRecord<>(topic, 0, null, "v" + i));
            expected.add("v" + i);
        }
        kafka.produce(records);
        CountDownLatch release = new CountDownLatch(1);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicLong maxBeyond = new AtomicLong();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ConsumerSettings settings = ItSupport.settings(kafka.bootstrapServers(), group, GroupProtocol.CLASSIC)
                .maxPollRecords(500)
                .ordering(Ordering.UNORDERED)
                .concurrency(64)
                .build();
        try (SdkConsumer<String, String> consumer = SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                        .subscribe(topic)
                        .commitMode(CommitMode.syncPerBatch())
                        .metrics(registry, Tags.empty())
                        .recordHandler(r -> {
                            if (r.value().equals("slow")) {
                                release.await();
                            }
                            seen.add(r.value());
                        })
                        .build();
                Admin admin = Admin.create(kafka.adminClientProperties())) {
            consumer.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                maxBeyond.accumulateAndGet(
                        (long) registry.get("kafka.sdk.consumer.concurrent.completed.beyond.watermark")
                                .gauge()
                                .value(),
                        Math::max);
                return registry.get("kafka.sdk.consumer.concurrent.pauses")
                                        .counter()
                                        .count()
                                > 0
                        && seen.size() > 100;
            });
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> {
                maxBeyond.accumulateAndGet(
                        (long) registry.get("kafka.sdk.consumer.concurrent.completed.beyond.watermark")
                                .gauge()
                                .value(),
                        Math::max);
                return !seen.contains("slow");
            });
            // a 64-character bitmap describes at most ((64 - 4) / 4 * 3 - 5) * 8 = 320 offsets beyond the watermark
            assertThat(seen.size())
                    .as("records beyond what the metadata can describe were held back")
                    .isLessThan(330);
            assertThat(maxBeyond.get()).isLessThanOrEqualTo(320).isPositive();
            String metadata = ConcurrentConsumerIT.committedMetadata(admin, group, topic);
            assertThat(metadata).startsWith("ks1").hasSizeLessThanOrEqualTo(64);
            assertThat(registry.get("kafka.sdk.consumer.commit.failures")
                            .counter()
                            .count())
                    .isZero();

            release.countDown();
            await().atMost(Duration.ofSeconds(60)).until(() -> seen.containsAll(expected));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> ConcurrentConsumerIT.committedMetadata(admin, group, topic)
                            .isEmpty());
        }
        assertThat(seen).isEqualTo(expected);
    }
}
