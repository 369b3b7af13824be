package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.SdkShareConsumer;
import dev.kafkasdk.consumer.ShareOutcome;
import dev.kafkasdk.consumer.ShareStats;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.OffsetReset;
import dev.kafkasdk.core.config.ShareConsumerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The share consumer's lock renewal (RENEW) and batch handler against a real broker. */
@KafkaBroker
class ShareRenewAndBatchIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final KafkaCluster kafka;

    ShareRenewAndBatchIT(KafkaCluster kafka) {
        this.kafka = kafka;
    }

    private ShareConsumerSettings.Builder settings(String group) {
        return ShareConsumerSettings.builder()
                .name("jobs")
                .cluster(ClusterSettings.of(kafka.bootstrapServers()))
                .groupId(group)
                .autoOffsetReset(OffsetReset.EARLIEST);
    }

    @Test
    void aHandlerSlowerThanTheLockRenewsItAndKeepsItsRecordsWithNoDuplicateDelivery() throws Exception {
        String topic = kafka.uniqueTopicName("share-slow");
        kafka.createTopic(topic, 1);
        kafka.produceValues(topic, List.of("slow-0", "slow-1", "slow-2"));
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        // a 2 s lock and 4.5 s of work per record: without renewal every record is delivered again
        ShareConsumerSettings s = settings("share-" + topic)
                .recordLockDuration(Duration.ofSeconds(2))
                .concurrency(4)
                .build();
        List<SdkShareConsumer<String, String>> members = IntStream.range(0, 2)
                .mapToObj(m -> SdkShareConsumer.create(s, Serdes.string(), Serdes.string(), List.of(topic), r -> {
                    calls.computeIfAbsent(r.value(), v -> new AtomicInteger()).incrementAndGet();
                    Thread.sleep(4_500); // the slow work itself, not a wait for the broker
                }))
                .toList();
        try {
            members.forEach(SdkShareConsumer::start);
            await().atMost(WAIT).until(() -> total(members).accepted() == 3);
            // a lost lock would show as a second delivery within another lock period or two
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> calls.values().stream().allMatch(n -> n.get() == 1));
        } finally {
            members.forEach(m -> m.close(Duration.ofSeconds(20)));
        }
        ShareStats total = total(members);
        assertThat(calls).containsOnlyKeys("slow-0", "slow-1", "slow-2");
        assertThat(calls.values())
                .allSatisfy(n -> assertThat(n.get()).as("handler calls").isEqualTo(1));
        assertThat(total.redelivered()).as("redeliveries").isZero();
        assertThat(total.released()).isZero();
        assertThat(total.renewed())
                .as("renewals of 3 records held 4.5 s under a 2 s lock")
                .isGreaterThanOrEqualTo(6);
    }

    @Test
    void aBatchHandlerSetsAnOutcomePerRecord() throws Exception {
        String topic = kafka.uniqueTopicName("share-batch");
        kafka.createTopic(topic, 1);
        kafka.produceValues(topic, List.of("ok-1", "retry", "bad", "ok-2", "ok-3"));
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger batches = new AtomicInteger();
        ShareConsumerSettings s =
                settings("share-" + topic).maxDeliveryAttempts(3).build();
        SdkShareConsumer<String, String> consumer = SdkShareConsumer.builder(s, Serdes.string(), Serdes.string())
                .subscribe(topic)
                .batchHandler(batch -> {
                    batches.incrementAndGet();
                    for (ConsumerRecord<String, String> r : batch) {
                        int n = seen.computeIfAbsent(r.value(), v -> new AtomicInteger())
                                .incrementAndGet();
                        if (r.value().equals("bad")) {
                            batch.outcome(r, ShareOutcome.REJECT);
                        } else if (r.value().equals("retry") && n == 1) {
                            assertThat(batch.deliveryCount(r)).isEqualTo(1);
                            batch.outcome(r, ShareOutcome.RELEASE);
                        } else {
                            accepted.add(r.value()); // no outcome set: ACCEPT
                        }
                    }
                })
                .build();
        try {
            consumer.start();
            await().atMost(WAIT)
                    .until(() ->
                            consumer.stats().accepted() == 4 && consumer.stats().rejected() == 1);
        } finally {
            consumer.close(Duration.ofSeconds(20));
        }
        ShareStats stats = consumer.stats();
        assertThat(accepted).containsExactlyInAnyOrder("ok-1", "ok-2", "ok-3", "retry");
        assertThat(seen.get("retry")).hasValue(2);
        assertThat(seen.get("bad")).hasValue(1);
        assertThat(stats.released()).isEqualTo(1);
        assertThat(stats.redelivered()).isEqualTo(1);
        assertThat(batches.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aBatchHandlerThatThrowsReleasesTheRecordsWithoutAnOutcome() throws Exception {
        String topic = kafka.uniqueTopicName("share-batch-fail");
        kafka.createTopic(topic, 1);
        kafka.produceValues(topic, List.of("a", "b", "c"));
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        ShareConsumerSettings s = settings("share-" + topic).build();
        SdkShareConsumer<String, String> consumer = SdkShareConsumer.builder(s, Serdes.string(), Serdes.string())
                .subscribe(topic)
                .batchHandler(batch -> {
                    batch.forEach(r -> seen.computeIfAbsent(r.value(), v -> new AtomicInteger())
                            .incrementAndGet());
                    ConsumerRecord<String, String> first = batch.records().get(0);
                    if (failures.get() == 0 && batch.count() > 1) {
                        batch.outcome(first, ShareOutcome.ACCEPT);
                        failures.incrementAndGet();
                        throw new IllegalStateException("the batch fails after accepting its first record");
                    }
                })
                .build();
        try {
            consumer.start();
            await().atMost(WAIT).until(() -> consumer.stats().accepted() == 3);
        } finally {
            consumer.close(Duration.ofSeconds(20));
        }
        assertThat(failures).hasValue(1);
        assertThat(consumer.stats().rejected()).isZero();
        assertThat(consumer.stats().released())
                .as("the records without an outcome")
                .isEqualTo(seen.values().stream().filter(n -> n.get() == 2).count());
        assertThat(seen.values().stream().mapToInt(AtomicInteger::get).sum())
                .isEqualTo(3 + (int) consumer.stats().released());
    }

    private static ShareStats total(List<SdkShareConsumer<String, String>> members) {
        long[] t = new long[7];
        for (SdkShareConsumer<String, String> m : members) {
            ShareStats s = m.stats();
            t[0] += s.delivered();
            t[1] += s.accepted();
            t[2] += s.released();
            t[3] += s.rejected();
            t[4] += s.deadLettered();
            t[5] += s.redelivered();
            t[6] += s.renewed();
        }
        return new ShareStats(t[0], t[1], t[2], t[3], t[4], t[5], t[6]);
    }
}
