package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.DeadLetterHeaders;
import dev.kafkasdk.consumer.SdkShareConsumer;
import dev.kafkasdk.consumer.ShareStats;
import dev.kafkasdk.core.compat.BrokerFeature;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.OffsetReset;
import dev.kafkasdk.core.config.ShareConsumerSettings;
import dev.kafkasdk.core.config.ShareExhaustedAction;
import dev.kafkasdk.core.health.ClientHealth;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The share consumer (KIP-932) against a real broker: acknowledgement, redelivery and dead letters. */
@KafkaBroker(partitions = 3)
class ShareConsumerIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final KafkaCluster kafka;

    ShareConsumerIT(KafkaCluster kafka) {
        BrokerAssumptions.assumeSupported(kafka.bootstrapServers(), BrokerFeature.SHARE_GROUPS);
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
    void threeMembersAcceptEveryRecordExactlyOnceWhileTenPercentFailOnce() throws Exception {
        acceptEveryRecordOnce(3_000);
    }

    @Test
    @Tag("long")
    void threeMembersAcceptThirtyThousandRecordsExactlyOnceWhileTenPercentFailOnce() throws Exception {
        acceptEveryRecordOnce(30_000);
    }

    private void acceptEveryRecordOnce(int count) throws Exception {
        String topic = kafka.uniqueTopicName("share-work");
        kafka.createTopic(topic, 3);
        kafka.produceValues(
                topic, IntStream.range(0, count).mapToObj(i -> "r" + i).toList());
        Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        ShareConsumerSettings s = settings("share-" + topic).concurrency(8).build();
        List<SdkShareConsumer<String, String>> members = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            members.add(SdkShareConsumer.create(s, Serdes.string(), Serdes.string(), List.of(topic), record -> {
                int n = Integer.parseInt(record.value().substring(1));
                if (n % 10 == 0 && failedOnce.add(record.value())) {
                    throw new IllegalStateException("first delivery of " + record.value() + " fails");
                }
                successes
                        .computeIfAbsent(record.value(), v -> new AtomicInteger())
                        .incrementAndGet();
            }));
        }
        long started = System.nanoTime();
        try {
            members.forEach(SdkShareConsumer::start);
            // 30,000 records took 54 s on a 2-core machine at load average 42, and once more than 90 s
            Duration wait = WAIT.multipliedBy(Math.max(1, count / 10_000));
            await().atMost(wait).until(() -> successes.size() == count);
            await().atMost(WAIT).until(() -> total(members).accepted() == count);
        } finally {
            members.forEach(m -> m.close(Duration.ofSeconds(20)));
        }
        ShareStats total = total(members);
        System.out.printf(
                "[share-3-members] %d records in %d ms from start (group join included): %s%n",
                count, (System.nanoTime() - started) / 1_000_000, total);
        assertThat(successes.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(failedOnce).hasSize(count / 10);
        assertThat(total.released()).isEqualTo(count / 10);
        assertThat(total.redelivered()).isGreaterThanOrEqualTo(count / 10);
        assertThat(total.accepted()).isEqualTo(count);
        assertThat(total.rejected()).isZero();
    }

    @Test
    void aRecordThatAlwaysFailsReachesTheDeadLetterTopicAfterTheConfiguredAttempts() throws Exception {
        String topic = kafka.uniqueTopicName("share-poison");
        kafka.createTopic(topic, 1);
        kafka.createTopic(topic + ".DLT", 1);
        kafka.produceValues(topic, List.of("ok-1", "poison", "ok-2"));
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        ShareConsumerSettings s = settings("share-" + topic)
                .maxDeliveryAttempts(3)
                .onExhausted(ShareExhaustedAction.DEAD_LETTER)
                .build();
        SdkShareConsumer<String, String> consumer =
                SdkShareConsumer.create(s, Serdes.string(), Serdes.string(), List.of(topic), record -> {
                    calls.computeIfAbsent(record.value(), v -> new AtomicInteger())
                            .incrementAndGet();
                    if (record.value().equals("poison")) {
                        throw new IllegalArgumentException("cannot process poison");
                    }
                });
        try {
            consumer.start();
            await().atMost(WAIT)
                    .until(() -> consumer.stats().deadLettered() == 1
                            && consumer.stats().accepted() == 2);
            ClientHealth running = consumer.health();
            assertThat(running.status()).isEqualTo(ClientHealth.Status.READY);
            assertThat(running.lastContact()).isPresent();
        } finally {
            consumer.close(Duration.ofSeconds(20));
        }
        assertThat(consumer.health().status()).isEqualTo(ClientHealth.Status.STOPPED);
        assertThat(calls.get("poison")).hasValue(3);
        assertThat(consumer.stats().released()).isEqualTo(2);
        List<ConsumerRecord<String, String>> letters = kafka.consume(topic + ".DLT", 1, WAIT);
        ConsumerRecord<String, String> letter = letters.get(0);
        assertThat(letter.value()).isEqualTo("poison");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(topic);
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("1");
        assertThat(header(letter, DeadLetterHeaders.EXCEPTION_CLASS))
                .isEqualTo(IllegalArgumentException.class.getName());
        assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("HANDLER");
    }

    @Test
    void recordsHeldByAMemberThatStopsAcknowledgingAreRedeliveredWhenTheLockExpires() throws Exception {
        String topic = kafka.uniqueTopicName("share-stuck");
        String group = "share-" + topic;
        kafka.createTopic(topic, 1);
        kafka.produceValues(
                topic, IntStream.range(0, 200).mapToObj(i -> "s" + i).toList());
        Set<String> handled = ConcurrentHashMap.newKeySet();
        // the stuck member: acquires a batch and never acknowledges it, as a hung or killed process
        Map<String, Object> props = new HashMap<>(kafka.consumerProperties());
        props.keySet()
                .removeIf(k -> !Set.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG).contains(k));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit");
        ShareConsumerSettings s =
                settings(group).recordLockDuration(Duration.ofSeconds(2)).build();
        SdkShareConsumer<String, String> healthy = SdkShareConsumer.create(
                s, Serdes.string(), Serdes.string(), List.of(topic), r -> handled.add(r.value()));
        int held;
        try (KafkaShareConsumer<String, String> stuck = new KafkaShareConsumer<>(props)) {
            setGroupConfigs(
                    group, Map.of("share.auto.offset.reset", "earliest", "share.record.lock.duration.ms", "2000"));
            stuck.subscribe(List.of(topic));
            int[] got = {0};
            await().atMost(WAIT)
                    .until(() -> (got[0] = stuck.poll(Duration.ofMillis(200)).count()) > 0);
            held = got[0];
            try {
                healthy.start();
                await().atMost(WAIT).until(() -> handled.size() == 200);
            } finally {
                healthy.close(Duration.ofSeconds(20));
            }
        }
        assertThat(held).isPositive();
        assertThat(handled).hasSize(200);
        assertThat(healthy.stats().redelivered())
                .as("records taken over after the lock expired")
                .isGreaterThanOrEqualTo(held);
    }

    private void setGroupConfigs(String group, Map<String, String> configs) throws Exception {
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
            List<AlterConfigOp> ops = configs.entrySet().stream()
                    .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                    .toList();
            admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get();
        }
    }

    private static ShareStats total(List<SdkShareConsumer<String, String>> members) {
        long[] t = new long[6];
        for (SdkShareConsumer<String, String> m : members) {
            ShareStats s = m.stats();
            t[0] += s.delivered();
            t[1] += s.accepted();
            t[2] += s.released();
            t[3] += s.rejected();
            t[4] += s.deadLettered();
            t[5] += s.redelivered();
        }
        return new ShareStats(t[0], t[1], t[2], t[3], t[4], t[5]);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
