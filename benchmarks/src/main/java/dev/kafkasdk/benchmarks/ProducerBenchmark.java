package dev.kafkasdk.benchmarks;

import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.OutgoingRecord;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.test.KafkaCluster;
import java.util.ArrayList;
import java.util.Collections;
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
 * Producer throughput and latency, SDK against raw kafka-clients and Kafka's own
 * {@code ProducerPerformance}, on the same broker in one run: records of random letters, no keys,
 * async sends, each run timed from the first send to the last acknowledgement (the tool times
 * itself the same way). Every run writes to a fresh topic that is deleted afterwards. Scenarios
 * alternate within each round so that drift in the machine's speed hits all of them.
 *
 * <p>Latency is send-to-acknowledgement, sampled every {@link LatencyRecorder#DEFAULT_SAMPLING}th
 * record by {@link #latency} in the raw and SDK scenarios alike; a scenario records it with
 * {@code long t = latency.start()} before the send and {@code latency.record(t)} in its callback.
 */
public final class ProducerBenchmark {

    static final String PERF_DEFAULTS = "Kafka ProducerPerformance, client defaults";
    static final String PERF_TUNED = "Kafka ProducerPerformance, tuned (linger 20 ms, 256 KiB lz4)";
    static final String RAW_DEFAULTS = "raw KafkaProducer, client defaults";
    static final String RAW_LOW_LATENCY = "raw KafkaProducer, LOW_LATENCY properties";
    static final String SDK_LOW_LATENCY = "SdkProducer, LOW_LATENCY";
    static final String RAW_BALANCED = "raw KafkaProducer, BALANCED properties";
    static final String SDK_BALANCED = "SdkProducer, BALANCED";
    static final String RAW_HIGH_THROUGHPUT = "raw KafkaProducer, HIGH_THROUGHPUT properties";
    static final String SDK_HIGH_THROUGHPUT = "SdkProducer, HIGH_THROUGHPUT";
    static final String RAW_DURABLE = "raw KafkaProducer, DURABLE properties";
    static final String SDK_DURABLE = "SdkProducer, DURABLE";
    static final String RAW_FIRE_AND_FORGET = "raw KafkaProducer, FIRE_AND_FORGET properties";
    static final String SDK_FIRE_AND_FORGET = "SdkProducer, FIRE_AND_FORGET";

    /** The tuned properties of Kafka's documented producer benchmark (see real-broker.md). */
    private static final Map<String, String> PERF_TUNED_PROPERTIES = Map.of(
            ProducerConfig.LINGER_MS_CONFIG,
            "20",
            ProducerConfig.BATCH_SIZE_CONFIG,
            "262144",
            ProducerConfig.COMPRESSION_TYPE_CONFIG,
            "lz4",
            ProducerConfig.BUFFER_MEMORY_CONFIG,
            "67108864");

    private final KafkaCluster cluster;
    private final String bootstrapServers;
    private final String topicPrefix;
    private final int recordBytes;
    private final byte[][] payloads;
    private final BenchmarkConfig config;
    /** The topic of the run in progress; a fresh one per run. */
    private String topic;
    /** The latency of the run in progress; a fresh one per run. */
    private LatencyRecorder latency = new LatencyRecorder();

    /**
     * Prepares the scenarios for 100-byte records.
     *
     * @param cluster the cluster to send to
     * @param topic the prefix of the topics the benchmark creates and deletes
     */
    public ProducerBenchmark(KafkaCluster cluster, String topic) {
        this(cluster, topic, 100);
    }

    /**
     * Prepares the scenarios.
     *
     * @param cluster the cluster to send to
     * @param topic the prefix of the topics the benchmark creates and deletes
     * @param recordBytes the size of each record's value
     */
    public ProducerBenchmark(KafkaCluster cluster, String topic, int recordBytes) {
        this.cluster = cluster;
        this.bootstrapServers = cluster.bootstrapServers();
        this.topicPrefix = topic;
        this.recordBytes = recordBytes;
        this.payloads = randomPayloads(recordBytes);
        this.config = new BenchmarkConfig(bootstrapServers);
    }

    /**
     * Runs every scenario {@code rounds} times after one untimed warm-up run of the same size each: the JIT
     * still compiles the client in bursts as late as the fourth run of 1M records, so a fifth-size warm-up
     * left more of that in the timed rounds.
     *
     * @param records records per run
     * @param rounds timed rounds
     * @return the table with the targets declared
     */
    public ResultTable run(long records, int rounds) throws InterruptedException {
        ResultTable table = new ResultTable(String.format(
                "Producer: %,d records of %,d B per run, acks per preset, one broker", records, recordBytes));
        table.compare(SDK_LOW_LATENCY, RAW_LOW_LATENCY, 0.97);
        table.compare(SDK_BALANCED, RAW_BALANCED, 0.97);
        table.compare(SDK_HIGH_THROUGHPUT, RAW_DEFAULTS, 1.5);
        table.compare(SDK_BALANCED, SpringKafkaProducerScenario.NAME, 1.0);
        table.compare(SDK_DURABLE, RAW_DURABLE, 0.97);
        table.compare(SDK_FIRE_AND_FORGET, RAW_FIRE_AND_FORGET, 0.97);
        List<String> scenarios = List.of(
                PERF_DEFAULTS,
                PERF_TUNED,
                RAW_DEFAULTS,
                RAW_LOW_LATENCY,
                SDK_LOW_LATENCY,
                RAW_BALANCED,
                SDK_BALANCED,
                RAW_HIGH_THROUGHPUT,
                SDK_HIGH_THROUGHPUT,
                RAW_DURABLE,
                SDK_DURABLE,
                RAW_FIRE_AND_FORGET,
                SDK_FIRE_AND_FORGET,
                SpringKafkaProducerScenario.NAME);
        try (ScratchTopics topics = new ScratchTopics(cluster, topicPrefix)) {
            for (String scenario : scenarios) {
                measure(topics, scenario, 0, records);
            }
            topics.deleteCreated();
            for (int round = 1; round <= rounds; round++) {
                // every other round runs the scenarios in reverse, so that no scenario always runs
                // right after the same one (a slow broker flush, a GC, a JIT burst)
                List<String> order = round % 2 == 1 ? scenarios : reversed(scenarios);
                for (String scenario : order) {
                    Measurement m = measure(topics, scenario, round, records);
                    System.out.printf(
                            "[producer %d B] round %d %-60s %,12.0f records/s p99 %7.1f ms %6.2f µs CPU/record%n",
                            recordBytes, round, scenario, m.recordsPerSecond(), m.p99Millis(), m.cpuMicrosPerRecord());
                    table.add(m);
                }
                topics.deleteCreated();
            }
        }
        return table;
    }

    private static List<String> reversed(List<String> scenarios) {
        List<String> copy = new ArrayList<>(scenarios);
        Collections.reverse(copy);
        return copy;
    }

    private Measurement measure(ScratchTopics topics, String scenario, int round, long records)
            throws InterruptedException {
        topic = topics.create();
        latency = new LatencyRecorder();
        return Measurement.timedSends(scenario, round, records, latency, () -> runOnce(scenario, records));
    }

    private long runOnce(String scenario, long records) throws InterruptedException {
        return switch (scenario) {
            case PERF_DEFAULTS -> perf(Map.of(), records);
            case PERF_TUNED -> perf(PERF_TUNED_PROPERTIES, records);
            case RAW_DEFAULTS -> raw(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), records);
            case RAW_LOW_LATENCY -> raw(settings("low-latency").toProperties(), records);
            case SDK_LOW_LATENCY -> sdk(settings("low-latency"), records);
            case RAW_BALANCED -> raw(settings("balanced").toProperties(), records);
            case SDK_BALANCED -> sdk(settings("balanced"), records);
            case RAW_HIGH_THROUGHPUT -> raw(settings("throughput").toProperties(), records);
            case SDK_HIGH_THROUGHPUT -> sdk(settings("throughput"), records);
            case RAW_DURABLE -> raw(settings("durable").toProperties(), records);
            case SDK_DURABLE -> sdk(settings("durable"), records);
            case RAW_FIRE_AND_FORGET -> raw(settings("fire-and-forget").toProperties(), records);
            case SDK_FIRE_AND_FORGET -> sdk(settings("fire-and-forget"), records);
            case SpringKafkaProducerScenario.NAME ->
                SpringKafkaProducerScenario.run(settings("balanced").toProperties(), topic, payloads, records, latency);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
    }

    private ProducerSettings settings(String name) {
        return config.producer(name);
    }

    private long perf(Map<String, String> properties, long records) {
        KafkaPerfTools.ProducerResult result =
                KafkaPerfTools.producer(bootstrapServers, topic, records, recordBytes, properties);
        latency.reported(result.p50Millis(), result.p99Millis());
        return (long) (result.records() / result.recordsPerSecond() * 1e9);
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
                long sent = latency.start();
                producer.send(new ProducerRecord<>(topic, payload(i)), (metadata, error) -> {
                    latency.record(sent);
                    acks.record(error);
                });
            }
            awaitAcks(done, acks);
            return System.nanoTime() - start;
        }
    }

    private long sdk(ProducerSettings settings, long records) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Acks acks = new Acks(records, done);
        long start;
        try (SdkProducer<byte[], byte[]> producer =
                SdkProducer.create(settings, Serdes.byteArray(), Serdes.byteArray())) {
            start = System.nanoTime();
            for (long i = 0; i < records; i++) {
                long sent = latency.start();
                producer.send(OutgoingRecord.<byte[], byte[]>of(topic, payload(i)), (result, error) -> {
                    latency.record(sent);
                    acks.record(error);
                });
            }
            awaitAcks(done, acks);
            return System.nanoTime() - start;
        }
    }

    private byte[] payload(long i) {
        return payloads[(int) (i % payloads.length)];
    }

    /** Waits for every acknowledgement; fails if they take over 10 minutes or any send failed. */
    static void awaitAcks(CountDownLatch done, Acks acks) throws InterruptedException {
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("timed out waiting for acknowledgements: " + acks);
        }
        if (acks.failed.get() > 0) {
            throw new IllegalStateException("sends failed during the benchmark: " + acks);
        }
    }

    /**
     * 1,024 values of random lower-case letters, the same for every scenario (Kafka's tool makes its
     * own upper-case random letters, fresh for every record).
     *
     * @param recordBytes the size of each value
     * @return the values
     */
    static byte[][] randomPayloads(int recordBytes) {
        Random random = new Random(42);
        byte[][] values = new byte[1024][recordBytes];
        for (byte[] value : values) {
            for (int i = 0; i < value.length; i++) {
                value[i] = (byte) ('a' + random.nextInt(26));
            }
        }
        return values;
    }

    /** Counts acknowledgements and releases the latch when all have arrived. */
    static final class Acks {
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
