package dev.kafkasdk.benchmarks;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.OutgoingRecord;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Memory cost of the SDK against raw kafka-clients, {@code BALANCED} presets, 100-byte records: bytes
 * allocated per record by all threads of this JVM from the first send (or poll) to the last
 * acknowledgement (or record), and the heap in use after a full collection at the end of the run
 * with the client still open (see {@link MemoryProbe}). Client creation is outside the allocation
 * window. The producers send to a fresh topic per run; the consumers read a topic filled once, with
 * a fresh group per run. Run with the broker in another JVM, or its allocations count too.
 */
public final class MemoryBenchmark {

    static final String RAW_PRODUCER = "raw KafkaProducer, BALANCED properties";
    static final String SDK_PRODUCER = "SdkProducer, BALANCED";
    static final String RAW_CONSUMER = "raw KafkaConsumer, commitSync per poll";
    static final String SDK_CONSUMER = "SdkConsumer, sync after each batch";

    private final KafkaCluster cluster;
    private final String topicPrefix;
    private final BenchmarkConfig config;
    private final byte[][] payloads = ProducerBenchmark.randomPayloads(100);
    /** The topic the producers of the run in progress send to. */
    private String topic;
    /** The topic the consumers read, filled once. */
    private String filled;

    /**
     * Prepares the scenarios.
     *
     * @param cluster the cluster
     * @param topic the prefix of the topics the benchmark creates and deletes
     */
    public MemoryBenchmark(KafkaCluster cluster, String topic) {
        this.cluster = cluster;
        this.topicPrefix = topic;
        this.config = new BenchmarkConfig(cluster.bootstrapServers());
    }

    /**
     * Runs every scenario {@code rounds} times after one untimed warm-up each.
     *
     * @param records records per run
     * @param rounds measured rounds
     * @return the table
     */
    public ResultTable run(long records, int rounds) throws InterruptedException {
        ResultTable table = new ResultTable(String.format(
                "Memory: %,d records of 100 B per run, BALANCED presets, allocation from first send or poll to last"
                        + " record, heap after GC with the client open",
                records));
        List<String> scenarios = List.of(RAW_PRODUCER, SDK_PRODUCER, RAW_CONSUMER, SDK_CONSUMER);
        try (ScratchTopics topics = new ScratchTopics(cluster, topicPrefix)) {
            filled = topics.create();
            fill(records);
            for (String scenario : scenarios) {
                measure(topics, scenario, 0, records);
            }
            for (int round = 1; round <= rounds; round++) {
                for (String scenario : scenarios) {
                    Measurement m = measure(topics, scenario, round, records);
                    System.out.printf(
                            "[memory] round %d %-48s %,8.0f B/record %,7.1f MiB heap after GC%n",
                            round, scenario, m.allocatedBytesPerRecord(), m.heapAfterGcBytes() / 1048576.0);
                    table.add(m);
                }
            }
            topics.delete(filled);
        }
        return table;
    }

    private Measurement measure(ScratchTopics topics, String scenario, int round, long records)
            throws InterruptedException {
        topic = topics.create();
        try {
            MemoryProbe.heapAfterGc();
            return runOnce(scenario, round, records);
        } finally {
            topics.delete(topic);
        }
    }

    private Measurement runOnce(String scenario, int round, long records) throws InterruptedException {
        return switch (scenario) {
            case RAW_PRODUCER -> rawProducer(scenario, round, records);
            case SDK_PRODUCER -> sdkProducer(scenario, round, records);
            case RAW_CONSUMER -> rawConsumer(scenario, round, records);
            case SDK_CONSUMER -> sdkConsumer(scenario, round, records);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
    }

    private Measurement rawProducer(String scenario, int round, long records) throws InterruptedException {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                config.producer("balanced").toProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
            CountDownLatch done = new CountDownLatch(1);
            ProducerBenchmark.Acks acks = new ProducerBenchmark.Acks(records, done);
            Window window = new Window();
            for (long i = 0; i < records; i++) {
                producer.send(
                        new ProducerRecord<>(topic, payloads[(int) (i % payloads.length)]),
                        (metadata, error) -> acks.record(error));
            }
            ProducerBenchmark.awaitAcks(done, acks);
            return window.measurement(scenario, round, records);
        }
    }

    private Measurement sdkProducer(String scenario, int round, long records) throws InterruptedException {
        ProducerSettings settings = config.producer("balanced");
        try (SdkProducer<byte[], byte[]> producer =
                SdkProducer.create(settings, Serdes.byteArray(), Serdes.byteArray())) {
            CountDownLatch done = new CountDownLatch(1);
            ProducerBenchmark.Acks acks = new ProducerBenchmark.Acks(records, done);
            Window window = new Window();
            for (long i = 0; i < records; i++) {
                producer.send(
                        OutgoingRecord.<byte[], byte[]>of(topic, payloads[(int) (i % payloads.length)]),
                        (result, error) -> acks.record(error));
            }
            ProducerBenchmark.awaitAcks(done, acks);
            return window.measurement(scenario, round, records);
        }
    }

    private Measurement rawConsumer(String scenario, int round, long records) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                consumerSettings().toProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(filled));
            Window window = new Window();
            long seen = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (seen < records) {
                seen += consumer.poll(Duration.ofMillis(100)).count();
                consumer.commitSync();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("raw consumer read only " + seen + " of " + records);
                }
            }
            return window.measurement(scenario, round, records);
        }
    }

    private Measurement sdkConsumer(String scenario, int round, long records) throws InterruptedException {
        AtomicLong seen = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        try (SdkConsumer<byte[], byte[]> consumer = SdkConsumer.builder(
                        consumerSettings(), Serdes.byteArray(), Serdes.byteArray())
                .subscribe(filled)
                .commitMode(CommitMode.syncPerBatch())
                .batchHandler(batch -> {
                    if (seen.addAndGet(batch.count()) >= records) {
                        done.countDown();
                    }
                })
                .build()) {
            Window window = new Window();
            consumer.start();
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("SDK consumer read only " + seen.get() + " of " + records);
            }
            return window.measurement(scenario, round, records);
        }
    }

    private ConsumerSettings consumerSettings() {
        return config.freshReader("bench-memory");
    }

    private void fill(long records) throws InterruptedException {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                config.producer("balanced").toProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
            CountDownLatch done = new CountDownLatch(1);
            ProducerBenchmark.Acks acks = new ProducerBenchmark.Acks(records, done);
            for (long i = 0; i < records; i++) {
                producer.send(
                        new ProducerRecord<>(filled, payloads[(int) (i % payloads.length)]),
                        (metadata, error) -> acks.record(error));
            }
            ProducerBenchmark.awaitAcks(done, acks);
        }
    }

    /** The measured window of one run: wall clock, CPU and allocation from its creation. */
    private static final class Window {
        private final long cpu = ClientCpu.nanos();
        private final MemoryProbe probe = MemoryProbe.start();
        private final long start = System.nanoTime();

        Measurement measurement(String scenario, int round, long records) {
            long nanos = System.nanoTime() - start;
            long cpuNanos = ClientCpu.nanos() - cpu;
            long allocated = probe.allocatedBytes();
            return new Measurement(scenario, round, records, nanos, cpuNanos)
                    .withMemory(allocated, MemoryProbe.heapAfterGc());
        }
    }
}
