package dev.kafkasdk.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.ConsumerState;
import dev.kafkasdk.consumer.FailureAction;
import dev.kafkasdk.consumer.FailurePolicy;
import dev.kafkasdk.consumer.RecordHandler;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Concurrent processing against a real broker: order, loss, duplicates, metadata, liveness and retries. */
@KafkaBroker(
        brokerProperties = {
            ItSupport.GROUP_TIMEOUTS_1,
            ItSupport.GROUP_TIMEOUTS_2,
            ItSupport.GROUP_TIMEOUTS_3,
            ItSupport.GROUP_TIMEOUTS_4
        })
class ConcurrentConsumerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void keyModeKeepsPerKeyOrderAndLosesNothingInSteadyState(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("conc-key");
        kafka.createTopic(topic, 6);
        Set<String> expected = produceKeyed(kafka, topic, "v", 3000, 200);
        HandledLog log = new HandledLog();
        Set<Boolean> virtualHandlerThreads = ConcurrentHashMap.newKeySet();

        try (SdkConsumer<String, String> consumer = consumer(
                kafka,
                topic,
                topic + "-g",
                GroupProtocol.CLASSIC,
                Ordering.KEY,
                32,
                r -> log.handle("a", r, () -> {
                    virtualHandlerThreads.add(isVirtual(Thread.currentThread()));
                    parkMicros(r.offset() % 3 * 500);
                }),
                null)) {
            consumer.start();
            await().atMost(WAIT).until(() -> log.values().size() >= expected.size());
        }

        HandledLog.Result result = log.check(expected);
        assertThat(result.lost()).as("lost").isZero();
        assertThat(result.orderViolations()).as("per-key order").isEmpty();
        assertThat(result.duplicates()).as("duplicates without any rebalance").isZero();
        assertThat(virtualHandlerThreads)
                .as(
                        "the default executor runs handlers on virtual threads exactly on Java 21+ (this JVM: %s)",
                        Runtime.version())
                .containsExactly(Runtime.version().feature() >= 21);
    }

    /** {@code Thread.isVirtual()} on Java 21+, {@code false} before (the tests compile for Java 17). */
    static boolean isVirtual(Thread thread) {
        try {
            return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (NoSuchMethodException e) {
            return false;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(GroupProtocol.class)
    void keyModeStaysCorrectWhileASecondMemberJoinsAndLeaves(GroupProtocol protocol, KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("conc-churn");
        String group = topic + "-g";
        kafka.createTopic(topic, 6);
        HandledLog log = new HandledLog();
        Set<String> expected = new HashSet<>();
        try (SdkConsumer<String, String> a = consumer(
                kafka,
                topic,
                group,
                protocol,
                Ordering.KEY,
                16,
                r -> log.handle("a", r, () -> parkMicros(300)),
                null)) {
            a.start();
            for (int round = 0; round < 2; round++) {
                expected.addAll(produceKeyed(kafka, topic, "r" + round + "-", 600, 100));
                String member = "b" + round;
                try (SdkConsumer<String, String> b = consumer(
                        kafka,
                        topic,
                        group,
                        protocol,
                        Ordering.KEY,
                        16,
                        r -> log.handle(member, r, () -> parkMicros(300)),
                        null)) {
                    b.start();
                    expected.addAll(produceKeyed(kafka, topic, "j" + round + "-", 600, 100));
                    await().atMost(WAIT).until(() -> log.values().containsAll(expected));
                }
            }
            expected.addAll(produceKeyed(kafka, topic, "end-", 300, 100));
            await().atMost(WAIT).until(() -> log.values().containsAll(expected));
            assertThat(a.state()).isIn(ConsumerState.RUNNING, ConsumerState.REBALANCING);
        }

        HandledLog.Result result = log.check(expected);
        assertThat(result.lost()).as("lost").isZero();
        assertThat(result.orderViolations())
                .as("per-key order within one member's ownership")
                .isEmpty();
        assertThat(result.duplicates())
                .as("duplicates are bounded by the records in flight at each revoke (16)")
                .isLessThanOrEqualTo(4 * 16);
    }

    @Test
    void aRestartedConsumerHandlesOnlyTheRecordsInFlightNotTheThousandCompletedBeyondTheWatermark(KafkaCluster kafka)
            throws Exception {
        String topic = kafka.uniqueTopicName("conc-meta");
        String group = topic + "-g";
        kafka.createTopic(topic, 1);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        records.add(new ProducerRecord<>(topic, 0, "slow", "slow"));
        for (int i = 0; i < 1000; i++) {
            records.add(new ProducerRecord<>(topic, 0, "k" + i, "v" + i));
        }
        kafka.produce(records);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger firstRun = new AtomicInteger();
        AtomicBooleanFlag crashed = new AtomicBooleanFlag();
        SdkConsumer<String, String> first = consumer(
                kafka,
                topic,
                group,
                GroupProtocol.CLASSIC,
                Ordering.KEY,
                64,
                r -> {
                    if (r.key().equals("slow")) {
                        release.await();
                    }
                    firstRun.incrementAndGet();
                },
                crashed);
        first.start();
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            // watermark 0 (the slow record), then one run of 1,000 completed offsets: "ks1R" + base64url(varint 1000)
            await().atMost(WAIT)
                    .until(() -> firstRun.get() == 1000
                            && committedMetadata(admin, group, topic).equals("ks1R6Ac"));
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(new TopicPartition(topic, 0));
            assertThat(committed.offset())
                    .as("the watermark stays at the slow record")
                    .isZero();
        }
        crashed.set();
        first.close(Duration.ofMillis(200));
        release.countDown();

        Set<String> again = ConcurrentHashMap.newKeySet();
        try (SdkConsumer<String, String> second = consumer(
                kafka, topic, group, GroupProtocol.CLASSIC, Ordering.KEY, 64, r -> again.add(r.value()), null)) {
            second.start();
            await().atMost(WAIT).until(() -> again.contains("slow"));
            kafka.produce(topic, "after", "after");
            await().atMost(WAIT).until(() -> again.contains("after"));
        }
        assertThat(again)
                .as("only the record that was in flight is handled again")
                .containsExactlyInAnyOrder("slow", "after");
    }

    @Test
    void aHandlerTenTimesSlowerThanThePollBudgetDoesNotGetTheMemberRemoved(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("conc-slow");
        kafka.createTopic(topic, 4);
        kafka.produce(java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> new ProducerRecord<String, String>(topic, i % 4, "k" + i, "v" + i))
                .toList());
        Set<String> seen = ConcurrentHashMap.newKeySet();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // max.poll.interval 2 s / max.poll.records 10 = 200 ms per record; the handler takes 2 s
        ConsumerSettings settings = ItSupport.settings(kafka.bootstrapServers(), topic + "-g", GroupProtocol.CLASSIC)
                .maxPollInterval(Duration.ofSeconds(2))
                .ordering(Ordering.PARTITION)
                .concurrency(4)
                .maxInFlightPerPartition(2)
                .build();
        try (SdkConsumer<String, String> consumer = SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                .subscribe(topic)
                .metrics(registry, Tags.empty())
                .recordHandler(r -> {
                    parkMicros(2_000_000);
                    seen.add(r.value());
                })
                .build()) {
            consumer.start();
            await().atMost(WAIT).until(() -> seen.size() >= 12);
            assertThat(consumer.state()).isEqualTo(ConsumerState.RUNNING);
            assertThat(registry.get("kafka.sdk.consumer.rebalances")
                            .tag("kind", "revoked")
                            .counter()
                            .count())
                    .as("no rebalance took the partitions away")
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
                    .isOne();
            assertThat(registry.get("kafka.sdk.consumer.concurrent.pauses")
                            .counter()
                            .count())
                    .as("full partitions were paused while the poll thread kept polling")
                    .isPositive();
            assertThat(registry.get("kafka.sdk.consumer.concurrent.partition.queued")
                            .gauges())
                    .as("one queue-depth gauge per partition")
                    .hasSize(4);
            assertThat(registry.get("kafka.sdk.consumer.concurrent.in.flight")
                            .gauge()
                            .value())
                    .isBetween(0.0, 4.0);
        }
    }

    @Test
    void aRetryingKeyDoesNotDelayTheOtherKeys(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("conc-retry");
        kafka.createTopic(topic, 1);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        records.add(new ProducerRecord<>(topic, 0, "bad", "bad-0"));
        for (int i = 0; i < 200; i++) {
            records.add(new ProducerRecord<>(topic, 0, "k" + (i % 20), "v" + i));
        }
        records.add(new ProducerRecord<>(topic, 0, "bad", "bad-1"));
        kafka.produce(records);
        AtomicInteger badAttempts = new AtomicInteger();
        Map<String, Long> doneAt = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        ConsumerSettings settings = ItSupport.settings(kafka.bootstrapServers(), topic + "-g", GroupProtocol.CLASSIC)
                .ordering(Ordering.KEY)
                .concurrency(8)
                .build();
        try (SdkConsumer<String, String> consumer = SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                .subscribe(topic)
                .failurePolicy(FailurePolicy.builder()
                        .maxAttempts(4)
                        .backoff(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1))
                        .onExhausted(FailureAction.SKIP)
                        .build())
                .recordHandler(r -> {
                    if (r.value().equals("bad-0") && badAttempts.incrementAndGet() < 4) {
                        throw new IllegalStateException("transient failure " + badAttempts.get());
                    }
                    doneAt.put(r.value(), System.nanoTime() - start);
                })
                .build()) {
            consumer.start();
            await().atMost(WAIT).until(() -> doneAt.containsKey("bad-1"));
        }
        long badFirst = doneAt.get("bad-0");
        long slowestOther = doneAt.entrySet().stream()
                .filter(e -> e.getKey().startsWith("v"))
                .mapToLong(Map.Entry::getValue)
                .max()
                .orElseThrow();
        assertThat(doneAt).as("every other key was handled").hasSize(202);
        assertThat(badAttempts.get()).isEqualTo(4);
        assertThat(TimeUnit.NANOSECONDS.toMillis(badFirst))
                .as("three 1 s backoffs")
                .isGreaterThanOrEqualTo(3000);
        assertThat(slowestOther)
                .as("the other keys finished long before the retrying key")
                .isLessThan(badFirst - TimeUnit.SECONDS.toNanos(2));
        assertThat(doneAt.get("bad-1"))
                .as("the retrying key's next record waited for it")
                .isGreaterThan(badFirst);
    }

    @Test
    void twoInstancesFromOneSettingsShareThePartitions(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("conc-instances");
        kafka.createTopic(topic, 6);
        Set<String> expected = produceKeyed(kafka, topic, "v", 600, 60);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ConsumerSettings settings = ItSupport.settings(kafka.bootstrapServers(), topic + "-g", GroupProtocol.CONSUMER)
                .clientId(topic)
                .ordering(Ordering.KEY)
                .concurrency(4)
                .instances(2)
                .build();
        try (SdkConsumer<String, String> consumer = SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                .subscribe(topic)
                .metrics(registry, Tags.empty())
                .recordHandler(r -> seen.add(r.value()))
                .build()) {
            consumer.start();
            await().atMost(WAIT)
                    .until(() -> seen.containsAll(expected)
                            && List.of("1", "2").stream()
                                    .allMatch(i -> registry.get("kafka.sdk.consumer.rebalances")
                                                    .tag("instance", i)
                                                    .tag("kind", "assigned")
                                                    .counter()
                                                    .count()
                                            >= 1));
            expected.addAll(produceKeyed(kafka, topic, "w", 600, 60));
            await().atMost(WAIT).until(() -> seen.containsAll(expected));
            for (String instance : List.of("1", "2")) {
                assertThat(registry.get("kafka.sdk.consumer.records.processed")
                                .tag("instance", instance)
                                .tag("client.id", topic + "-" + instance)
                                .counter()
                                .count())
                        .as("instance %s", instance)
                        .isPositive();
            }
            assertThat(consumer.state()).isEqualTo(ConsumerState.RUNNING);
        }
    }

    // --- helpers ---

    /** A flag the crash-simulating client reads. */
    static final class AtomicBooleanFlag {
        private volatile boolean set;

        void set() {
            set = true;
        }

        boolean isSet() {
            return set;
        }
    }

    static SdkConsumer<String, String> consumer(
            KafkaCluster kafka,
            String topic,
            String group,
            GroupProtocol protocol,
            Ordering ordering,
            int concurrency,
            RecordHandler<String, String> handler,
            AtomicBooleanFlag crashed) {
        ConsumerSettings settings = ItSupport.settings(kafka.bootstrapServers(), group, protocol)
                .maxPollRecords(200)
                .ordering(ordering)
                .concurrency(concurrency)
                .build();
        var builder = SdkConsumer.builder(settings, Serdes.string(), Serdes.string())
                .subscribe(topic)
                .commitMode(CommitMode.async())
                .recordHandler(handler);
        if (crashed != null) {
            builder.clientFactory(props -> new KafkaConsumer<byte[], byte[]>(props) {
                @Override
                public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
                    if (crashed.isSet()) {
                        throw new CommitFailedException("simulated crash: no final commit");
                    }
                    super.commitSync(offsets);
                }
            });
        }
        return builder.build();
    }

    static Set<String> produceKeyed(KafkaCluster kafka, String topic, String prefix, int count, int keys) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        Set<String> values = new HashSet<>();
        for (int i = 0; i < count; i++) {
            records.add(new ProducerRecord<>(topic, "key" + (i % keys), prefix + i));
            values.add(prefix + i);
        }
        kafka.produce(records);
        return values;
    }

    static String committedMetadata(Admin admin, String group, String topic) throws Exception {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get()
                .get(new TopicPartition(topic, 0));
        return committed == null ? "" : committed.metadata();
    }

    static void parkMicros(long micros) {
        if (micros > 0) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(micros));
        }
    }
}
