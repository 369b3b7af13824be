package dev.kafkasdk.benchmarks;

import dev.kafkasdk.core.config.ProducerSettings;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.producer.OutgoingRecord;
import dev.kafkasdk.producer.SdkProducer;
import dev.kafkasdk.producer.SdkProducerBuilder;
import dev.kafkasdk.test.KafkaCluster;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * What observations cost a producer: the SDK producer with the BALANCED preset sends the same
 * records without observations (today's path), with {@code ObservationRegistry.NOOP}, with a
 * registry that has no handler, and with Micrometer Tracing over the OpenTelemetry SDK (every span
 * recorded, batched to an exporter that drops it), in paired rounds (every other round reversed).
 * The table's paired ratios say how each compares with no observations in the same round.
 */
public final class TracingBenchmark {

    static final String OFF = "SdkProducer, BALANCED, no observations";
    static final String NOOP = "SdkProducer, BALANCED, ObservationRegistry.NOOP";
    static final String EMPTY = "SdkProducer, BALANCED, registry without handlers";
    static final String OTEL = "SdkProducer, BALANCED, OpenTelemetry tracer (spans dropped)";

    private final KafkaCluster cluster;
    private final String topicPrefix;
    private final byte[][] payloads = ProducerBenchmark.randomPayloads(100);
    private final BenchmarkConfig config;
    private String topic;
    private LatencyRecorder latency = new LatencyRecorder();

    /**
     * Prepares the scenarios.
     *
     * @param cluster the cluster to send to
     * @param topic the prefix of the topics the benchmark creates and deletes
     */
    public TracingBenchmark(KafkaCluster cluster, String topic) {
        this.cluster = cluster;
        this.topicPrefix = topic;
        this.config = new BenchmarkConfig(cluster.bootstrapServers());
    }

    /**
     * Runs every scenario once untimed, then {@code rounds} timed rounds.
     *
     * @param records records per run
     * @param rounds timed rounds
     * @return the table; observations off is the baseline
     * @throws InterruptedException if interrupted
     */
    public ResultTable run(long records, int rounds) throws InterruptedException {
        ResultTable table = new ResultTable(
                String.format("Tracing: producer of %,d records of 100 B per run, observations off and on", records));
        table.compare(NOOP, OFF, 0.97);
        table.compare(EMPTY, OFF, 0.97);
        // a floor against regressions, not a goal: a real tracer makes a span and a header per record
        table.compare(OTEL, OFF, 0.1);
        List<String> scenarios = List.of(OFF, NOOP, EMPTY, OTEL);
        try (ScratchTopics topics = new ScratchTopics(cluster, topicPrefix)) {
            for (String scenario : scenarios) {
                measure(topics, scenario, 0, Math.max(1, records / 5));
            }
            topics.deleteCreated();
            for (int round = 1; round <= rounds; round++) {
                List<String> order = new ArrayList<>(scenarios);
                if (round % 2 == 0) {
                    Collections.reverse(order);
                }
                for (String scenario : order) {
                    Measurement m = measure(topics, scenario, round, records);
                    System.out.printf(
                            "[tracing] round %d %-60s %,12.0f records/s p99 %7.1f ms %6.2f µs CPU/record%n",
                            round, scenario, m.recordsPerSecond(), m.p99Millis(), m.cpuMicrosPerRecord());
                    table.add(m);
                }
                topics.deleteCreated();
            }
        }
        return table;
    }

    private Measurement measure(ScratchTopics topics, String scenario, int round, long records)
            throws InterruptedException {
        topic = topics.create();
        latency = new LatencyRecorder();
        return Measurement.timedSends(scenario, round, records, latency, () -> runOnce(scenario, records));
    }

    private long runOnce(String scenario, long records) throws InterruptedException {
        return switch (scenario) {
            case OFF -> send(null, records);
            case NOOP -> send(ObservationRegistry.NOOP, records);
            case EMPTY -> send(ObservationRegistry.create(), records);
            case OTEL -> {
                try (OpenTelemetrySdk otel = openTelemetry()) {
                    yield send(tracingRegistry(otel), records);
                }
            }
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
    }

    private long send(ObservationRegistry registry, long records) throws InterruptedException {
        ProducerSettings settings = config.producer("balanced");
        CountDownLatch done = new CountDownLatch(1);
        ProducerBenchmark.Acks acks = new ProducerBenchmark.Acks(records, done);
        SdkProducerBuilder<byte[], byte[]> builder =
                SdkProducer.builder(settings, Serdes.byteArray(), Serdes.byteArray());
        if (registry != null) {
            builder.observations(registry);
        }
        try (SdkProducer<byte[], byte[]> producer = builder.build()) {
            long start = System.nanoTime();
            for (long i = 0; i < records; i++) {
                long sent = latency.start();
                OutgoingRecord<byte[], byte[]> record = OutgoingRecord.of(topic, payloads[(int) (i % payloads.length)]);
                producer.send(record, (result, error) -> {
                    latency.record(sent);
                    acks.record(error);
                });
            }
            ProducerBenchmark.awaitAcks(done, acks);
            return System.nanoTime() - start;
        }
    }

    static OpenTelemetrySdk openTelemetry() {
        SpanExporter drop = SpanExporter.composite();
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(BatchSpanProcessor.builder(drop).build())
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    static ObservationRegistry tracingRegistry(OpenTelemetrySdk otel) {
        io.opentelemetry.api.trace.Tracer otelTracer = otel.getTracer("kafka-sdk-benchmark");
        OtelCurrentTraceContext current = new OtelCurrentTraceContext();
        OtelTracer tracer =
                new OtelTracer(otelTracer, current, event -> {}, new OtelBaggageManager(current, List.of(), List.of()));
        OtelPropagator propagator = new OtelPropagator(otel.getPropagators(), otelTracer);
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig()
                .observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                        new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                        new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                        new DefaultTracingObservationHandler(tracer)));
        return registry;
    }
}
