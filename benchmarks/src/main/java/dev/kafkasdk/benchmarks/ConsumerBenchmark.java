package dev.kafkasdk.benchmarks;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.consumer.SdkConsumerBuilder;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.serde.Serdes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Consumer throughput, SDK against raw kafka-clients and Kafka's own {@code ConsumerPerformance},
 * over the same records in one run. The topic is filled once; every run reads it from the start
 * with a fresh consumer group. The raw loop is the classic commit-after-work loop: {@code poll},
 * count, {@code commitSync()} per poll. The SDK runs its sync-after-each-batch workflow with a batch
 * handler that counts. Each run is timed from the first record delivered to the last one processed,
 * so group-join time is not part of either; the tool's figure is its {@code fetch.time.ms}, which
 * also leaves out the join.
 *
 * <p>The commit-per-record scenarios (a raw loop that calls {@code commitSync} with the record's
 * offset after each record, and the SDK's sync-after-record mode with a record handler) pay one
 * broker round trip per record, so they read only {@link #perRecordCount(long) a hundredth} of the
 * records (at most 10,000).
 */
public final class ConsumerBenchmark {

    static final String RAW_SYNC_PER_POLL = "raw KafkaConsumer, commitSync per poll";
    static final String SDK_SYNC_PER_BATCH = "SdkConsumer, sync after each batch";
    static final String PERF_CONSUMER = "Kafka ConsumerPerformance, auto commit";
    static final String RAW_SYNC_PER_RECORD = "raw KafkaConsumer, commitSync per record";
    static final String SDK_SYNC_PER_RECORD = "SdkConsumer, sync after each record";

    private final String bootstrapServers;
    private final String topic;
    private final BenchmarkConfig config;
    /** Records the last {@code ConsumerPerformance} run read (it may read past the count asked for). */
    private long perfRecords;

    /**
     * Prepares the scenarios.
     *
     * @param bootstrapServers the broker to read from
     * @param topic an existing, empty topic that the benchmark fills
     */
    public ConsumerBenchmark(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.config = new BenchmarkConfig(bootstrapServers);
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
        ResultTable table = new ResultTable(
                String.format("Consumer: %,d records of 100 B per run, BALANCED fetch preset, one broker", records));
        table.compare(SDK_SYNC_PER_BATCH, RAW_SYNC_PER_POLL, 0.9);
        table.compare(SDK_SYNC_PER_BATCH, SpringKafkaConsumerScenario.NAME, 1.0);
        table.compare(SDK_SYNC_PER_RECORD, RAW_SYNC_PER_RECORD, 0.9);
        List<String> scenarios = List.of(
                PERF_CONSUMER,
                RAW_SYNC_PER_POLL,
                SDK_SYNC_PER_BATCH,
                RAW_SYNC_PER_RECORD,
                SDK_SYNC_PER_RECORD,
                SpringKafkaConsumerScenario.NAME);
        for (String scenario : scenarios) {
            runOnce(scenario, count(scenario, records));
        }
        for (int round = 1; round <= rounds; round++) {
            for (String scenario : scenarios) {
                long count = count(scenario, records);
                MemoryProbe.collectBeforeTimedRun();
                long cpuBefore = ClientCpu.nanos();
                perfRecords = 0;
                long nanos = runOnce(scenario, count);
                long read = perfRecords > 0 ? perfRecords : count;
                Measurement m = new Measurement(scenario, round, read, nanos, ClientCpu.nanos() - cpuBefore);
                System.out.printf(
                        "[consumer] round %d %-48s %,12.0f records/s %6.2f µs CPU/record%n",
                        round, scenario, m.recordsPerSecond(), m.cpuMicrosPerRecord());
                table.add(m);
            }
        }
        return table;
    }

    /**
     * How many records the commit-per-record scenarios read.
     *
     * @param records records in the topic
     * @return a hundredth of them, at least 1 and at most 10,000
     */
    static long perRecordCount(long records) {
        return Math.max(1, Math.min(records / 100, 10_000));
    }

    private static long count(String scenario, long records) {
        return scenario.equals(RAW_SYNC_PER_RECORD) || scenario.equals(SDK_SYNC_PER_RECORD)
                ? perRecordCount(records)
                : records;
    }

    private long runOnce(String scenario, long records) throws InterruptedException {
        ConsumerSettings settings = config.freshReader("bench");
        return switch (scenario) {
            case RAW_SYNC_PER_POLL -> raw(settings, records);
            case SDK_SYNC_PER_BATCH -> sdk(settings, records, false);
            case SpringKafkaConsumerScenario.NAME ->
                SpringKafkaConsumerScenario.run(settings.toProperties(), topic, records);
            case PERF_CONSUMER -> perf(settings.groupId().orElseThrow(), records);
            case RAW_SYNC_PER_RECORD -> rawPerRecord(settings, records);
            case SDK_SYNC_PER_RECORD -> sdk(settings, records, true);
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

    private long perf(String group, long records) {
        KafkaPerfTools.ConsumerResult result = KafkaPerfTools.consumer(bootstrapServers, topic, group, records);
        perfRecords = result.records();
        return TimeUnit.MILLISECONDS.toNanos(Math.max(1, result.fetchMillis()));
    }

    private long rawPerRecord(ConsumerSettings settings, long records) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                settings.toProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long first = 0;
            long last = 0;
            long seen = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (seen < records) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (first == 0) {
                        first = System.nanoTime();
                    }
                    if (++seen == records) {
                        last = System.nanoTime();
                        break;
                    }
                    consumer.commitSync(Map.of(
                            new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("raw consumer read only " + seen + " of " + records);
                }
            }
            return last - first;
        }
    }

    /**
     * Reads the records with the SDK consumer, committing after each batch or after each record,
     * with a handler that counts.
     */
    private long sdk(ConsumerSettings settings, long records, boolean perRecord) throws InterruptedException {
        AtomicLong first = new AtomicLong();
        AtomicLong seen = new AtomicLong();
        AtomicLong last = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        LongConsumer handled = count -> {
            first.compareAndSet(0, System.nanoTime());
            if (seen.addAndGet(count) >= records && last.compareAndSet(0, System.nanoTime())) {
                done.countDown();
            }
        };
        SdkConsumerBuilder<byte[], byte[]> builder = SdkConsumer.builder(
                        settings, Serdes.byteArray(), Serdes.byteArray())
                .subscribe(topic);
        if (perRecord) {
            builder.commitMode(CommitMode.syncPerRecord()).recordHandler(record -> handled.accept(1));
        } else {
            builder.commitMode(CommitMode.syncPerBatch()).batchHandler(batch -> handled.accept(batch.count()));
        }
        try (SdkConsumer<byte[], byte[]> consumer = builder.build()) {
            consumer.start();
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("SDK consumer read only " + seen.get() + " of " + records);
            }
        }
        return last.get() - first.get();
    }

    private void fill(long records) {
        // random letters, as the producer benchmark sends: a repeated byte compresses to almost nothing
        byte[][] values = ProducerBenchmark.randomPayloads(100);
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG,
                "20",
                ProducerConfig.BATCH_SIZE_CONFIG,
                "262144",
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, values[(int) (i % values.length)]));
            }
            producer.flush();
        }
    }
}
