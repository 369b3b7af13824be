package dev.kafkasdk.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.core.FatalKafkaSdkException;
import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.config.ByteSize;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.Compression;
import dev.kafkasdk.core.config.ProducerPreset;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The producer against a real single-node broker. */
@KafkaBroker(partitions = 3)
class ProducerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int RECORDS = 10_000;

    record Order(String id, long cents, Instant placedAt) {}

    static ProducerSettings.Builder settings(KafkaCluster kafka, String name) {
        return ProducerSettings.builder().name(name).cluster(ClusterSettings.of(kafka.bootstrapServers()));
    }

    @ParameterizedTest
    @EnumSource(ProducerPreset.class)
    void everyPresetDeliversTenThousandRecords(ProducerPreset preset, KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("preset-" + preset);
        kafka.createTopic(topic, 3);
        List<CompletableFuture<SendResult>> sends = new ArrayList<>(RECORDS);
        try (SdkProducer<String, String> producer = SdkProducer.create(
                settings(kafka, "preset").preset(preset).build(), Serdes.string(), Serdes.string())) {
            for (int i = 0; i < RECORDS; i++) {
                sends.add(producer.send(topic, "key-" + i, "value-" + i));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("sends with preset " + preset + " failed", e);
        }

        List<ConsumerRecord<String, String>> records = kafka.consume(topic, RECORDS, WAIT);

        assertThat(records).hasSize(RECORDS);
        Map<String, String> byKey =
                records.stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
        for (int i = 0; i < RECORDS; i++) {
            assertThat(byKey).containsEntry("key-" + i, "value-" + i);
        }
        assertThat(sends).allSatisfy(f -> assertThat(f.join().topic()).isEqualTo(topic));
    }

    @Test
    void recordsWithTheSameKeyLandOnTheSamePartition(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("keyed");
        kafka.createTopic(topic, 3);
        Map<String, List<Integer>> partitions = new HashMap<>();
        try (SdkProducer<String, String> producer =
                SdkProducer.create(settings(kafka, "keyed").build(), Serdes.string(), Serdes.string())) {
            for (int round = 0; round < 5; round++) {
                for (String key : List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta")) {
                    SendResult result = producer.sendAndWait(OutgoingRecord.of(topic, key, "v" + round), WAIT);
                    partitions.computeIfAbsent(key, k -> new ArrayList<>()).add(result.partition());
                }
            }
            SendResult explicit = producer.sendAndWait(
                    OutgoingRecord.<String, String>builder(topic)
                            .key("alpha")
                            .value("pinned")
                            .partition(2)
                            .build(),
                    WAIT);
            assertThat(explicit.partition()).isEqualTo(2);
        }

        assertThat(partitions.values()).allSatisfy(list -> assertThat(list).containsOnly(list.get(0)));
        assertThat(partitions.values().stream().map(l -> l.get(0)).distinct().count())
                .isGreaterThan(1);
    }

    @Test
    void jsonValuesAndHeadersRoundTrip(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("json");
        kafka.createTopic(topic, 1);
        Order order = new Order("o-42", 1999, Instant.parse("2026-03-04T05:06:07Z"));
        Instant timestamp = Instant.parse("2026-03-04T05:06:08Z");
        try (SdkProducer<String, Order> producer =
                SdkProducer.create(settings(kafka, "json").build(), Serdes.string(), Serdes.json(Order.class))) {
            SendResult result = producer.sendAndWait(
                    OutgoingRecord.<String, Order>builder(topic)
                            .key(order.id())
                            .value(order)
                            .header("trace-id", "t-1")
                            .header("schema", new byte[] {1})
                            .timestamp(timestamp)
                            .build(),
                    WAIT);
            assertThat(result.timestamp()).isEqualTo(timestamp);
        }

        ConsumerRecord<String, String> record = kafka.consume(topic, 1, WAIT).get(0);
        Order back = Serdes.json(Order.class)
                .deserializer()
                .deserialize(topic, record.value().getBytes(StandardCharsets.UTF_8));

        assertThat(back).isEqualTo(order);
        assertThat(record.key()).isEqualTo("o-42");
        assertThat(record.timestamp()).isEqualTo(timestamp.toEpochMilli());
        assertThat(new String(record.headers().lastHeader("trace-id").value(), StandardCharsets.UTF_8))
                .isEqualTo("t-1");
        assertThat(record.headers().lastHeader("schema").value()).containsExactly(1);
    }

    @Test
    void oversizeRecordFailsBeforeItIsSentNamingMaxRequestSize(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("oversize");
        kafka.createTopic(topic, 1);
        try (SdkProducer<String, String> producer = SdkProducer.create(
                settings(kafka, "small")
                        .maxRequestSize(ByteSize.ofKibibytes(10))
                        .build(),
                Serdes.string(),
                Serdes.string())) {
            CompletableFuture<SendResult> big = producer.send(topic, "big", "x".repeat(20_000));
            KafkaSdkException failure = failureOf(big);

            assertThat(failure)
                    .hasCauseInstanceOf(RecordTooLargeException.class)
                    .hasMessageContaining("max.request.size (10240 bytes)")
                    .hasMessageContaining("message.max.bytes")
                    .hasMessageContaining("'big'");
            producer.sendAndWait(OutgoingRecord.of(topic, "small", "fits"), WAIT);
        }

        assertThat(kafka.consumeAll(topic, WAIT))
                .extracting(ConsumerRecord::key)
                .containsExactly("small");
    }

    @Test
    void recordTheBrokerRejectsFailsWithTheKafkaCause(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("broker-limit");
        kafka.createTopic(topic, 1, 1, Map.of("max.message.bytes", "2048"));
        byte[] noise = new byte[8_000];
        new Random(7).nextBytes(noise);
        try (SdkProducer<String, byte[]> producer = SdkProducer.create(
                settings(kafka, "raw").compression(Compression.NONE).build(), Serdes.string(), Serdes.byteArray())) {
            KafkaSdkException failure = failureOf(producer.send(topic, "too-big-for-topic", noise));

            assertThat(failure.isRetriable()).isFalse();
            assertThat(failure)
                    .hasCauseInstanceOf(RecordTooLargeException.class)
                    .hasMessageContaining("broker rejected the record as too large")
                    .hasMessageContaining("max.message.bytes");
            assertThat(failure.topic()).contains(topic);
            assertThat(failure.partition()).hasValue(0);
        }
    }

    @Test
    void invalidTopicFailsWithTheKafkaCause(KafkaCluster kafka) {
        try (SdkProducer<String, String> producer =
                SdkProducer.create(settings(kafka, "invalid").build(), Serdes.string(), Serdes.string())) {
            KafkaSdkException failure = failureOf(producer.send("no spaces allowed!", "k", "v"));

            assertThat(failure).hasCauseInstanceOf(InvalidTopicException.class);
            assertThat(failure.isRetriable()).isFalse();
        }
    }

    @Test
    void futuresAndCallbacksCompleteOffTheKafkaIoThread(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("threads");
        kafka.createTopic(topic, 1);
        ExecutorService callerExecutor = Executors.newSingleThreadExecutor(r -> new Thread(r, "caller-completions"));
        try (SdkProducer<String, String> producer =
                        SdkProducer.create(settings(kafka, "threads").build(), Serdes.string(), Serdes.string());
                SdkProducer<String, String> withExecutor = SdkProducer.builder(
                                settings(kafka, "threads-exec").build(), Serdes.string(), Serdes.string())
                        .completionExecutor(callerExecutor)
                        .build()) {
            AtomicReference<String> futureThread = new AtomicReference<>();
            AtomicReference<String> callbackThread = new AtomicReference<>();
            AtomicReference<String> callerThread = new AtomicReference<>();

            CompletableFuture<String> future = producer.send(topic, "a", "1")
                    .thenApply(r -> Thread.currentThread().getName());
            producer.send(
                    OutgoingRecord.of(topic, "b", "2"),
                    (r, e) -> callbackThread.set(Thread.currentThread().getName()));
            withExecutor
                    .send(topic, "c", "3")
                    .thenAccept(r -> callerThread.set(Thread.currentThread().getName()));
            futureThread.set(future.get(WAIT.toSeconds(), TimeUnit.SECONDS));

            await().atMost(WAIT).until(() -> callbackThread.get() != null && callerThread.get() != null);
            String sdkThread = futureThread.get();
            assertThat(sdkThread)
                    .matches("kafka-sdk-producer-.+-\\d+-completions")
                    .doesNotContain("network-thread");
            assertThat(callbackThread.get()).isEqualTo(sdkThread);
            assertThat(callerThread.get()).isEqualTo("caller-completions");
        } finally {
            assertThat(callerExecutor.isShutdown()).isFalse();
            callerExecutor.shutdownNow();
        }
    }

    @Test
    void closeDeliversBufferedRecordsAndLaterSendsFail(KafkaCluster kafka) {
        String topic = kafka.uniqueTopicName("close");
        kafka.createTopic(topic, 1);
        SdkProducer<String, String> producer = SdkProducer.create(
                settings(kafka, "close").linger(Duration.ofSeconds(30)).build(), Serdes.string(), Serdes.string());
        // the warm-up fetches the topic's metadata; flush() sends it without waiting out the linger
        CompletableFuture<SendResult> warmUp = producer.send(topic, "warm-up", "0");
        producer.flush();
        assertThat(warmUp).succeedsWithin(WAIT);
        List<CompletableFuture<SendResult>> lingering = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lingering.add(producer.send(topic, "k" + i, "v" + i));
        }
        assertThat(lingering).noneMatch(CompletableFuture::isDone);

        producer.close(WAIT);
        producer.close(WAIT);

        assertThat(lingering).allSatisfy(f -> assertThat(f).isCompleted());
        assertThat(kafka.consume(topic, 101, WAIT)).hasSize(101);
        assertThat(failureOf(producer.send(topic, "late", "x")))
                .isInstanceOf(FatalKafkaSdkException.class)
                .hasMessageContaining("producer is closed");
    }

    static KafkaSdkException failureOf(CompletableFuture<SendResult> future) {
        await().atMost(WAIT).until(future::isDone);
        assertThat(future).isCompletedExceptionally();
        return (KafkaSdkException) future.handle((r, e) -> e).join();
    }
}
