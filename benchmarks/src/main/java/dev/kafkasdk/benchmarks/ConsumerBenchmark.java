package dev.kafkasdk.benchmarks;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.Deserializers;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Consumer throughput, SDK against raw kafka-clients, over the same records in one run. The topic
 * is filled once; every run reads all of it with a fresh consumer group. The raw loop is the
 * classic commit-after-work loop: {@code poll}, count, {@code commitSync()} per poll. The SDK runs
 * its sync-after-each-batch workflow with a batch handler that counts. Each run is timed from the
 * first record delivered to the last one processed, so group-join time is not part of either.
 */
public final class ConsumerBenchmark {

    static final String RAW_SYNC_PER_POLL = "raw KafkaConsumer, commitSync per poll";
    static final String SDK_SYNC_PER_BATCH = "SdkConsumer, sync after each batch";

    private final String bootstrapServers;
    private final String topic;
    private final AtomicInteger groups = new AtomicInteger();
    private final KafkaSdkConfig config;

    /**
     * Prepares the scenarios.
     *
     * @param bootstrapServers the broker to read from
     * @param topic an existing, empty topic that the benchmark fills
     */
    public ConsumerBenchmark(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.config = KafkaSdkConfig.loader()
                .yaml("""
                        consumers:
                          reader: { preset: BALANCED, auto-offset-reset: earliest, enable-auto-commit: false }
                        """)
                .environment(Map.of("KAFKA_SDK_CLUSTER_BOOTSTRAP_SERVERS", bootstrapServers))
                .load();
    }

    /**
     * Fills the topic, then reads it in each scenario {@code rounds} times after one untimed warm-up.
     *
     * @param records records in the topic
     * @param rounds timed rounds
     * @return the table with the target declared
     */
    public ResultTable run(long records, int rounds) throws InterruptedException {
        fill(records);
        ResultTable table = new ResultTable(String.format(
                "Consumer: %,d records of 100 B per run, BALANCED fetch preset, one broker", records));
        table.compare(SDK_SYNC_PER_BATCH, RAW_SYNC_PER_POLL, 0.9);
        table.compare(SDK_SYNC_PER_BATCH, SpringKafkaConsumerScenario.NAME, 1.0);
        List<String> scenarios = List.of(RAW_SYNC_PER_POLL, SDK_SYNC_PER_BATCH, SpringKafkaConsumerScenario.NAME);
        for (String scenario : scenarios) {
            runOnce(scenario, records);
        }
        for (int round = 1; round <= rounds; round++) {
            for (String scenario : scenarios) {
                long cpuBefore = ClientCpu.nanos();
                long nanos = runOnce(scenario, records);
                Measurement m = new Measurement(scenario, round, records, nanos, ClientCpu.nanos() - cpuBefore);
                System.out.printf("[consumer] round %d %-48s %,12.0f records/s %6.2f µs CPU/record%n", round,
                        scenario, m.recordsPerSecond(), m.cpuMicrosPerRecord());
                table.add(m);
            }
        }
        return table;
    }

    private long runOnce(String scenario, long records) throws InterruptedException {
        ConsumerSettings settings = ConsumerSettings.from(config.consumer("reader"))
                .groupId("bench-" + groups.incrementAndGet() + "-" + System.nanoTime())
                .build();
        return switch (scenario) {
            case RAW_SYNC_PER_POLL -> raw(settings, records);
            case SDK_SYNC_PER_BATCH -> sdk(settings, records);
            case SpringKafkaConsumerScenario.NAME -> SpringKafkaConsumerScenario.run(settings.toProperties(), topic, records);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
    }

    private long raw(ConsumerSettings settings, long records) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                settings.toProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long first = 0;
            long last = 0;
            long seen = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (seen < records) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
                if (!batch.isEmpty() && first == 0) {
                    first = System.nanoTime();
                }
                seen += batch.count();
                // both loops stop the clock when the last record has been handled, before its commit
                last = System.nanoTime();
                consumer.commitSync();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("raw consumer read only " + seen + " of " + records);
                }
            }
            return last - first;
        }
    }

    private long sdk(ConsumerSettings settings, long records) throws InterruptedException {
        AtomicLong first = new AtomicLong();
        AtomicLong seen = new AtomicLong();
        AtomicLong last = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        try (SdkConsumer<byte[], byte[]> consumer = SdkConsumer
                .builder(settings, Deserializers.bytes(), Deserializers.bytes())
                .subscribe(topic)
                .commitMode(CommitMode.syncPerBatch())
                .batchHandler(batch -> {
                    first.compareAndSet(0, System.nanoTime());
                    if (seen.addAndGet(batch.count()) >= records) {
                        last.set(System.nanoTime());
                        done.countDown();
                    }
                })
                .build()) {
            consumer.start();
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("SDK consumer read only " + seen.get() + " of " + records);
            }
        }
        return last.get() - first.get();
    }

    private void fill(long records) {
        byte[] value = new byte[100];
        Arrays.fill(value, (byte) 'x');
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, "20", ProducerConfig.BATCH_SIZE_CONFIG, "262144",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, value));
            }
            producer.flush();
        }
    }
}
