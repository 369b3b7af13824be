package dev.kafkasdk.benchmarks;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.consumer.SdkConsumerBuilder;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.OutgoingRecord;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.test.Backend;
import dev.kafkasdk.test.EmbeddedKafka;
import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaCluster;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The SDK's own cost per record against raw kafka-clients with the same properties: client CPU
 * microseconds and allocated bytes per record, summed over every thread of the client JVM (the
 * caller's, kafka-clients' I/O and background threads, the SDK's completion and poll threads) by
 * {@link ThreadCost}, for the producer in each preset and for the consumer.
 *
 * <p>Pairs: each SDK scenario runs right next to its raw twin in every round, SDK first in odd
 * rounds and raw first in even ones, and the report gives the minimum, median and maximum of the
 * per-round SDK/raw ratios. The producers send 100-byte records (no key, async with a callback
 * that counts) to a fresh 6-partition topic per run; the window runs from the first send to the
 * last acknowledgement, client creation and close outside it. The consumers read a topic filled
 * once, with a fresh group per run, from the first records returned (after the group join, which
 * neither pays per record) to the last record handled: the raw
 * loop polls, touches each record and calls {@code commitSync()} per poll; the SDK runs its
 * sequential consumer with a record handler (and, separately, a batch handler) committing after
 * each batch.
 */
public final class ClientCostBenchmark {

    /** SDK/raw ratio each pair must stay under, for CPU and for allocation. */
    static final double TARGET = 1.15;

    static final List<String> PRESETS = List.of("low-latency", "balanced", "throughput", "durable", "fire-and-forget");
    static final String CONSUMER_RECORD = "consumer, record handler";
    static final String CONSUMER_BATCH = "consumer, batch handler";

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final KafkaCluster cluster;
    private final String topicPrefix;
    private final BenchmarkConfig config;
    private final byte[][] payloads = ProducerBenchmark.randomPayloads(100);
    private String filled;

    /**
     * Prepares the scenarios.
     *
     * @param cluster the cluster to use
     * @param topicPrefix the prefix of the topics it creates and deletes
     */
    public ClientCostBenchmark(KafkaCluster cluster, String topicPrefix) {
        this.cluster = cluster;
        this.topicPrefix = topicPrefix;
        this.config = new BenchmarkConfig(cluster.bootstrapServers());
    }

    /**
     * Runs every pair once untimed, then {@code rounds} paired rounds.
     *
     * @param pairs the pairs to run: names from {@link #PRESETS}, {@link #CONSUMER_RECORD}, {@link #CONSUMER_BATCH}
     * @param producerRecords records per producer run
     * @param consumerRecords records per consumer run
     * @param rounds paired rounds
     * @return every measured run
     */
    public List<Cost> run(List<String> pairs, long producerRecords, long consumerRecords, int rounds)
            throws InterruptedException {
        List<Cost> costs = new ArrayList<>();
        try (ScratchTopics topics = new ScratchTopics(cluster, topicPrefix)) {
            if (pairs.stream().anyMatch(p -> p.startsWith("consumer"))) {
                // filled once, read by every consumer run; not a scratch topic, so rounds keep it
                filled = cluster.uniqueTopicName(topicPrefix + "-filled");
                cluster.createTopic(filled, 6);
                fill(consumerRecords);
            }
            for (int round = 0; round <= rounds; round++) {
                for (String pair : pairs) {
                    long records = pair.startsWith("consumer") ? consumerRecords : producerRecords;
                    boolean sdkFirst = round % 2 == 1;
                    for (boolean sdk : sdkFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                        Cost cost = measure(topics, pair, sdk, round, records);
                        if (round > 0) {
                            System.out.printf(
                                    "[client-cost] round %d %-26s %-3s %6.3f µs CPU/record %6.0f B/record load %.2f%n",
                                    round,
                                    pair,
                                    sdk ? "SDK" : "raw",
                                    cost.cpuMicrosPerRecord(),
                                    cost.bytesPerRecord(),
                                    cost.loadAverage());
                            costs.add(cost);
                        }
                    }
                }
                topics.deleteCreated();
            }
        }
        return costs;
    }

    /**
     * Runs the benchmark against a single-node broker in a child JVM (or {@code --bootstrap-servers})
     * and writes {@code benchmarks/results/client-cost.md} and {@code .csv}. Arguments:
     * {@code --records N} (producer runs, default 200,000), {@code --consumer-records N} (default
     * 200,000), {@code --rounds R} (default 5), {@code --only LIST} (comma list of preset names and
     * {@code consumer}), {@code --out FILE}, {@code --bootstrap-servers HOST:PORT}. Exits 1 when a
     * target is missed.
     *
     * @param args see above
     */
    public static void main(String[] args) throws Exception {
        long records = 200_000;
        long consumerRecords = 200_000;
        int rounds = 5;
        List<String> pairs = new ArrayList<>(PRESETS);
        pairs.add(CONSUMER_RECORD);
        pairs.add(CONSUMER_BATCH);
        Path out = Path.of("benchmarks", "results", "client-cost.md");
        String bootstrap = null;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--records" -> records = Long.parseLong(value);
                case "--consumer-records" -> consumerRecords = Long.parseLong(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--only" -> pairs = only(value);
                case "--out" -> out = Path.of(value);
                case "--bootstrap-servers" -> bootstrap = value;
                default ->
                    throw new IllegalArgumentException(
                            "unknown argument '" + args[i] + "'; valid: --records N,"
                                    + " --consumer-records N, --rounds R, --only LIST, --out FILE, --bootstrap-servers HOST:PORT");
            }
        }
        EmbeddedKafkaOptions.Builder options = EmbeddedKafkaOptions.builder();
        if (bootstrap != null) {
            options.externalBootstrapServers(bootstrap);
        } else {
            options.backend(Backend.CHILD_JVM).nodes(1).brokerProperty("file.delete.delay.ms", "0");
        }
        boolean targetsMet;
        try (KafkaCluster cluster = EmbeddedKafka.start(options.build())) {
            List<Cost> costs = new ClientCostBenchmark(cluster, cluster.uniqueTopicName("bench-cost"))
                    .run(pairs, records, consumerRecords, rounds);
            ClientCostReport report = new ClientCostReport(costs);
            List<Path> files = report.write(out, machine(rounds));
            System.out.println(Files.readString(files.get(0)));
            System.out.println("[client-cost] written: " + files);
            targetsMet = report.targetsMet();
        }
        // after the cluster closed, so that its admin client does not retry the stopped broker
        if (!targetsMet) {
            System.err.println("[client-cost] a target was missed; see the table");
            System.exit(1);
        }
    }

    /**
     * The pairs an {@code --only} list names.
     *
     * @param list comma list of preset names and {@code consumer}
     * @return the pairs
     */
    static List<String> only(String list) {
        List<String> pairs = new ArrayList<>();
        for (String name : list.split(",")) {
            String trimmed = name.trim();
            if (trimmed.equals("consumer")) {
                pairs.add(CONSUMER_RECORD);
                pairs.add(CONSUMER_BATCH);
            } else if (PRESETS.contains(trimmed)) {
                pairs.add(trimmed);
            } else {
                throw new IllegalArgumentException("--only: '" + trimmed + "' is not valid; use a comma list of "
                        + String.join(", ", PRESETS) + ", consumer");
            }
        }
        return pairs;
    }

    static String machine(int rounds) {
        return String.format(
                "Run %s on %d cores, Java %s (%s), %s %s; %d paired rounds after one warm-up.",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                rounds);
    }

    private Cost measure(ScratchTopics topics, String pair, boolean sdk, int round, long records)
            throws InterruptedException {
        double load = OS.getSystemLoadAverage();
        MemoryProbe.collectBeforeTimedRun();
        ThreadCost.Totals totals = switch (pair) {
            case CONSUMER_RECORD -> sdk ? sdkConsumer(records, false) : rawConsumer(records);
            case CONSUMER_BATCH -> sdk ? sdkConsumer(records, true) : rawConsumer(records);
            default -> {
                String topic = topics.create();
                yield sdk ? sdkProducer(pair, topic, records) : rawProducer(pair, topic, records);
            }
        };
        return new Cost(pair, sdk, round, records, totals, load);
    }

    private ThreadCost.Totals rawProducer(String preset, String topic, long records) throws InterruptedException {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                config.producer(preset).toProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
            CountDownLatch done = new CountDownLatch(1);
            ProducerBenchmark.Acks acks = new ProducerBenchmark.Acks(records, done);
            ThreadCost window = ThreadCost.start();
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, payload(i)), (metadata, error) -> acks.record(error));
            }
            ProducerBenchmark.awaitAcks(done, acks);
            return window.stop();
        }
    }

    private ThreadCost.Totals sdkProducer(String preset, String topic, long records) throws InterruptedException {
        try (SdkProducer<byte[], byte[]> producer =
                SdkProducer.create(config.producer(preset), Serdes.byteArray(), Serdes.byteArray())) {
            CountDownLatch done = new CountDownLatch(1);
            ProducerBenchmark.Acks acks = new ProducerBenchmark.Acks(records, done);
            ThreadCost window = ThreadCost.start();
            for (long i = 0; i < records; i++) {
                producer.send(
                        OutgoingRecord.<byte[], byte[]>of(topic, payload(i)), (result, error) -> acks.record(error));
            }
            ProducerBenchmark.awaitAcks(done, acks);
            return window.stop();
        }
    }

    private ThreadCost.Totals rawConsumer(long records) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                reader().toProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(filled));
            ThreadCost window = null;
            long seen = 0;
            long bytes = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (seen < records) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(100));
                if (window == null && !polled.isEmpty()) {
                    window = ThreadCost.start();
                }
                for (ConsumerRecord<byte[], byte[]> record : polled) {
                    bytes += record.value().length;
                    seen++;
                }
                consumer.commitSync();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("raw consumer read only " + seen + " of " + records);
                }
            }
            ThreadCost.Totals totals = window.stop();
            if (bytes <= 0) {
                throw new IllegalStateException("read no bytes");
            }
            return totals;
        }
    }

    private ThreadCost.Totals sdkConsumer(long records, boolean batches) throws InterruptedException {
        AtomicLong seen = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<ThreadCost> window = new AtomicReference<>();
        SdkConsumerBuilder<byte[], byte[]> builder = SdkConsumer.builder(
                        reader(), Serdes.byteArray(), Serdes.byteArray())
                .subscribe(filled)
                .commitMode(CommitMode.syncPerBatch());
        if (batches) {
            builder.batchHandler(batch -> {
                firstRecord(window);
                if (seen.addAndGet(batch.count()) >= records) {
                    done.countDown();
                }
            });
        } else {
            builder.recordHandler(record -> {
                firstRecord(window);
                bytes.addAndGet(record.value().length);
                if (seen.incrementAndGet() >= records) {
                    done.countDown();
                }
            });
        }
        try (SdkConsumer<byte[], byte[]> consumer = builder.build()) {
            consumer.start();
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("SDK consumer read only " + seen.get() + " of " + records);
            }
            return window.get().stop();
        }
    }

    /** Starts the window when the first records reach the handler, as the raw loop does after its first records. */
    private static void firstRecord(AtomicReference<ThreadCost> window) {
        if (window.get() == null) {
            window.set(ThreadCost.start());
        }
    }

    private ConsumerSettings reader() {
        return config.freshReader("bench-cost");
    }

    private byte[] payload(long i) {
        return payloads[(int) (i % payloads.length)];
    }

    private void fill(long records) throws InterruptedException {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                config.producer("throughput").toProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
            CountDownLatch done = new CountDownLatch(1);
            ProducerBenchmark.Acks acks = new ProducerBenchmark.Acks(records, done);
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(filled, payload(i)), (metadata, error) -> acks.record(error));
            }
            ProducerBenchmark.awaitAcks(done, acks);
        }
    }

    /**
     * One measured run.
     *
     * @param pair the pair it belongs to (a preset name or a consumer pair)
     * @param sdk whether the SDK ran (else raw kafka-clients)
     * @param round the round, from 1
     * @param records records sent or read
     * @param totals CPU and allocation over the client's threads
     * @param loadAverage the machine's one-minute load average when the run started
     */
    public record Cost(
            String pair, boolean sdk, int round, long records, ThreadCost.Totals totals, double loadAverage) {

        /**
         * CPU microseconds per record.
         *
         * @return over all client threads
         */
        public double cpuMicrosPerRecord() {
            return totals.cpuNanos() / 1e3 / records;
        }

        /**
         * Allocated bytes per record.
         *
         * @return over all client threads
         */
        public double bytesPerRecord() {
            return (double) totals.allocatedBytes() / records;
        }
    }
}
