package dev.kafkasdk.benchmarks;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.SdkConsumer;
import dev.kafkasdk.consumer.SdkConsumerBuilder;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.OutgoingRecord;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.test.KafkaCluster;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What observations cost a consumer: the SDK consumer with a record handler (commit after each
 * batch) reads the same records, each carrying a W3C {@code traceparent} header from a traced
 * producer, without observations (today's path), with {@code ObservationRegistry.NOOP} and with
 * Micrometer Tracing over the OpenTelemetry SDK (a span per record, a child of its producer's,
 * batched to an exporter that drops it), in paired rounds (every other round reversed). The topic
 * is filled once; each run reads it from the start with a fresh group.
 */
public final class TracingConsumerBenchmark {

    static final String OFF = "SdkConsumer, record handler, no observations";
    static final String NOOP = "SdkConsumer, record handler, ObservationRegistry.NOOP";
    static final String OTEL = "SdkConsumer, record handler, OpenTelemetry tracer (spans dropped)";

    private final KafkaCluster cluster;
    private final String topic;
    private final BenchmarkConfig config;

    /**
     * Prepares the scenarios.
     *
     * @param cluster the cluster to read from
     * @param topic the name of the topic the benchmark creates and fills
     */
    public TracingConsumerBenchmark(KafkaCluster cluster, String topic) {
        this.cluster = cluster;
        this.topic = topic;
        this.config = new BenchmarkConfig(cluster.bootstrapServers());
    }

    /**
     * Fills the topic through a traced producer, reads it once per scenario untimed, then
     * {@code rounds} timed rounds.
     *
     * @param records records in the topic
     * @param rounds timed rounds
     * @return the table; observations off is the baseline
     * @throws Exception if the fill or a run fails
     */
    public ResultTable run(long records, int rounds) throws Exception {
        cluster.createTopic(topic, 6);
        fill(records);
        ResultTable table = new ResultTable(String.format(
                "Tracing: consumer of %,d records of 100 B with traceparent per run, observations off and on",
                records));
        table.compare(NOOP, OFF, 0.97);
        // a floor against regressions, not a goal: a real tracer makes a span per record
        table.compare(OTEL, OFF, 0.1);
        List<String> scenarios = List.of(OFF, NOOP, OTEL);
        for (String scenario : scenarios) {
            runOnce(scenario, records);
        }
        for (int round = 1; round <= rounds; round++) {
            List<String> order = new ArrayList<>(scenarios);
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (String scenario : order) {
                MemoryProbe.collectBeforeTimedRun();
                long cpuBefore = ClientCpu.nanos();
                long nanos = runOnce(scenario, records);
                Measurement m = new Measurement(scenario, round, records, nanos, ClientCpu.nanos() - cpuBefore);
                System.out.printf(
                        "[tracing] round %d %-66s %,12.0f records/s %6.2f µs CPU/record%n",
                        round, scenario, m.recordsPerSecond(), m.cpuMicrosPerRecord());
                table.add(m);
            }
        }
        return table;
    }

    private long runOnce(String scenario, long records) throws InterruptedException {
        return switch (scenario) {
            case OFF -> read(null, records);
            case NOOP -> read(ObservationRegistry.NOOP, records);
            case OTEL -> {
                try (OpenTelemetrySdk otel = TracingBenchmark.openTelemetry()) {
                    yield read(TracingBenchmark.tracingRegistry(otel), records);
                }
            }
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
    }

    /** Reads every record with a counting handler; the time from the first handled to the last. */
    private long read(ObservationRegistry registry, long records) throws InterruptedException {
        ConsumerSettings settings = config.freshReader("bench-tracing");
        AtomicLong first = new AtomicLong();
        AtomicLong seen = new AtomicLong();
        AtomicLong last = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        SdkConsumerBuilder<byte[], byte[]> builder = SdkConsumer.builder(
                        settings, Serdes.byteArray(), Serdes.byteArray())
                .subscribe(topic)
                .commitMode(CommitMode.syncPerBatch())
                .recordHandler(record -> {
                    first.compareAndSet(0, System.nanoTime());
                    if (seen.incrementAndGet() >= records && last.compareAndSet(0, System.nanoTime())) {
                        done.countDown();
                    }
                });
        if (registry != null) {
            builder.observations(registry);
        }
        try (SdkConsumer<byte[], byte[]> consumer = builder.build()) {
            consumer.start();
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("SDK consumer read only " + seen.get() + " of " + records);
            }
        }
        return last.get() - first.get();
    }

    /** Every record gets a traceparent from a traced SDK producer, as in a traced service. */
    private void fill(long records) throws Exception {
        byte[][] payloads = ProducerBenchmark.randomPayloads(100);
        ProducerSettings settings = config.producer("balanced");
        try (OpenTelemetrySdk otel = TracingBenchmark.openTelemetry();
                SdkProducer<byte[], byte[]> producer = SdkProducer.builder(
                                settings, Serdes.byteArray(), Serdes.byteArray())
                        .observations(TracingBenchmark.tracingRegistry(otel))
                        .build()) {
            List<CompletableFuture<?>> window = new ArrayList<>();
            for (long i = 0; i < records; i++) {
                window.add(producer.send(OutgoingRecord.of(topic, payloads[(int) (i % payloads.length)])));
                if (window.size() == 10_000) {
                    CompletableFuture.allOf(window.toArray(CompletableFuture[]::new))
                            .get(2, TimeUnit.MINUTES);
                    window.clear();
                }
            }
            CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        }
    }
}
