package dev.kafkasdk.benchmarks;

import dev.kafkasdk.core.config.KafkaSdkConfig;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.producer.OutgoingRecord;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.producer.Serdes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Producer throughput, SDK against raw kafka-clients, on the same broker in one run: 100-byte
 * records, no keys, async sends, each run timed from the first send to the last acknowledgement.
 * Scenarios alternate within each round so that drift in the machine's speed hits all of them.
 */
public final class ProducerBenchmark {

    static final String RAW_DEFAULTS = "raw KafkaProducer, client defaults";
    static final String RAW_BALANCED = "raw KafkaProducer, BALANCED properties";
    static final String SDK_BALANCED = "SdkProducer, BALANCED";
    static final String RAW_HIGH_THROUGHPUT = "raw KafkaProducer, HIGH_THROUGHPUT properties";
    static final String SDK_HIGH_THROUGHPUT = "SdkProducer, HIGH_THROUGHPUT";

    private static final int RECORD_BYTES = 100;

    private final String bootstrapServers;
    private final String topic;
    private final byte[][] payloads;
    private final KafkaSdkConfig config;

    /**
     * Prepares the scenarios.
     *
     * @param bootstrapServers the broker to send to
     * @param topic an existing topic
     */
    public ProducerBenchmark(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.payloads = randomPayloads();
        this.config = KafkaSdkConfig.loader()
                .yaml("""
                        producers:
                          balanced: { preset: BALANCED }
                          throughput: { preset: HIGH_THROUGHPUT }
                        """)
                .environment(Map.of("KAFKA_SDK_CLUSTER_BOOTSTRAP_SERVERS", bootstrapServers))
                .load();
    }

    /**
     * Runs every scenario {@code rounds} times after one untimed warm-up each.
     *
     * @param records records per run
     * @param rounds timed rounds
     * @return the table with the targets declared
     */
    public ResultTable run(long records, int rounds) throws InterruptedException {
        ResultTable table = new ResultTable(String.format(
                "Producer: %,d records of %d B per run, acks per preset, one broker", records, RECORD_BYTES));
        table.compare(SDK_BALANCED, RAW_BALANCED, 0.97);
        table.compare(SDK_HIGH_THROUGHPUT, RAW_DEFAULTS, 1.5);
        table.compare(SDK_BALANCED, SpringKafkaProducerScenario.NAME, 1.0);
        List<String> scenarios = List.of(RAW_DEFAULTS, RAW_BALANCED, SDK_BALANCED, RAW_HIGH_THROUGHPUT,
                SDK_HIGH_THROUGHPUT, SpringKafkaProducerScenario.NAME);
        for (String scenario : scenarios) {
            runOnce(scenario, Math.max(1, records / 5));
        }
        for (int round = 1; round <= rounds; round++) {
            for (String scenario : scenarios) {
                long cpuBefore = ClientCpu.nanos();
                long nanos = runOnce(scenario, records);
                Measurement m = new Measurement(scenario, round, records, nanos, ClientCpu.nanos() - cpuBefore);
                System.out.printf("[producer] round %d %-48s %,12.0f records/s %6.2f µs CPU/record%n", round,
                        scenario, m.recordsPerSecond(), m.cpuMicrosPerRecord());
                table.add(m);
            }
        }
        return table;
    }

    private long runOnce(String scenario, long records) throws InterruptedException {
        return switch (scenario) {
            case RAW_DEFAULTS -> raw(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), records);
            case RAW_BALANCED -> raw(settings("balanced").toProperties(), records);
            case SDK_BALANCED -> sdk(settings("balanced"), records);
            case RAW_HIGH_THROUGHPUT -> raw(settings("throughput").toProperties(), records);
            case SDK_HIGH_THROUGHPUT -> sdk(settings("throughput"), records);
            case SpringKafkaProducerScenario.NAME ->
                    SpringKafkaProducerScenario.run(settings("balanced").toProperties(), topic, payloads, records);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
    }

    private ProducerSettings settings(String name) {
        return config.producer(name);
    }

    private long raw(Map<String, Object> properties, long records) throws InterruptedException {
        Map<String, Object> props = new HashMap<>(properties);
        CountDownLatch done = new CountDownLatch(1);
        Acks acks = new Acks(records, done);
        long start;
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            start = System.nanoTime();
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, payload(i)), (metadata, error) -> acks.record(error));
            }
            awaitAcks(done, acks);
            return System.nanoTime() - start;
        }
    }

    private long sdk(ProducerSettings settings, long records) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Acks acks = new Acks(records, done);
        long start;
        try (SdkProducer<byte[], byte[]> producer = SdkProducer.create(settings, Serdes.bytes(), Serdes.bytes())) {
            start = System.nanoTime();
            for (long i = 0; i < records; i++) {
                producer.send(OutgoingRecord.<byte[], byte[]>of(topic, payload(i)), (result, error) -> acks.record(error));
            }
            awaitAcks(done, acks);
            return System.nanoTime() - start;
        }
    }

    private byte[] payload(long i) {
        return payloads[(int) (i % payloads.length)];
    }

    private static void awaitAcks(CountDownLatch done, Acks acks) throws InterruptedException {
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("timed out waiting for acknowledgements: " + acks);
        }
        if (acks.failed.get() > 0) {
            throw new IllegalStateException("sends failed during the benchmark: " + acks);
        }
    }

    private static byte[][] randomPayloads() {
        Random random = new Random(42);
        byte[][] values = new byte[1024][RECORD_BYTES];
        for (byte[] value : values) {
            for (int i = 0; i < value.length; i++) {
                value[i] = (byte) ('a' + random.nextInt(26));
            }
        }
        return values;
    }

    /** Counts acknowledgements and releases the latch when all have arrived. */
    private static final class Acks {
        private final long expected;
        private final CountDownLatch done;
        private final AtomicLong completed = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();

        Acks(long expected, CountDownLatch done) {
            this.expected = expected;
            this.done = done;
        }

        void record(Exception error) {
            if (error != null) {
                failed.incrementAndGet();
            }
            if (completed.incrementAndGet() == expected) {
                done.countDown();
            }
        }

        @Override
        public String toString() {
            return completed.get() + " of " + expected + " completed, " + failed.get() + " failed";
        }
    }
}
